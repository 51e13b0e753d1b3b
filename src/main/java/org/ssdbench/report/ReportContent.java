package org.ssdbench.report;

import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.ssdbench.report.analysis.Claim;
import org.ssdbench.report.analysis.ConfigLatency;
import org.ssdbench.report.analysis.EndToEnd;
import org.ssdbench.report.analysis.OpTiming;
import org.ssdbench.report.analysis.Verdict;
import org.ssdbench.report.csv.CsvRow;
import org.ssdbench.report.doc.Block;
import org.ssdbench.report.run.RunData;
import org.ssdbench.results.Environment;

/**
 * The text and tables of one run's report, in order: verdict, environment, end-to-end results, per-op results, every
 * result, side tables. Missing pieces are stated as sentences.
 */
final class ReportContent {
  private ReportContent() {}

  static List<Block> blocks(
      RunData run,
      List<ConfigLatency> latencies,
      List<OpTiming> ops,
      List<CsvRow> rows,
      List<Block.Chart> charts,
      List<Block> sideTables) {
    List<Block> blocks = new ArrayList<>();
    blocks.add(new Block.Heading(1, "SSD MobileNet V2 inference: run " + run.name()));
    blocks.addAll(verdict(latencies));
    blocks.addAll(environment(run.env()));
    blocks.add(new Block.Heading(2, "End-to-end latency"));
    blocks.addAll(endToEnd(latencies, run.env().map(e -> e.gpuName() == null).orElse(false)));
    charts.stream().filter(c -> !c.png().getFileName().toString().startsWith("ops")).forEach(blocks::add);
    blocks.add(new Block.Heading(2, "Per-op CPU vs GPU"));
    blocks.addAll(perOp(ops));
    charts.stream().filter(c -> c.png().getFileName().toString().startsWith("ops")).forEach(blocks::add);
    blocks.add(new Block.Heading(2, "All results"));
    blocks.addAll(allResults(rows));
    blocks.add(new Block.Heading(2, "Placement and traces"));
    blocks.addAll(sideTables);
    return blocks;
  }

  private static List<Block> verdict(List<ConfigLatency> latencies) {
    List<Block> blocks = new ArrayList<>();
    blocks.add(new Block.Heading(2, "Reproduction verdict"));
    List<Claim> claims = Verdict.claims(latencies);
    List<List<String>> rows = new ArrayList<>();
    for (Claim claim : claims) {
      rows.add(List.of(claim.name(), claim.ratioLabel(), Numbers.ratio(claim.claimed()),
          Numbers.ratio(claim.measured()), claim.outcome().toString(), claim.detail()));
    }
    blocks.add(new Block.Table(List.of("claim", "ratio", "article", "measured", "verdict", "numbers"), rows));
    blocks.add(new Block.Paragraph(String.format(java.util.Locale.ROOT,
        "A claim is reproduced when our ratio reaches at least %.0f%% of the article's factor. The article ran on a "
            + "Colab GPU of its day with TensorFlow 1.x; ratios, not absolute times, are compared.",
        Verdict.TOLERANCE * 100)));
    return blocks;
  }

  private static List<Block> environment(Optional<Environment> env) {
    List<Block> blocks = new ArrayList<>();
    blocks.add(new Block.Heading(2, "Environment"));
    if (env.isEmpty()) {
      blocks.add(new Block.Paragraph("This run folder has no env.json: the GPU, driver and versions are unknown."));
      return blocks;
    }
    List<List<String>> rows = new ArrayList<>();
    for (RecordComponent component : Environment.class.getRecordComponents()) {
      try {
        Object value = component.getAccessor().invoke(env.get());
        rows.add(List.of(component.getName(), value == null ? "unknown" : value.toString()));
      } catch (ReflectiveOperationException e) {
        throw new IllegalStateException("cannot read Environment." + component.getName(), e);
      }
    }
    if (env.get().gpuName() == null) {
      blocks.add(new Block.Paragraph("No GPU was recorded for this run: GPU configurations did not run here."));
    }
    blocks.add(new Block.Table(List.of("field", "value"), rows));
    return blocks;
  }

