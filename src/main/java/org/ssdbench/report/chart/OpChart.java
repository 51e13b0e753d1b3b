package org.ssdbench.report.chart;

import java.util.DoubleSummaryStatistics;
import java.util.List;
import java.util.Locale;
import java.util.function.ToDoubleFunction;
import org.knowm.xchart.CategoryChart;
import org.ssdbench.report.analysis.OpTiming;

/**
 * Per-op time on the CPU and on the GPU (host-fed and device-resident) as grouped bars on a log axis. Each op's label
 * carries the ratio CPU / GPU host-fed where both times are told apart from zero: above 1 the GPU is faster. A log axis cannot draw a missing bar, so an op that
 * lacks a device the others have is left out of the chart (the report's table still lists it).
 */
public final class OpChart {
  private record Series(String name, ToDoubleFunction<OpTiming> value) {}

  private static final List<Series> SERIES = List.of(
      new Series("CPU, host-fed", OpTiming::cpuMicros),
      new Series("GPU, host-fed", OpTiming::gpuHostFedMicros),
      new Series("GPU, device-resident", OpTiming::gpuDeviceResidentMicros));

  private OpChart() {}

  public static CategoryChart of(List<OpTiming> ops, ChartCaption caption) {
    LatencyChart.requireData(ops, "per-op");
    CategoryChart chart = ChartStyle.barChart(
        caption.title("Per-op time, CPU vs GPU (log scale)"),
        "op (ratio = CPU time / GPU host-fed time; > 1: GPU faster)",
        "time per call (\u00b5s, log scale)");
    List<ToDoubleFunction<OpTiming>> measured = SERIES.stream()
        .map(Series::value)
        .filter(value -> ops.stream().anyMatch(op -> !Double.isNaN(value.applyAsDouble(op))))
        .toList();
    List<OpTiming> complete = ops.stream()
        .filter(op -> measured.stream().allMatch(value -> !Double.isNaN(value.applyAsDouble(op))))
        .toList();
    LatencyChart.requireData(complete, "per-op with every device measured");
    List<String> labels = complete.stream().map(OpChart::label).toList();
    for (Series series : SERIES) {
      if (measured.contains(series.value())) {
        chart.addSeries(series.name(), labels, complete.stream().map(series.value()::applyAsDouble).toList());
      }
    }
    DoubleSummaryStatistics range = complete.stream()
        .flatMapToDouble(op -> measured.stream().mapToDouble(value -> value.applyAsDouble(op)))
        .summaryStatistics();
    ChartStyle.logAxis(chart, range.getMin(), range.getMax());
    ChartStyle.tiltLabelsBeyond(chart, labels, 5);
    return chart;
  }

  /**
   * The op, its shapes and the CPU/GPU ratio; where both times ran but one's 95% interval reaches zero, says so, since
   * the log-scale bars cannot show an interval that wide.
   */
  static String label(OpTiming op) {
    double ratio = op.cpuOverGpuHostFed();
    String name = op.op() + shapes(op.signature());
    if (!Double.isNaN(ratio)) {
      return name + String.format(Locale.ROOT, " (%.2fx)", ratio);
    }
    boolean bothRan = !Double.isNaN(op.cpuMicros()) && !Double.isNaN(op.gpuHostFedMicros());
    return bothRan ? name + " (no ratio: \u00b1 reaches 0)" : name;
  }

  /** Longest shapes part of a label: XChart drops a category label that does not fit its slot. */
  static final int MAX_SHAPES = 28;

  /**
   * The shapes of a signature id, e.g. " 1917x1^4" of "concatv2:1917x1^4/axis1", so an op's signatures tell apart;
   * cut to {@link #MAX_SHAPES} characters with an ellipsis (the report's table has the whole signature).
   */
  static String shapes(String signature) {
    int colon = signature.indexOf(':');
    if (colon < 0) {
      return signature.isEmpty() ? "" : " " + shorten(signature);
    }
    int slash = signature.indexOf('/', colon);
    return " " + shorten(signature.substring(colon + 1, slash < 0 ? signature.length() : slash));
  }

  private static String shorten(String shapes) {
    return shapes.length() <= MAX_SHAPES ? shapes : shapes.substring(0, MAX_SHAPES - 1) + "\u2026";
  }
}
