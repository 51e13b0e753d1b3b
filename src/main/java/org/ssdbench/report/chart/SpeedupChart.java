package org.ssdbench.report.chart;

import java.util.List;
import java.util.Locale;
import org.knowm.xchart.AnnotationLine;
import org.knowm.xchart.AnnotationText;
import org.knowm.xchart.CategoryChart;
import org.ssdbench.report.analysis.ConfigLatency;
import org.ssdbench.report.analysis.EndToEnd;
import org.ssdbench.report.analysis.Verdict;

/**
 * Each configuration's speedup over {@code tf-gpu} (tf-gpu p50 / its p50), with the article's 1.3x (step 1)
 * and 4x (TensorRT) drawn as dashed reference lines.
 */
public final class SpeedupChart {
  private SpeedupChart() {}

  public static CategoryChart of(List<ConfigLatency> latencies, ChartCaption caption) {
    ConfigLatency baseline = EndToEnd.find(latencies, EndToEnd.BASELINE)
        .orElseThrow(() -> new IllegalArgumentException(
            "No '" + EndToEnd.BASELINE + "' result to measure speedups against; configurations: "
                + latencies.stream().map(ConfigLatency::config).toList()));
    // Only configurations that timed the baseline's workload have a speedup.
    List<ConfigLatency> same = latencies.stream().filter(c -> !Double.isNaN(c.speedupOver(baseline))).toList();
    List<Double> speedups = same.stream().map(c -> c.speedupOver(baseline)).toList();
    List<String> labels = same.stream()
        .map(c -> c.config() + String.format(Locale.ROOT, " (%.2fx)", c.speedupOver(baseline)))
        .toList();
    CategoryChart chart = ChartStyle.barChart(
        caption.title("Speedup over tf-gpu (article's step 0)"), "configuration", "speedup (x, higher is faster)");
    chart.addSeries("speedup = tf-gpu p50 / configuration p50 (mean where no percentiles)", labels, speedups);
    double top = Math.max(Verdict.TRT_CLAIM * 1.15, speedups.stream().mapToDouble(d -> d).max().orElse(1) * 1.1);
    chart.getStyler().setYAxisMin(0.0);
    chart.getStyler().setYAxisMax(top);
    chart.getStyler().setYAxisDecimalPattern("0.0");
    ChartStyle.tiltLabelsBeyond(chart, labels, 6);
    reference(chart, Verdict.STEP1_CLAIM, "article step 1: 1.3x", top);
    reference(chart, Verdict.TRT_CLAIM, "article TensorRT: 4x", top);
    return chart;
  }

  private static void reference(CategoryChart chart, double value, String text, double top) {
    chart.addAnnotation(new AnnotationLine(value, false, false));
    // Text is centred on (x, y); in a category chart x counts categories from 0, so 0.55 sits over the first bar.
    chart.addAnnotation(new AnnotationText(text, 0.55, value + top * 0.03, false));
  }
}
