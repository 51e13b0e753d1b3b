package org.ssdbench.report.chart;

import java.util.List;
import org.knowm.xchart.CategoryChart;
import org.ssdbench.report.analysis.ConfigLatency;

/**
 * End-to-end latency per configuration, ms per inference: the p50 where JMH sampled every call (SampleTime), as the
 * console summary and README lead with; the mean with the 95% interval of the iteration scores as error bars where
 * there are no percentiles.
 */
public final class LatencyChart {
  private LatencyChart() {}

  public static CategoryChart of(List<ConfigLatency> latencies, ChartCaption caption) {
    requireData(latencies, "end-to-end latency");
    CategoryChart chart = ChartStyle.barChart(
        caption.title("End-to-end latency per configuration (batch 1)"), "configuration", "latency (ms per inference)");
    boolean allSampled = latencies.stream().allMatch(ConfigLatency::hasPercentiles);
    chart.addSeries(
        allSampled ? "p50 latency" : "p50 latency (mean with 95% CI error bars where not sampled)",
        latencies.stream().map(ConfigLatency::config).toList(),
        latencies.stream().map(ConfigLatency::typicalMillis).toList(),
        latencies.stream()
            .map(c -> c.hasPercentiles() || Double.isNaN(c.errorMillis()) ? 0.0 : c.errorMillis())
            .toList());
    chart.getStyler().setYAxisMin(0.0);
    chart.getStyler().setLabelsVisible(true);
    chart.getStyler().setLabelsFont(new java.awt.Font(java.awt.Font.SANS_SERIF, java.awt.Font.PLAIN, 12));
    chart.getStyler().setYAxisDecimalPattern("#,##0.##");
    ChartStyle.tiltLabelsBeyond(chart, latencies.stream().map(ConfigLatency::config).toList(), 6);
    return chart;
  }

  static void requireData(List<?> data, String what) {
    if (data.isEmpty()) {
      throw new IllegalArgumentException("No " + what + " results to chart; check hasData before charting");
    }
  }
}
