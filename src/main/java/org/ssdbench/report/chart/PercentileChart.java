package org.ssdbench.report.chart;

import java.util.List;
import java.util.function.ToDoubleFunction;
import org.knowm.xchart.CategoryChart;
import org.ssdbench.report.analysis.ConfigLatency;

/** p50, p90, p99 and p99.9 latency per configuration, grouped bars on a log axis, for configurations timed in SampleTime mode. */
public final class PercentileChart {
  private PercentileChart() {}

  public static CategoryChart of(List<ConfigLatency> latencies, ChartCaption caption) {
    List<ConfigLatency> sampled = latencies.stream().filter(ConfigLatency::hasPercentiles).toList();
    LatencyChart.requireData(sampled, "latency percentile");
    CategoryChart chart = ChartStyle.barChart(
        caption.title("Latency percentiles per configuration"), "configuration", "latency (ms per inference, log scale)");
    List<String> configs = sampled.stream().map(ConfigLatency::config).toList();
    series(chart, "p50", configs, sampled, ConfigLatency::p50);
    series(chart, "p90", configs, sampled, ConfigLatency::p90);
    series(chart, "p99", configs, sampled, ConfigLatency::p99);
    series(chart, "p99.9", configs, sampled, ConfigLatency::p999);
    ChartStyle.logAxis(
        chart,
        sampled.stream().mapToDouble(ConfigLatency::p50).min().orElseThrow(),
        sampled.stream().mapToDouble(ConfigLatency::p999).max().orElseThrow());
    ChartStyle.tiltLabelsBeyond(chart, configs, 6);
    return chart;
  }

  private static void series(
      CategoryChart chart, String name, List<String> configs, List<ConfigLatency> rows,
      ToDoubleFunction<ConfigLatency> value) {
    chart.addSeries(name, configs, rows.stream().map(value::applyAsDouble).toList());
  }
}
