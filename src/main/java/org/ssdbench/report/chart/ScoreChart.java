package org.ssdbench.report.chart;

import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.knowm.xchart.CategoryChart;
import org.ssdbench.report.jmh.BenchmarkResult;

/**
 * A score chart for any JMH benchmark (not only the suite's own): one bar per result, labelled with the benchmark's
 * short name and its params, all in one unit (the caller passes results of one unit). A log axis when the scores span
 * more than two decades.
 */
public final class ScoreChart {
  private ScoreChart() {}

  public static CategoryChart of(List<BenchmarkResult> results, ChartCaption caption) {
    LatencyChart.requireData(results, "benchmark score");
    String unit = results.get(0).primary().unit();
    if (results.stream().anyMatch(r -> !r.primary().unit().equals(unit))) {
      throw new IllegalArgumentException("one unit per score chart; got " + results.stream()
          .map(r -> r.primary().unit()).distinct().toList());
    }
    List<Double> scores = results.stream().map(r -> r.primary().score()).toList();
    if (scores.stream().anyMatch(s -> !Double.isFinite(s) || s <= 0)) {
      throw new IllegalArgumentException("scores must be positive finite numbers to chart; got " + scores);
    }
    CategoryChart chart = ChartStyle.barChart(caption.title("Score per benchmark"), "benchmark", "score (" + unit + ")");
    List<String> labels = results.stream().map(ScoreChart::label).toList();
    chart.addSeries("score (" + unit + ")", labels, scores);
    double min = scores.stream().mapToDouble(d -> d).min().orElseThrow();
    double max = scores.stream().mapToDouble(d -> d).max().orElseThrow();
    if (max / min > 100) {
      ChartStyle.logAxis(chart, min, max);
    } else {
      chart.getStyler().setYAxisMin(0.0);
    }
    ChartStyle.tiltLabelsBeyond(chart, labels, 5);
    return chart;
  }

  /** {@code Class.method} and the params' values, e.g. "MyBench.parse 1024 utf8", kept short enough to read. */
  static String label(BenchmarkResult r) {
    String params = r.params().values().stream().collect(Collectors.joining(" "));
    String label = (r.shortName() + " " + params).strip();
    return label.length() > 40 ? label.substring(0, 39) + "\u2026" : label;
  }

  /** The unit most of {@code results} share, to pick the results one chart shows. */
  public static String commonestUnit(List<BenchmarkResult> results) {
    Map<String, Long> counts = results.stream()
        .collect(Collectors.groupingBy(r -> r.primary().unit(), Collectors.counting()));
    return counts.entrySet().stream().max(Map.Entry.comparingByValue()).map(Map.Entry::getKey).orElseThrow();
  }
}
