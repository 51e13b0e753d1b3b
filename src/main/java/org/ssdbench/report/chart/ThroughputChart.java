package org.ssdbench.report.chart;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.style.Styler;
import org.knowm.xchart.style.markers.SeriesMarkers;
import org.ssdbench.report.analysis.Throughput;

/**
 * Latency (p50 per call; with two batches in flight, the mean time a batch is in flight) against throughput (images/s),
 * one line per configuration, one point per batch size.
 */
public final class ThroughputChart {
  private ThroughputChart() {}

  public static XYChart of(List<Throughput.Point> points, ChartCaption caption) {
    LatencyChart.requireData(points, "batch sweep");
    XYChart chart = new XYChartBuilder().width(ChartStyle.WIDTH).height(ChartStyle.HEIGHT)
        .title(caption.title("Latency vs throughput over batch sizes"))
        .xAxisTitle("throughput (images/s, batch / mean time per call)").yAxisTitle("p50 latency per call (ms, log)")
        .theme(Styler.ChartTheme.XChart).build();
    chart.getStyler().setYAxisLogarithmic(true);
    // whole decades at both ends: a log axis labels only its decades, and the sweep often spans one
    double low = points.stream().mapToDouble(Throughput.Point::latency).filter(v -> v > 0).min().orElse(1);
    double high = points.stream().mapToDouble(Throughput.Point::latency).max().orElse(10);
    chart.getStyler().setYAxisMin(Math.pow(10, Math.floor(Math.log10(low))));
    chart.getStyler().setYAxisMax(Math.pow(10, Math.ceil(Math.log10(high))));
    chart.getStyler().setLegendPosition(Styler.LegendPosition.OutsideS);
    // one entry a line: the names are long, and a row of four ran past the chart's width
    chart.getStyler().setLegendLayout(Styler.LegendLayout.Vertical);
    chart.getStyler().setChartBackgroundColor(java.awt.Color.WHITE);
    chart.getStyler().setPlotBackgroundColor(java.awt.Color.WHITE);
    chart.getStyler().setXAxisDecimalPattern("#,##0");
    chart.getStyler().setYAxisDecimalPattern("#,##0.###");
    Map<String, List<Throughput.Point>> byConfig = new TreeMap<>();
    points.forEach(p -> byConfig.computeIfAbsent(p.config() + (p.peer() ? " (network only)" : "")
            + (p.twoInFlight() ? " (latency: mean time a batch is in flight)" : ""),
        k -> new java.util.ArrayList<>()).add(p));
    byConfig.forEach((name, ps) -> {
      int first = ps.get(0).batch();
      int last = ps.get(ps.size() - 1).batch();
      var s = chart.addSeries(name + " (batch " + (first == last ? first : first + " .. " + last) + ")",
          ps.stream().map(Throughput.Point::imagesPerSecond).toList(), ps.stream().map(Throughput.Point::latency).toList());
      s.setMarker(SeriesMarkers.CIRCLE);
    });
    return chart;
  }
}
