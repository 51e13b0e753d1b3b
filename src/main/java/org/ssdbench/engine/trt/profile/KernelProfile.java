package org.ssdbench.engine.trt.profile;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The activity of N traced inferences of one engine, per inference: each kernel name's launches, time and share of
 * the summed work, and the busy time compared with the CUDA-event GPU time of N untraced inferences.
 */
public record KernelProfile(ProfileSummary summary, List<KernelLine> kernels) {
  public KernelProfile {
    kernels = List.copyOf(kernels);
  }

  /**
   * @param activity every kernel, copy and fill of exactly {@code inferences} inferences
   * @param eventMicros the p50 CUDA-event GPU time per inference of the same engine, untraced
   */
  public static KernelProfile of(String config, int batch, List<GpuActivity> activity, int inferences,
      double eventMicros) {
    if (inferences < 1) {
      throw new IllegalArgumentException("inferences must be >= 1, got " + inferences);
    }
    Map<String, long[]> byName = new LinkedHashMap<>(); // name -> {launches, ns}
    long kernelNs = 0;
    long copyNs = 0;
    for (GpuActivity a : activity) {
      long[] sums = byName.computeIfAbsent(a.name(), n -> new long[2]);
      sums[0]++;
      sums[1] += a.durationNs();
      if (a.type() == GpuActivity.Type.KERNEL) {
        kernelNs += a.durationNs();
      } else {
        copyNs += a.durationNs();
      }
    }
    double totalNs = kernelNs + copyNs;
    List<KernelLine> lines = new ArrayList<>();
    byName.forEach((name, sums) -> lines.add(new KernelLine(config, batch, name, KernelKind.of(name),
        (double) sums[0] / inferences, micros(sums[1], inferences), totalNs > 0 ? sums[1] / totalNs : 0)));
    lines.sort(Comparator.comparingDouble(KernelLine::microsPerInference).reversed()
        .thenComparing(KernelLine::kernel));
    return new KernelProfile(new ProfileSummary(config, batch, inferences, eventMicros,
        micros(busyNs(activity), inferences), micros(kernelNs, inferences), micros(copyNs, inferences)), lines);
  }

  /** The length of the union of the activities' intervals: overlapping work counts once. */
  static long busyNs(List<GpuActivity> activity) {
    List<GpuActivity> sorted = activity.stream().sorted(Comparator.comparingLong(GpuActivity::startNs)).toList();
    long busy = 0;
    long runStart = Long.MIN_VALUE;
    long runEnd = Long.MIN_VALUE;
    for (GpuActivity a : sorted) {
      if (a.startNs() > runEnd) {
        busy += runEnd - runStart;
        runStart = a.startNs();
        runEnd = a.endNs();
      } else {
        runEnd = Math.max(runEnd, a.endNs());
      }
    }
    return busy + (runEnd - runStart);
  }

  private static double micros(long ns, int inferences) {
    return ns / 1000.0 / inferences;
  }

  /** Time per inference by kind, in µs, classifying each line's kernel name again; kinds without time are left out. */
  public static Map<KernelKind, Double> microsByKind(List<KernelLine> lines) {
    Map<KernelKind, Double> byKind = new EnumMap<>(KernelKind.class);
    for (KernelLine line : lines) {
      byKind.merge(KernelKind.of(line.kernel()), line.microsPerInference(), Double::sum);
    }
    return byKind;
  }
}
