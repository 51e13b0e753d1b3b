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
 *   <li>{@code signature}: per device and variant, the time of one isolated call, of its negative control (the same
 *       feeds and fetches through a graph that does no work, measured in the same run) and the op's own time, call minus
 *       control, with the half-width of its 95% interval; the CPU / GPU ratio of the net times (above 1: the GPU is faster;
 *       blank where either is not told apart from zero); and the isolated-call estimate for one inference, net time x
 *       occurrences, a net time below zero within its uncertainty counted as zero;
 *   <li>{@code op_type}: the op type's share of one inference, from the traced run of that configuration: its time inside
 *       the graph over the traced total. A share is a part of a sum of non-negative times over that sum, so it lies in
 *       [0, 1] by construction. Beside it, in its own column, the isolated-call estimate of the measured part: the sum
 *       over the benchmarked signatures of net time x occurrences (covered_occurrences of occurrences),
 *       device-resident where measured, else host-fed. Occurrences of signatures not benchmarked are not charged: one
 *       op type spans shapes whose costs differ by orders of magnitude (a 1x1 convolution on 19x19x32 and a 3x3 one on
 *       10x10x1280), so no mean of the measured ones stands for them. The estimate is never divided by the trace's
 *       total: isolated calls and calls inside a graph are different things.
 * </ul>
 */
public record OpsReport(List<Row> rows) {
  public static final String[] HEADER = header();

  public OpsReport {
    rows = List.copyOf(rows);
  }

  private static String[] header() {
    List<String> h = new ArrayList<>(List.of("level", "op_type", "signature", "occurrences", "covered_occurrences"));
    for (OpDevice d : OpDevice.values()) {
      for (Variant v : Variant.values()) {
        String prefix = d.param() + "_" + v.param().replace('-', '_');
        h.addAll(List.of(prefix + "_call_us", prefix + "_control_us", prefix + "_net_us", prefix + "_net_ci95_us"));
      }
    }
    h.addAll(List.of("cpu_over_gpu_host_fed", "cpu_over_gpu_device_resident",
        "isolated_est_cpu_us", "trace_cpu_us", "trace_cpu_share",
        "isolated_est_gpu_us", "trace_gpu_us", "trace_gpu_share", "note"));
    return h.toArray(String[]::new);
  }

  /**
   * One row; NaN where a value is not known (no GPU result, no control, no trace, a signature the model does not have).
   *
   * @param timings per device and variant (null where not measured): signature rows only
   * @param traceCpuShare the op type's share of the traced tf-cpu inference, in [0, 1]; NaN on signature rows
   */
  public record Row(
      String level, String opType, String signature, int occurrences, int coveredOccurrences, OpTiming[][] timings,
      double isolatedEstCpuMicros, double traceCpuMicros, double traceCpuShare,
      double isolatedEstGpuMicros, double traceGpuMicros, double traceGpuShare, String note) {
    public OpTiming timing(OpDevice d, Variant v) {
      return timings[d.ordinal()][v.ordinal()];
    }

    /** The op's net time per call (call minus control) on {@code d} in {@code v}; NaN where not known. */
    public double net(OpDevice d, Variant v) {
      OpTiming t = timing(d, v);
      return t == null ? Double.NaN : t.netMicros();
    }

    /**
     * CPU net time / GPU net time for one variant: above 1 the GPU is faster. NaN where either net time is not told apart
     * from zero, as in the report's per-op table: such a ratio (of two noisy values near zero, even of two negative
     * ones) says nothing.
     */
    public double cpuOverGpu(Variant v) {
      OpTiming cpu = timing(OpDevice.CPU, v);
      OpTiming gpu = timing(OpDevice.GPU, v);
      return cpu == null || gpu == null || !cpu.netToldApartFromZero() || !gpu.netToldApartFromZero() ? Double.NaN
          : cpu.netMicros() / gpu.netMicros();
    }
  }

