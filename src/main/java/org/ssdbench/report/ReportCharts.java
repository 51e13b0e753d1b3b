package org.ssdbench.report;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import org.knowm.xchart.CategoryChart;
import org.ssdbench.report.analysis.ConfigLatency;
import org.ssdbench.report.analysis.EndToEnd;
import org.ssdbench.report.analysis.OpTiming;
import org.ssdbench.report.analysis.PerOp;
import org.ssdbench.report.chart.ChartCaption;
import org.ssdbench.report.chart.ChartRendering;
import org.ssdbench.report.chart.LatencyChart;
import org.ssdbench.report.chart.OpChart;
import org.ssdbench.report.chart.PercentileChart;
import org.ssdbench.report.chart.ScoreChart;
import org.ssdbench.report.chart.SpeedupChart;
import org.ssdbench.report.doc.Block;
import org.ssdbench.report.jmh.BenchmarkResult;

/**
 * Writes the charts a run has data for into the report folder and returns them as report blocks plus every file
 * written. A chart without data is skipped; the report's text says what is missing. Values a chart cannot draw (an
 * empty configuration name, an infinite or zero latency) are left out of the charts with a note, and a chart that still
 * fails is skipped with a note naming the reason, so one odd result never stops the report.
 */
final class ReportCharts {
  record Written(List<Block.Chart> charts, List<Path> files, List<String> notes) {}

  private final ChartRendering rendering;
  private final Path dir;
  private final ChartCaption caption;
  private final List<Block.Chart> charts = new ArrayList<>();
  private final List<Path> files = new ArrayList<>();
  private final List<String> notes = new ArrayList<>();

  private ReportCharts(ChartRendering rendering, Path dir, ChartCaption caption) {
    this.rendering = rendering;
    this.dir = dir;
    this.caption = caption;
  }

  static Written write(ChartRendering rendering, Path dir, ChartCaption caption, List<ConfigLatency> all,
      List<OpTiming> allOps, List<BenchmarkResult> results) throws IOException {
    ReportCharts out = new ReportCharts(rendering, dir, caption);
    List<ConfigLatency> latencies = out.drawable(all);
    List<OpTiming> ops = out.drawableOps(allOps);
    if (!latencies.isEmpty()) {
      out.add("latency", "End-to-end latency (p50) per configuration", () -> LatencyChart.of(latencies, caption));
      if (EndToEnd.find(latencies, EndToEnd.BASELINE).isPresent()) {
        out.add("speedup", "Speedup over tf-gpu with the article's 1.3x and 4x",
            () -> SpeedupChart.of(latencies, caption));
      }
      if (latencies.stream().anyMatch(ConfigLatency::hasPercentiles)) {
        out.add("percentiles", "Latency percentiles per configuration", () -> PercentileChart.of(latencies, caption));
      }
    }
    if (!ops.isEmpty()) {
      out.add("ops", "Per-op time, CPU vs GPU", () -> OpChart.of(ops, caption));
    }
    List<BenchmarkResult> foreign = results.stream()
        .filter(r -> !EndToEnd.isEndToEnd(r) && !PerOp.CLASS.equals(r.benchmarkClass()))
        .toList();
    if (!foreign.isEmpty()) {
      String unit = ScoreChart.commonestUnit(foreign);
      List<BenchmarkResult> shown = foreign.stream()
          .filter(r -> r.primary().unit().equals(unit) && Double.isFinite(r.primary().score()) && r.primary().score() > 0)
          .toList();
      if (shown.size() < foreign.size()) {
        out.notes.add("The score chart shows the " + shown.size() + " of " + foreign.size()
            + " other benchmarks' results in " + unit + " with a positive finite score; the tables list them all.");
      }
      if (!shown.isEmpty()) {
        out.add("scores", "Score per benchmark (" + unit + ")", () -> ScoreChart.of(shown, caption));
      }
    }
    return new Written(List.copyOf(out.charts), List.copyOf(out.files), List.copyOf(out.notes));
  }

  private List<ConfigLatency> drawable(List<ConfigLatency> latencies) {
    List<ConfigLatency> ok = new ArrayList<>();
    for (ConfigLatency c : latencies) {
      if (c.config().isBlank()) {
        notes.add("A result of " + c.benchmark() + " has an empty config param: left out of the charts.");
      } else if (!Double.isFinite(c.millis()) || !Double.isFinite(c.typicalMillis()) || !(c.typicalMillis() > 0)) {
        notes.add("The latency of '" + c.config() + "' is " + c.typicalMillis()
            + " ms (an infinite score or a zero throughput): left out of the charts.");
      } else {
        ok.add(c);
      }
    }
    return ok;
  }

  private List<OpTiming> drawableOps(List<OpTiming> ops) {
    List<OpTiming> ok = new ArrayList<>();
    for (OpTiming op : ops) {
      double[] values = {op.cpuMicros(), op.gpuHostFedMicros(), op.gpuDeviceResidentMicros()};
      boolean finite = java.util.Arrays.stream(values).allMatch(v -> Double.isNaN(v) || (Double.isFinite(v) && v > 0));
      if (op.op().isBlank()) {
        notes.add("A per-op result of signature '" + op.signature() + "' has no op name: left out of the chart.");
      } else if (!finite) {
        notes.add(String.format(java.util.Locale.ROOT, "The per-op result '%s %s' has a time at or below zero or not"
            + " finite, which the log-scale chart cannot draw (CPU %s, GPU host-fed %s, GPU device-resident %s \u00b5s%s): left out of the chart; its row in"
            + " ops-report.csv has the values and intervals.", op.op(), op.signature(), micros(op.cpuMicros()),
            micros(op.gpuHostFedMicros()), micros(op.gpuDeviceResidentMicros()),
            op.controlSubtracted() ? ", net of the no-op control, so an op indistinguishable from it can come out"
                + " at or below zero" : ""));
      } else {
        ok.add(op);
      }
    }
    return ok;
  }

  private static String micros(double v) {
    return Double.isNaN(v) ? "not measured" : String.format(java.util.Locale.ROOT, "%.2f", v);
  }

  private void add(String name, String title, Supplier<CategoryChart> chart) throws IOException {
    if (!rendering.available()) {
      return;
    }
    List<Path> written;
    try {
      written = rendering.write(chart.get(), dir, name);
    } catch (RuntimeException e) {
      notes.add("Chart '" + name + "' skipped: " + e);
      return;
    }
    files.addAll(written);
    charts.add(new Block.Chart(title, written.get(0)));
  }
}
