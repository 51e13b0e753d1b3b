package org.ssdbench.ops;

import java.io.IOException;
import java.io.Writer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.ssdbench.placement.Placement;
import org.ssdbench.results.RunFolder;

/**
 * The per-op report of a run folder, {@code ops-report.csv}: OpBenchmark's times set beside the model's signature table
 * and, where the run has them, the end-to-end traces ({@code traces/tf-cpu.ops.csv}, {@code traces/tf-gpu.ops.csv}).
 *
 * <p>One table, two kinds of rows ({@code level}):
 *
 * <ul>
 *   <li>{@code signature}: mean time per call on each device and variant, and CPU time / GPU time (above 1: the GPU is
 *       faster) per variant;
 *   <li>{@code op_type}: the estimated time of the op type in one inference, sum over its benchmarked signatures of time
 *       per call x occurrences, with the occurrences of signatures not benchmarked charged at the benchmarked ones' mean
 *       (covered_occurrences says how many were measured); next to it the op type's time in the end-to-end trace. Shares
 *       divide both by the trace's total time, so they compare directly. Estimates use the device-resident time (inside the
 *       model, inputs are already on the device), falling back to host-fed.
 * </ul>
 */
public record OpsReport(List<Row> rows) {
  public static final String[] HEADER = {
    "level", "op_type", "signature", "occurrences", "covered_occurrences",
    "cpu_host_fed_us", "cpu_device_resident_us", "gpu_host_fed_us", "gpu_device_resident_us",
    "cpu_over_gpu_host_fed", "cpu_over_gpu_device_resident",
    "est_cpu_us", "trace_cpu_us", "est_cpu_share", "trace_cpu_share",
    "est_gpu_us", "trace_gpu_us", "est_gpu_share", "trace_gpu_share",
  };

  public OpsReport {
    rows = List.copyOf(rows);
  }

  /**
   * One row; NaN where a value is not known (no GPU result, no trace, a signature the model does not have).
   *
   * @param times mean microseconds per call indexed [device][variant] in enum order
   */
  public record Row(
      String level, String opType, String signature, int occurrences, int coveredOccurrences, double[][] times,
      double estCpuMicros, double traceCpuMicros, double estCpuShare, double traceCpuShare,
      double estGpuMicros, double traceGpuMicros, double estGpuShare, double traceGpuShare) {
    public double time(OpDevice d, Variant v) {
      return times[d.ordinal()][v.ordinal()];
    }

    /** CPU time / GPU time for one variant: above 1 the GPU is faster. */
    public double cpuOverGpu(Variant v) {
      return time(OpDevice.CPU, v) / time(OpDevice.GPU, v);
    }
  }

  /** Builds the report from OpBenchmark results, the model's signature table and the optional traces. */
  public static OpsReport of(List<OpTiming> timings, SignatureTable table, Optional<TraceOpTimes> cpuTrace,
      Optional<TraceOpTimes> gpuTrace) {
    Map<String, double[][]> bySignature = new LinkedHashMap<>();
    Map<String, String> opTypeOf = new LinkedHashMap<>();
    for (OpTiming t : timings) {
      double[][] times = bySignature.computeIfAbsent(t.signature(), k -> nanGrid());
      times[t.device().ordinal()][t.variant().ordinal()] = t.meanMicros();
      opTypeOf.put(t.signature(), t.opType());
    }
    List<Row> rows = new ArrayList<>();
    Map<String, List<Row>> byOpType = new LinkedHashMap<>();
    bySignature.forEach((sig, times) -> {
      int occurrences = table.find(sig).map(SignatureStat::occurrences).orElse(0);
      // A signature the model does not have (passed with -p signature=...) has no share of an inference.
      double estCpu = occurrences == 0 ? Double.NaN : perCall(times, OpDevice.CPU) * occurrences;
      double estGpu = occurrences == 0 ? Double.NaN : perCall(times, OpDevice.GPU) * occurrences;
      Row r = new Row("signature", opTypeOf.get(sig), sig, occurrences, occurrences, times,
          estCpu, Double.NaN, share(estCpu, cpuTrace), Double.NaN,
          estGpu, Double.NaN, share(estGpu, gpuTrace), Double.NaN);
      rows.add(r);
      byOpType.computeIfAbsent(r.opType(), k -> new ArrayList<>()).add(r);
    });
    byOpType.forEach((opType, sigRows) -> {
      int total = OpKind.isMeasured(opType) ? table.occurrences(OpKind.byOpType(opType)) : 0;
      int covered = sigRows.stream().mapToInt(Row::occurrences).sum();
      double estCpu = extrapolate(sigRows, OpDevice.CPU, total, covered);
      double estGpu = extrapolate(sigRows, OpDevice.GPU, total, covered);
      double traceCpu = cpuTrace.map(t -> t.micros(opType)).orElse(Double.NaN);
      double traceGpu = gpuTrace.map(t -> t.micros(opType)).orElse(Double.NaN);
      rows.add(new Row("op_type", opType, "", total, covered, nanGrid(),
          estCpu, traceCpu, share(estCpu, cpuTrace), cpuTrace.map(t -> t.share(opType)).orElse(Double.NaN),
          estGpu, traceGpu, share(estGpu, gpuTrace), gpuTrace.map(t -> t.share(opType)).orElse(Double.NaN)));
    });
    return new OpsReport(rows);
  }

