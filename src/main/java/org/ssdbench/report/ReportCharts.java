package org.ssdbench.report;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.knowm.xchart.CategoryChart;
import org.ssdbench.report.analysis.ConfigLatency;
import org.ssdbench.report.analysis.EndToEnd;
import org.ssdbench.report.analysis.OpTiming;
import org.ssdbench.report.chart.ChartCaption;
import org.ssdbench.report.chart.ChartFiles;
import org.ssdbench.report.chart.LatencyChart;
import org.ssdbench.report.chart.OpChart;
import org.ssdbench.report.chart.PercentileChart;
import org.ssdbench.report.chart.SpeedupChart;
import org.ssdbench.report.doc.Block;

/**
 * Writes the charts a run has data for into the report folder and returns them as report blocks plus every file
 * written. A chart without data is skipped; the report's text says what is missing.
 */
final class ReportCharts {
  record Written(List<Block.Chart> charts, List<Path> files) {}

  private final Path dir;
  private final ChartCaption caption;
  private final List<Block.Chart> charts = new ArrayList<>();
  private final List<Path> files = new ArrayList<>();

  private ReportCharts(Path dir, ChartCaption caption) {
    this.dir = dir;
    this.caption = caption;
  }

  static Written write(Path dir, ChartCaption caption, List<ConfigLatency> latencies, List<OpTiming> ops)
      throws IOException {
    ReportCharts out = new ReportCharts(dir, caption);
    if (!latencies.isEmpty()) {
      out.add("latency", "End-to-end latency per configuration", LatencyChart.of(latencies, caption));
      if (EndToEnd.find(latencies, EndToEnd.BASELINE).isPresent()) {
        out.add("speedup", "Speedup over tf-gpu with the article's 1.3x and 4x", SpeedupChart.of(latencies, caption));
      }
      if (latencies.stream().anyMatch(ConfigLatency::hasPercentiles)) {
        out.add("percentiles", "Latency percentiles per configuration", PercentileChart.of(latencies, caption));
      }
    }
    if (!ops.isEmpty()) {
      out.add("ops", "Per-op time, CPU vs GPU", OpChart.of(ops, caption));
    }
    return new Written(List.copyOf(out.charts), List.copyOf(out.files));
  }

  private void add(String name, String title, CategoryChart chart) throws IOException {
    List<Path> written = ChartFiles.write(chart, dir, name);
    files.addAll(written);
    charts.add(new Block.Chart(title, written.get(0)));
  }
}