  /** Builds the report from OpBenchmark results, the model's signature table and the optional traces. */
  public static OpsReport of(List<OpTiming> timings, SignatureTable table, Optional<TraceOpTimes> cpuTrace,
      Optional<TraceOpTimes> gpuTrace) {
    Map<String, OpTiming[][]> bySignature = new LinkedHashMap<>();
    Map<String, String> opTypeOf = new LinkedHashMap<>();
    for (OpTiming t : timings) {
      OpTiming[][] grid = bySignature.computeIfAbsent(t.signature(),
          k -> new OpTiming[OpDevice.values().length][Variant.values().length]);
      grid[t.device().ordinal()][t.variant().ordinal()] = t;
      opTypeOf.put(t.signature(), t.opType());
    }
    List<Row> rows = new ArrayList<>();
    Map<String, List<Row>> byOpType = new LinkedHashMap<>();
    bySignature.forEach((sig, grid) -> {
      int occurrences = table.find(sig).map(SignatureStat::occurrences).orElse(0);
      // A signature the model does not have (passed with -p signature=...) has no part in an inference.
      double estCpu = occurrences == 0 ? Double.NaN : perCall(grid, OpDevice.CPU) * occurrences;
      double estGpu = occurrences == 0 ? Double.NaN : perCall(grid, OpDevice.GPU) * occurrences;
      Row r = new Row("signature", opTypeOf.get(sig), sig, occurrences, occurrences, grid,
          estCpu, Double.NaN, Double.NaN, estGpu, Double.NaN, Double.NaN, note(grid));
      rows.add(r);
      byOpType.computeIfAbsent(r.opType(), k -> new ArrayList<>()).add(r);
    });
    byOpType.forEach((opType, sigRows) -> {
      int total = OpKind.isMeasured(opType) ? table.occurrences(OpKind.byOpType(opType)) : 0;
      int covered = sigRows.stream().mapToInt(Row::occurrences).sum();
      rows.add(new Row("op_type", opType, "", total, covered, new OpTiming[OpDevice.values().length][Variant.values().length],
          measuredPart(sigRows, OpDevice.CPU), cpuTrace.map(t -> t.micros(opType)).orElse(Double.NaN),
          cpuTrace.map(t -> t.share(opType)).orElse(Double.NaN),
          measuredPart(sigRows, OpDevice.GPU), gpuTrace.map(t -> t.micros(opType)).orElse(Double.NaN),
          gpuTrace.map(t -> t.share(opType)).orElse(Double.NaN), ""));
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
        List<Object> cells = new ArrayList<>(List.of(r.level(), r.opType(), r.signature(), r.occurrences(),
            r.coveredOccurrences()));
        for (OpDevice d : OpDevice.values()) {
          for (Variant v : Variant.values()) {
            OpTiming t = r.timing(d, v);
            cells.add(t == null ? "" : num(t.callMicros()));
            cells.add(t == null ? "" : num(t.controlMicros()));
            cells.add(t == null ? "" : num(t.netMicros()));
            cells.add(t == null ? "" : num(t.netHalfWidth()));
          }
        }
        cells.addAll(List.of(ratio(r.cpuOverGpu(Variant.HOST_FED)), ratio(r.cpuOverGpu(Variant.DEVICE_RESIDENT)),
            num(r.isolatedEstCpuMicros()), num(r.traceCpuMicros()), ratio(r.traceCpuShare()),
            num(r.isolatedEstGpuMicros()), num(r.traceGpuMicros()), ratio(r.traceGpuShare()), r.note()));
        csv.printRecord(cells);
      }
    }
  }

  /**
   * Device-resident net time per call, else host-fed; a net time below zero within its uncertainty counts as zero,
   * since a time is not negative (the row's note says so).
   */
  private static double perCall(OpTiming[][] grid, OpDevice d) {
    OpTiming resident = grid[d.ordinal()][Variant.DEVICE_RESIDENT.ordinal()];
    OpTiming fed = grid[d.ordinal()][Variant.HOST_FED.ordinal()];
    double r = resident == null ? Double.NaN : resident.netMicros();
    double net = !Double.isNaN(r) ? r : fed == null ? Double.NaN : fed.netMicros();
    return Double.isNaN(net) ? net : Math.max(0, net);
  }

  /** Why net times are missing: no control in the run, or a control slower than the call beyond the uncertainty. */
  private static String note(OpTiming[][] grid) {
    List<String> notes = new ArrayList<>();
    for (OpDevice d : OpDevice.values()) {
      for (Variant v : Variant.values()) {
        OpTiming t = grid[d.ordinal()][v.ordinal()];
        if (t == null) {
          continue;
        }
        String where = d.param() + " " + v.param();
        if (Double.isNaN(t.controlMicros())) {
          notes.add(where + ": no control measured");
        } else if (t.controlExceedsCall()) {
          notes.add(where + ": control slower than the call beyond the uncertainty");
        } else if (!t.netToldApartFromZero()) {
          notes.add(String.format(Locale.ROOT, "%s: not told apart from zero (%.2f +- %.2f us; no ratio%s)", where,
              t.netMicros(), t.netHalfWidth(), t.netMicros() < 0 ? ", 0 in the estimate" : ""));
        }
      }
    }
    return String.join("; ", notes);
  }

  /** The measured signatures' part of an op type's isolated-call time per inference: net time x occurrences. */
  private static double measuredPart(List<Row> rows, OpDevice d) {
    double sum = 0;
    boolean any = false;
    for (Row r : rows) {
      double t = perCall(r.timings(), d);
      if (!Double.isNaN(t) && r.occurrences() > 0) {
        sum += t * r.occurrences();
        any = true;
      }
    }
    return any ? sum : Double.NaN;
  }

  private static String num(double v) {
    return Double.isNaN(v) || Double.isInfinite(v) ? "" : String.format(Locale.ROOT, "%.2f", v);
  }

  private static String ratio(double v) {
    return Double.isNaN(v) || Double.isInfinite(v) ? "" : String.format(Locale.ROOT, "%.4f", v);
  }
}
