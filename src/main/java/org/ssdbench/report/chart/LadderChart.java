package org.ssdbench.report.chart;

import java.util.List;
import java.util.Locale;
import org.knowm.xchart.CategoryChart;
import org.knowm.xchart.AnnotationLine;
import org.knowm.xchart.AnnotationText;
import org.ssdbench.report.analysis.HardwareFloor;
import org.ssdbench.report.analysis.Ladder;

/** The ladder's p50 per step on a log axis, each bar labelled with its gain, and the estimated hardware floor as a line. */
public final class LadderChart {
  private LadderChart() {}

  /** @param floor the floor to draw, or null when the GPU's datasheet is unknown */
  public static CategoryChart of(List<Ladder.Step> steps, HardwareFloor floor, ChartCaption caption) {
    LatencyChart.requireData(steps, "ladder");
    List<String> labels = steps.stream()
        .map(s -> s.config() + (Double.isNaN(s.gain()) ? "" : String.format(Locale.ROOT, " (%.2fx)", s.gain()))
            + (s.article().isEmpty() ? "" : " [" + s.article().replaceFirst("article step \\d: ", "article ") + "]"))
        .toList();
    CategoryChart chart = ChartStyle.barChart(caption.title("Optimization ladder, batch 1 (p50)"), "step (gain over the step before)",
        "latency (ms per inference, log)");
    chart.addSeries("p50 latency", labels, steps.stream().map(Ladder.Step::millis).toList());
    double min = steps.stream().mapToDouble(Ladder.Step::millis).min().orElse(1);
    double max = steps.stream().mapToDouble(Ladder.Step::millis).max().orElse(1);
    if (floor != null) {
      min = Math.min(min, floor.millis());
    }
    ChartStyle.logAxis(chart, min, max);
    ChartStyle.tiltLabelsBeyond(chart, labels, 5);
    if (floor != null) {
      chart.addAnnotation(new AnnotationLine(floor.millis(), false, false));
      chart.addAnnotation(new AnnotationText(
          String.format(Locale.ROOT, "estimated floor %.3f ms (%s)", floor.millis(), floor.config()), 1.0,
          floor.millis() * 1.4, false));
    }
    return chart;
  }
}
