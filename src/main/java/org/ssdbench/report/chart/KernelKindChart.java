package org.ssdbench.report.chart;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.knowm.xchart.CategoryChart;
import org.ssdbench.engine.trt.profile.KernelKind;

/** GPU time per inference of each profiled TensorRT engine, one stacked bar per engine, one layer per kernel kind. */
public final class KernelKindChart {
  private KernelKindChart() {}

  /** @param byConfig per engine label, its µs per inference by kind */
  public static CategoryChart of(Map<String, Map<KernelKind, Double>> byConfig, ChartCaption caption) {
    if (byConfig.isEmpty()) {
      throw new IllegalArgumentException("no kernel profile to chart");
    }
    List<String> labels = List.copyOf(byConfig.keySet());
    CategoryChart chart = ChartStyle.barChart(caption.title("Where the GPU time goes (CUPTI, per inference)"),
        "TensorRT engine", "GPU time (\u00b5s per inference)");
    chart.getStyler().setStacked(true);
    // up to ten kinds: a horizontal legend under the bars would run off both edges
    chart.getStyler().setLegendPosition(org.knowm.xchart.style.Styler.LegendPosition.OutsideE);
    chart.getStyler().setLegendLayout(org.knowm.xchart.style.Styler.LegendLayout.Vertical);
    for (KernelKind kind : KernelKind.values()) {
      List<Double> values = new ArrayList<>();
      for (String label : labels) {
        values.add(byConfig.get(label).getOrDefault(kind, 0.0));
      }
      if (values.stream().anyMatch(v -> v > 0)) {
        chart.addSeries(kind.label(), labels, values);
      }
    }
    ChartStyle.tiltLabelsBeyond(chart, labels, 5);
    return chart;
  }
}