  private static List<Block> endToEnd(List<ConfigLatency> latencies, boolean noGpu) {
    if (latencies.isEmpty()) {
      return List.of(new Block.Paragraph(
          "No end-to-end results (EndToEndBenchmark or TensorRtBenchmark with a config param) in this run."));
    }
    List<Block> blocks = new ArrayList<>();
    Optional<ConfigLatency> baseline = EndToEnd.find(latencies, EndToEnd.BASELINE);
    if (baseline.isEmpty()) {
      blocks.add(new Block.Paragraph(noGpu
          ? "This run had no GPU (env.json records none): tf-gpu did not run, so speedups over tf-gpu are not computed."
          : "No tf-gpu result in this run: speedups over tf-gpu are not computed."));
    }
    List<List<String>> rows = new ArrayList<>();
    for (ConfigLatency c : latencies) {
      rows.add(List.of(
          c.config(), c.benchmark(), c.mode(), Numbers.format(c.millis()), Numbers.format(c.errorMillis()),
          Numbers.format(c.p50()), Numbers.format(c.p99()), Numbers.format(c.p999()), Numbers.format(c.gpuMillis()),
          baseline.map(b -> Double.isNaN(c.speedupOver(b)) ? "other workload" : Numbers.ratio(c.speedupOver(b))).orElse("")));
    }
    blocks.add(new Block.Table(
        List.of("config", "benchmark", "mode", "ms", "\u00b1 ms (95% CI)", "p50 ms", "p99 ms", "p99.9 ms",
            "GPU time ms", "speedup over tf-gpu"),
        rows));
    return blocks;
  }

  private static List<Block> perOp(List<OpTiming> ops) {
    if (ops.isEmpty()) {
      return List.of(new Block.Paragraph("No per-op results (OpBenchmark with op and device params) in this run."));
    }
    List<List<String>> rows = new ArrayList<>();
    boolean net = ops.stream().anyMatch(OpTiming::controlSubtracted);
    for (OpTiming op : ops) {
      rows.add(List.of(net && !op.controlSubtracted() ? op.op() + " (whole call, no control)" : op.op(), op.signature(), withError(op.cpuMicros(), op.cpuHalfWidth()),
          withError(op.gpuHostFedMicros(), op.gpuHostFedHalfWidth()),
          withError(op.gpuDeviceResidentMicros(), op.gpuDeviceResidentHalfWidth()), Numbers.ratio(op.cpuOverGpuHostFed()),
          Numbers.ratio(op.cpuOverGpuDeviceResident())));
    }
    String what = net
        ? "Each op's own time in \u00b5s per call: the isolated call minus its negative control (the same feeds and "
            + "fetches through a graph that does no work, measured in the same run, device and variant), \u00b1 the 95% "
            + "interval of the difference. Empty: not measured, or the control slower than the call beyond that interval."
        : "Times in \u00b5s per isolated call \u00b1 95% interval, INCLUDING TensorFlow's per-call session overhead: "
            + "this run measured no negative control (OpBenchmark graph=control), so they could not be made net of it.";
    return List.of(
        new Block.Paragraph(what + " A ratio above 1 means the GPU is faster than the CPU; it is left out where either "
            + "time's interval reaches zero, since such a time is not told apart from nothing."),
        new Block.Table(List.of("op", "signature", "CPU \u00b5s", "GPU host-fed \u00b5s", "GPU device-resident \u00b5s",
            "CPU / GPU host-fed", "CPU / GPU device-resident"), rows));
  }

  private static String withError(double value, double halfWidth) {
    if (Double.isNaN(value)) {
      return "";
    }
    return Double.isNaN(halfWidth) ? Numbers.format(value) : Numbers.format(value) + " \u00b1 " + Numbers.format(halfWidth);
  }

  private static List<Block> allResults(List<CsvRow> rows) {
    if (rows.isEmpty()) {
      return List.of(new Block.Paragraph("No JMH results (jmh-*.json) in this run folder."));
    }
    List<List<String>> table = new ArrayList<>();
    for (CsvRow r : rows) {
      table.add(List.of(r.name(), readable(r.params()), r.mode(), Numbers.format(r.score()),
          Double.isNaN(r.ci95Low()) ? "" : "[" + Numbers.format(r.ci95Low()) + ", " + Numbers.format(r.ci95High()) + "]",
          r.unit(), Numbers.format(r.p50()), Numbers.format(r.p99()), r.iterations() + " (" + r.forks() + ")",
          Long.toString(r.samples()), Numbers.format(r.gpuTime())));
    }
    return List.of(
        new Block.Paragraph("Every JMH result of the run; results.csv has them all with every column. 95% CI: Student-t "
            + "interval of the mean from the iteration scores of all forks (the independent measurements; iterations "
            + "(forks) says how many), not from the samples inside an iteration (docs/statistics.md)."),
        new Block.Table(
            List.of("benchmark", "params", "mode", "score", "95% CI", "unit", "p50", "p99", "iterations (forks)",
                "samples", "GPU time"),
            table));
  }

  /** Params for reading, {@code k=v, k=v}; results.csv keeps the escaped form that round-trips. */
  private static String readable(java.util.Map<String, String> params) {
    return params.entrySet().stream().map(e -> e.getKey() + "=" + e.getValue())
        .collect(java.util.stream.Collectors.joining(", "));
  }
}
