package org.ssdbench.diff;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.ssdbench.report.csv.ParamsCodec;

/** Formats comparisons as a fixed-width text table for the terminal, with the geometric means of the ratios below it. */
public final class DiffTable {
  /**
   * Every diff compares runs, and a run's forks share its machine and its TensorRT engines: the test cannot see how much
   * those vary, so the table says what that variation measured to be.
   */
  static final String BETWEEN_RUNS = "p sees the spread within each run only; between runs the machine, the build and"
      + " each TensorRT engine vary too (the same code on two H200 machines: TensorRT engines built at level 1 up to"
      + " 1.2x apart, as their builds chose other kernels (engines.txt says which rows ran different engines), and"
      + " CPU-bound rows (TensorFlow, PyTorch eager) 1.9x apart (host-load.json)), so read a difference between runs"
      + " as theirs as much as the code's";

  private DiffTable() {}

  public static String format(List<Comparison> comparisons) {
    List<String[]> rows = new ArrayList<>();
    rows.add(new String[] {"benchmark", "params", "mode", "unit", "baseline", "median A", "n A", "run", "median B",
        "n B", "B/A [95% CI]", "p", "change"});
    for (Comparison c : comparisons) {
      rows.add(new String[] {c.name(), ParamsCodec.encode(c.params()), c.mode(), c.unit(), c.baselineRun(),
          number(c.baselineMedian()), count(c.baselineSamples(), c.baselineForks()), c.run(), number(c.median()),
          count(c.samples(), c.forks()), ratio(c), p(c.pValue()), c.verdict()});
    }
    for (GeoMean g : GeoMean.of(comparisons)) {
      rows.add(new String[] {"geomean", g.kind() + ", " + g.benchmarks() + " benchmarks", "", "", g.baselineRun(), "",
          "", g.run(), "", "", String.format(Locale.ROOT, "%.3f", g.ratio()), "",
          String.format(Locale.ROOT, "%+.1f%%", (g.ratio() - 1) * 100)});
    }
    int[] widths = new int[rows.get(0).length];
    rows.forEach(r -> {
      for (int i = 0; i < r.length; i++) {
        widths[i] = Math.max(widths[i], r[i].length());
      }
    });
    StringBuilder out = new StringBuilder();
    for (String[] r : rows) {
      for (int i = 0; i < r.length; i++) {
        out.append(String.format(Locale.ROOT, "%-" + widths[i] + "s", r[i])).append(i + 1 < r.length ? "  " : "");
      }
      out.append(System.lineSeparator());
    }
    out.append("n: iteration scores (forks); p: two-sided Wilcoxon-Mann-Whitney on iteration scores; see docs/statistics.md")
        .append(System.lineSeparator())
        .append(BETWEEN_RUNS).append(System.lineSeparator());
    return out.toString();
  }

  static String ratio(Comparison c) {
    if (Double.isNaN(c.ratio())) {
      return "";
    }
    String ratio = String.format(Locale.ROOT, "%.3f", c.ratio());
    return Double.isNaN(c.ciLow())
        ? ratio
        : ratio + String.format(Locale.ROOT, " [%.3f, %.3f]", c.ciLow(), c.ciHigh());
  }

  private static String count(long samples, int forks) {
    return samples == 0 ? "" : samples + " (" + forks + ")";
  }

  private static String number(double value) {
    return Double.isNaN(value) ? "" : String.format(Locale.ROOT, "%.4g", value);
  }

  private static String p(double value) {
    return Double.isNaN(value) ? "" : value < 1e-4 ? "<1e-4" : String.format(Locale.ROOT, "%.4f", value);
  }
}
