package org.ssdbench.diff;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.ssdbench.engine.trt.profile.KernelArithmetic;
import org.ssdbench.engine.trt.profile.KernelLine;
import org.ssdbench.engine.trt.profile.KernelProfileCsv;

/**
 * Whether a TensorRT configuration ran the same engine in two runs, from each run folder's kernel profile
 * ({@code trt-kernels.csv}). TensorRT picks each layer's kernel by timing candidates during the build, so two builds of
 * the same network on the same GPU model can launch different kernels, and an INT8 build can keep different layers in
 * FP16: on two H200 machines one INT8 engine ran 95% of its convolution time in INT8 kernels and another 26%, and their
 * latencies were 1.2x apart. A diff of such rows measures the builds as much as the code or the GPU; this says when.
 *
 * <pre>{@code
 * EngineComparison.of(runA, runB).forEach(System.out::println);
 * }</pre>
 */
public final class EngineComparison {
  private EngineComparison() {}

  /** One line per configuration and batch profiled in both runs; empty where either has no kernel profile. */
  public static List<String> of(Path runA, Path runB) throws IOException {
    Map<String, List<KernelLine>> a = byEngine(runA);
    Map<String, List<KernelLine>> b = byEngine(runB);
    List<String> lines = new ArrayList<>();
    for (Map.Entry<String, List<KernelLine>> engine : a.entrySet()) {
      List<KernelLine> other = b.get(engine.getKey());
      if (other != null) {
        lines.add(engine.getKey() + ": " + compare(engine.getValue(), other));
      }
    }
    return lines;
  }

  /** {@code the same 33 kernels} or how the two kernel lists and their arithmetic differ. */
  static String compare(List<KernelLine> a, List<KernelLine> b) {
    Set<String> namesA = names(a);
    Set<String> namesB = names(b);
    Set<String> common = new TreeSet<>(namesA);
    common.retainAll(namesB);
    String mix = " (convolution time by arithmetic: A " + arithmetic(a) + "; B " + arithmetic(b) + ")";
    if (common.size() == namesA.size() && common.size() == namesB.size()) {
      return "the same " + common.size() + " kernels" + mix;
    }
    return String.format(Locale.ROOT, "different engines: %d kernels in A, %d in B, %d in both%s; the builds chose"
        + " different kernels, so this row compares the builds as well as the code and the GPU", namesA.size(),
        namesB.size(), common.size(), mix);
  }

  private static Set<String> names(List<KernelLine> lines) {
    return lines.stream().map(KernelLine::kernel).collect(Collectors.toCollection(TreeSet::new));
  }

  private static String arithmetic(List<KernelLine> lines) {
    Map<KernelArithmetic, Double> shares = KernelArithmetic.shares(lines);
    if (shares.isEmpty()) {
      return "none";
    }
    return shares.entrySet().stream()
        .map(e -> String.format(Locale.ROOT, "%s %.0f%%", e.getKey().label(), 100 * e.getValue()))
        .collect(Collectors.joining(", "));
  }

  private static Map<String, List<KernelLine>> byEngine(Path runDir) throws IOException {
    Path file = runDir.resolve(KernelProfileCsv.KERNELS);
    return Files.isRegularFile(file) ? KernelProfileCsv.byEngine(KernelProfileCsv.readKernels(file)) : Map.of();
  }
}
