package org.ssdbench.diff;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.knowm.xchart.AnnotationLine;
import org.knowm.xchart.CategoryChart;
import org.ssdbench.report.chart.ChartStyle;

/**
 * Percent change of each benchmark's median against the baseline (negative: smaller score; for time modes that is
 * faster), one bar series per compared run, error bars from the 95% interval of the ratio (its wider side), dashed lines at
 * the practical threshold.
 */
public final class DiffChart {
  /** Params shown by value alone, in this order; others (but signature) are shown as k=v. */
  private static final List<String> NAMED = List.of("config", "op", "device", "variant");

  private DiffChart() {}

  public static CategoryChart of(List<Comparison> comparisons, String title, double threshold) {
    List<Comparison> compared = comparisons.stream().filter(c -> !Double.isNaN(c.ratio())).toList();
    if (compared.isEmpty()) {
      throw new IllegalArgumentException("No benchmark is in both runs; nothing to chart");
    }
    Map<String, String> labels = labels(compared);
    List<String> categories = compared.stream().map(c -> labels.get(key(c))).distinct().toList();
    CategoryChart chart = ChartStyle.barChart(title, "benchmark", "median change (%)");
    Map<String, List<Comparison>> byRun = compared.stream()
        .collect(Collectors.groupingBy(Comparison::run, LinkedHashMap::new, Collectors.toList()));
    byRun.forEach((run, rows) -> {
      List<Double> change = new ArrayList<>();
      List<Double> error = new ArrayList<>();
      for (String category : categories) {
        Comparison c = rows.stream().filter(r -> labels.get(key(r)).equals(category)).findFirst().orElse(null);
        change.add(c == null ? 0.0 : (c.ratio() - 1) * 100);
        error.add(c == null || Double.isNaN(c.ciLow())
            ? 0.0
            : Math.max(c.ratio() - c.ciLow(), c.ciHigh() - c.ratio()) * 100);
      }
      chart.addSeries(run + " vs " + rows.get(0).baselineRun(), categories, change, error);
    });
    // Short labels sit side by side up to about six; beyond, or when long, a tilt keeps the plot tall and the axis
    // title in.
    ChartStyle.tiltLabelsBeyond(chart, categories, 6);
    // One legend entry per compared run, each naming two runs: side by side they run off the chart's edge.
    chart.getStyler().setLegendLayout(org.knowm.xchart.style.Styler.LegendLayout.Vertical);
    chart.getStyler().setYAxisTitleVisible(true);
    chart.getStyler().setPlotContentSize(0.9);
    chart.getStyler().setYAxisDecimalPattern("0.#");
    chart.addAnnotation(new AnnotationLine(threshold * 100, false, false));
    chart.addAnnotation(new AnnotationLine(-threshold * 100, false, false));
    return chart;
  }

  /** The longest category label; longer ones are cut with an ellipsis so the plot keeps its room. */
  static final int MAX_LABEL = 28;

  /**
   * Short labels: the configuration (or op, device, variant; the method where there are none) and only the params whose
   * values differ between the benchmarks charted (a batch=1 every bar shares says nothing); the method name added
   * where labels would still clash.
   */
  static Map<String, String> labels(List<Comparison> comparisons) {
    java.util.Set<String> varying = new java.util.LinkedHashSet<>();
    comparisons.stream().flatMap(c -> c.params().keySet().stream()).distinct().forEach(k -> {
      if (comparisons.stream().map(c -> String.valueOf(c.params().get(k))).distinct().count() > 1) {
        varying.add(k);
      }
    });
    Map<String, String> labels = new LinkedHashMap<>();
    for (Comparison c : comparisons) {
      String named = NAMED.stream().map(c.params()::get).filter(java.util.Objects::nonNull)
          .collect(Collectors.joining(" "));
      String others = c.params().entrySet().stream()
          .filter(e -> varying.contains(e.getKey()) && !NAMED.contains(e.getKey()) && !e.getKey().equals("signature"))
          .map(e -> e.getKey() + "=" + e.getValue())
          .collect(Collectors.joining(" "));
      String label = (named + " " + others).trim();
      labels.put(key(c), (label.isEmpty() ? method(c) : label) + (c.mode().equals("thrpt") ? " (thrpt)" : ""));
    }
    Map<String, Long> counts = labels.values().stream().collect(Collectors.groupingBy(l -> l, Collectors.counting()));
    Map<String, String> full = new LinkedHashMap<>();
    for (Comparison c : comparisons) {
      String label = labels.get(key(c));
      full.put(key(c), counts.get(label) > 1 ? method(c) + " " + label : label);
    }
    // A label cut at its end can become another's ("ConcatV2 cpu host-fed graph…" for graph=op and graph=control) and
    // the two benchmarks would share one bar: where cutting the end merges labels, the middle is cut instead.
    Map<String, Long> cutCounts = full.values().stream().distinct()
        .collect(Collectors.groupingBy(DiffChart::shorten, Collectors.counting()));
    Map<String, String> unique = new LinkedHashMap<>();
    full.forEach((key, label) -> unique.put(key,
        cutCounts.get(shorten(label)) > 1 ? shortenMiddle(label) : shorten(label)));
    return unique;
  }

  private static String shortenMiddle(String label) {
    if (label.length() <= MAX_LABEL) {
      return label;
    }
    int head = (MAX_LABEL - 1) / 2;
    int tail = MAX_LABEL - 1 - head;
    return label.substring(0, head) + "\u2026" + label.substring(label.length() - tail);
  }

  private static String method(Comparison c) {
    int dot = c.name().lastIndexOf('.');
    return dot < 0 ? c.name() : c.name().substring(dot + 1);
  }

  private static String shorten(String label) {
    return label.length() <= MAX_LABEL ? label : label.substring(0, MAX_LABEL - 1) + "\u2026";
  }

  private static String key(Comparison c) {
    return c.benchmark() + c.mode() + c.params();
  }
}