  /**
   * Reads every {@code jmh-*.json} of {@code run} and its traces, and builds the report.
   *
   * @throws IllegalArgumentException if the run has no OpBenchmark results, naming the files it read
   */
  public static OpsReport of(RunFolder run, SignatureTable table) throws IOException {
    List<OpTiming> timings = new ArrayList<>();
    List<Path> files = run.jmhJsonFiles();
    for (Path f : files) {
      timings.addAll(OpTiming.read(f));
    }
    if (timings.isEmpty()) {
      throw new IllegalArgumentException("No OpBenchmark results in %s (JMH files: %s); run OpBenchmark with -rf json -rff %s"
          .formatted(run.dir(), files.stream().map(p -> p.getFileName().toString()).toList(), run.jmhJson("ops")));
    }
    String cpu = Placement.TF_CPU.configName();
    String gpu = Placement.TF_GPU.configName();
    return of(timings, table, TraceOpTimes.read(run.opTable(cpu), cpu), TraceOpTimes.read(run.opTable(gpu), gpu));
  }

  public void writeCsv(Path file) throws IOException {
    Path parent = file.toAbsolutePath().getParent();
    if (parent != null) {
      Files.createDirectories(parent);
    }
    try (Writer w = Files.newBufferedWriter(file);
        CSVPrinter csv = CSVFormat.DEFAULT.builder().setHeader(HEADER).get().print(w)) {
      for (Row r : rows) {
        csv.printRecord(r.level(), r.opType(), r.signature(), r.occurrences(), r.coveredOccurrences(),
            num(r.time(OpDevice.CPU, Variant.HOST_FED)), num(r.time(OpDevice.CPU, Variant.DEVICE_RESIDENT)),
            num(r.time(OpDevice.GPU, Variant.HOST_FED)), num(r.time(OpDevice.GPU, Variant.DEVICE_RESIDENT)),
            ratio(r.cpuOverGpu(Variant.HOST_FED)), ratio(r.cpuOverGpu(Variant.DEVICE_RESIDENT)),
            num(r.estCpuMicros()), num(r.traceCpuMicros()), ratio(r.estCpuShare()), ratio(r.traceCpuShare()),
            num(r.estGpuMicros()), num(r.traceGpuMicros()), ratio(r.estGpuShare()), ratio(r.traceGpuShare()));
      }
    }
  }

  private static double[][] nanGrid() {
    double[][] g = new double[OpDevice.values().length][Variant.values().length];
    for (double[] row : g) {
      java.util.Arrays.fill(row, Double.NaN);
    }
    return g;
  }

  /** Device-resident time per call, else host-fed. */
  private static double perCall(double[][] times, OpDevice d) {
    double resident = times[d.ordinal()][Variant.DEVICE_RESIDENT.ordinal()];
    return Double.isNaN(resident) ? times[d.ordinal()][Variant.HOST_FED.ordinal()] : resident;
  }

  private static double extrapolate(List<Row> rows, OpDevice d, int total, int covered) {
    double sum = 0;
    int measured = 0;
    for (Row r : rows) {
      double t = perCall(r.times(), d);
      if (!Double.isNaN(t) && r.occurrences() > 0) {
        sum += t * r.occurrences();
        measured += r.occurrences();
      }
    }
    if (measured == 0) {
      return Double.NaN;
    }
    return sum + (sum / measured) * Math.max(0, total - covered);
  }

  private static double share(double micros, Optional<TraceOpTimes> trace) {
    return trace.map(t -> t.totalMicros() == 0 ? Double.NaN : micros / t.totalMicros()).orElse(Double.NaN);
  }

  private static String num(double v) {
    return Double.isNaN(v) || Double.isInfinite(v) ? "" : String.format(Locale.ROOT, "%.2f", v);
  }

  private static String ratio(double v) {
    return Double.isNaN(v) || Double.isInfinite(v) ? "" : String.format(Locale.ROOT, "%.4f", v);
  }
}
