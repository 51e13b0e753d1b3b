package org.ssdbench.report.chart;

import java.util.List;
import org.knowm.xchart.CategoryChart;
import org.ssdbench.report.analysis.ConfigLatency;

/** End-to-end latency per configuration, ms per inference, with the 95% interval of the mean iteration score as error bars. */
public final class LatencyChart {
  private LatencyChart() {}

  public static CategoryChart of(List<ConfigLatency> latencies, ChartCaption caption) {
    requireData(latencies, "end-to-end latency");
    CategoryChart chart = ChartStyle.barChart(
        caption.title("End-to-end latency per configuration (batch 1)"), "configuration", "latency (ms per inference)");
    chart.addSeries(
        "mean latency, error bars: 95% CI",
        latencies.stream().map(ConfigLatency::config).toList(),
        latencies.stream().map(ConfigLatency::millis).toList(),
        latencies.stream().map(c -> Double.isNaN(c.errorMillis()) ? 0.0 : c.errorMillis()).toList());
    chart.getStyler().setYAxisMin(0.0);
    chart.getStyler().setLabelsVisible(true);
    chart.getStyler().setLabelsFont(new java.awt.Font(java.awt.Font.SANS_SERIF, java.awt.Font.PLAIN, 12));
    chart.getStyler().setYAxisDecimalPattern("#,##0.##");
    ChartStyle.tiltLabelsBeyond(chart, latencies.size(), 6);
    return chart;
  }

  static void requireData(List<?> data, String what) {
    if (data.isEmpty()) {
      throw new IllegalArgumentException("No " + what + " results to chart; check hasData before charting");
    }
  }
}
