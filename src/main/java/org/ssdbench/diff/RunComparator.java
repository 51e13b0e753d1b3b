package org.ssdbench.diff;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.ssdbench.report.analysis.SameKeyResults;
import org.ssdbench.report.jmh.BenchmarkResult;
import org.ssdbench.report.run.RunData;
import org.ssdbench.report.stats.IterationScores;
import org.ssdbench.report.stats.RankSumTest;
import org.ssdbench.report.stats.ScoreUnit;

/**
 * Compares the results of one run with a baseline run, benchmark by benchmark (same name and params; same mode first,
 * then another mode of the same benchmark). Statistics use the iteration scores of every fork, the measurements that
 * are independent of each other, never the samples inside one iteration (see docs/statistics.md).
 *
 * <ul>
 *   <li>units: the other run's scores are converted into the baseline's unit (us/op against ms/op compares the same
 *       numbers); a throughput against a time is refused ({@link Change#INCOMPARABLE}, with the reason);
 *   <li>ratio: median of the other run's iteration scores over the baseline's;
 *   <li>interval: 95% Moses interval of the shift in log scores, as a ratio; none when the sizes cannot give 95%;
 *   <li>significance: two-sided Wilcoxon-Mann-Whitney on the iteration scores, exact (with ties) for small samples;
 *   <li>change: {@code ~ (too few iterations to tell: m vs n)} when no outcome of m vs n scores could reach p &lt;
 *       {@value #ALPHA}; {@code ~} when p &ge; {@value #ALPHA} or the ratio is within the practical threshold of 1; else
 *       faster or slower by the mode's direction (throughput: higher is faster).
 * </ul>
 */
public final class RunComparator {
  static final double ALPHA = 0.05;
  static final double CONFIDENCE = 0.95;

  private final double threshold;

  /** @param threshold the practical threshold, e.g. 0.02: a ratio within 2% of 1 counts as no change */
  public RunComparator(double threshold) {
    if (!(threshold >= 0 && threshold < 1)) {
      throw new IllegalArgumentException("threshold must be in [0, 1), e.g. 0.02 for 2%; got " + threshold);
    }
    this.threshold = threshold;
  }

  /** One comparison per benchmark of either run: the baseline's order first, then those only in {@code other}. */
  public List<Comparison> compare(RunData baseline, String baselineLabel, RunData other, String label) {
    Map<String, BenchmarkResult> theirs = byKey(other.results());
    List<BenchmarkResult> mine = new ArrayList<>(byKey(baseline.results()).values());
    List<Comparison> out = new ArrayList<>();
    List<BenchmarkResult> unmatched = new ArrayList<>();
    for (BenchmarkResult a : mine) {
      BenchmarkResult b = theirs.remove(a.key());
      if (b == null) {
        unmatched.add(a);
      } else {
        out.add(compare(a, baselineLabel, b, label));
      }
    }
    List<BenchmarkResult> stillUnmatched = new ArrayList<>();
    for (BenchmarkResult a : unmatched) {
      BenchmarkResult b = theirs.values().stream().filter(r -> sameBenchmark(a, r)).findFirst().orElse(null);
      if (b == null) {
        stillUnmatched.add(a);
      } else {
        theirs.remove(b.key());
        out.add(compare(a, baselineLabel, b, label));
      }
    }
    for (BenchmarkResult a : stillUnmatched) {
      out.add(missing(a, baselineLabel, label, true, paramsApart(a, theirs.values(), "B", "A")));
    }
    theirs.values().forEach(r -> out.add(missing(r, baselineLabel, label, false,
        paramsApart(r, stillUnmatched, "A", "B"))));
    return out;
  }

  /**
   * Where {@code others} (the other run's unmatched results) hold the same benchmark and configuration with other
   * params, which ones, e.g. {@code B ran it with builderLevel=1 (A: -1)}, so the reader learns why
   * the two rows were not compared. Empty where there is no such result.
   *
   * @param other the other run's letter in the table (A or B), {@code self} this result's
   */
  static String paramsApart(BenchmarkResult r, java.util.Collection<BenchmarkResult> others, String other,
      String self) {
    String config = r.param("config");
    if (config == null) {
      return "";
    }
    Map<String, String> mine = r.workParams();
    for (BenchmarkResult o : others) {
      if (!o.benchmark().equals(r.benchmark()) || !config.equals(o.param("config"))) {
        continue;
      }
      Map<String, String> theirs = o.workParams();
      java.util.Set<String> keys = new java.util.TreeSet<>(mine.keySet());
      keys.addAll(theirs.keySet());
      List<String> apart = new ArrayList<>();
      for (String k : keys) {
        String mineValue = mine.get(k);
        String theirValue = theirs.get(k);
        if (!java.util.Objects.equals(mineValue, theirValue)) {
          apart.add("%s=%s (%s: %s)".formatted(k, theirValue == null ? "none" : theirValue, self,
              mineValue == null ? "none" : mineValue));
        }
      }
      if (!apart.isEmpty()) {
        return "%s ran it with %s: rows whose params differ are not compared".formatted(other,
            String.join(", ", apart));
      }
    }
    return "";
  }

  private Comparison compare(BenchmarkResult a, String labelA, BenchmarkResult b, String labelB) {
    ScoreUnit unitA;
    ScoreUnit unitB;
    try {
      unitA = ScoreUnit.of(a.primary().unit());
      unitB = ScoreUnit.of(b.primary().unit());
    } catch (IllegalArgumentException e) {
      return incomparable(a, labelA, b, labelB, e.getMessage());
    }
    if (unitA.throughput() != unitB.throughput()) {
      return incomparable(a, labelA, b, labelB, "%s (%s, %s) vs %s (%s, %s): a throughput and a time cannot be compared; run both in the same mode"
          .formatted(labelA, a.mode().shortName(), unitA.unit(), labelB, b.mode().shortName(), unitB.unit()));
    }
    IterationScores sa = IterationScores.of(a.primary());
    IterationScores sb = IterationScores.of(b.primary()).in(unitA);
    double medianA = sa.median();
    double medianB = sb.median();
    double ratio = medianB / medianA;
    double p = RankSumTest.pValue(sa.scores(), sb.scores());
    double[] ci = ratioInterval(sa, sb);
    List<String> notes = new ArrayList<>();
    Change change = change(a, sa.size(), sb.size(), ratio, p, notes);
    if (!unitA.unit().equals(unitB.unit())) {
      notes.add("%s converted from %s".formatted(labelB, unitB.unit()));
    }
    if (a.mode() != b.mode()) {
      notes.add("modes %s vs %s".formatted(a.mode().shortName(), b.mode().shortName()));
    }
    return new Comparison(a.benchmark(), a.shortName(), a.workParams(), a.mode().shortName(), unitA.unit(), labelA, labelB,
        medianA, medianB, ratio, ci[0], ci[1], p, sa.size(), sb.size(), sa.forks(), sb.forks(), change,
        String.join("; ", notes));
  }

  private Change change(BenchmarkResult a, int m, int n, double ratio, double p, List<String> notes) {
    if (RankSumTest.minimumPValue(m, n) >= ALPHA) {
      notes.add(String.format(Locale.ROOT, "too few iterations to tell: %d vs %d", m, n));
      return Change.SAME;
    }
    if (Double.isNaN(p) || p >= ALPHA || Double.isNaN(ratio) || Math.abs(ratio - 1) < threshold) {
      return Change.SAME;
    }
    boolean higher = ratio > 1;
    return higher == a.mode().higherIsBetter() ? Change.FASTER : Change.SLOWER;
  }

  /** The 95% interval of median B / median A from Moses' interval of the shift in log scores; NaN without one. */
  private static double[] ratioInterval(IterationScores a, IterationScores b) {
    double[] la = logs(a.scores());
    double[] lb = logs(b.scores());
    double[] shift = la == null || lb == null ? null : RankSumTest.shiftInterval(la, lb, CONFIDENCE);
    return shift == null ? new double[] {Double.NaN, Double.NaN} : new double[] {Math.exp(shift[0]), Math.exp(shift[1])};
  }

  private static double[] logs(double[] scores) {
    return Arrays.stream(scores).allMatch(v -> v > 0) ? Arrays.stream(scores).map(Math::log).toArray() : null;
  }

  private static Comparison incomparable(BenchmarkResult a, String labelA, BenchmarkResult b, String labelB, String why) {
    return new Comparison(a.benchmark(), a.shortName(), a.workParams(), a.mode().shortName(), a.primary().unit(), labelA,
        labelB, Double.NaN, Double.NaN, Double.NaN, Double.NaN, Double.NaN, Double.NaN, a.primary().sampleCount(),
        b.primary().sampleCount(), a.run().forks(), b.run().forks(), Change.INCOMPARABLE, why);
  }

  private static Comparison missing(BenchmarkResult r, String labelA, String labelB, boolean inBaseline,
      String note) {
    double median;
    int size;
    int forks;
    try {
      IterationScores s = IterationScores.of(r.primary());
      median = s.median();
      size = s.size();
      forks = s.forks();
    } catch (IllegalArgumentException unknownUnit) {
      median = r.primary().score();
      size = 0;
      forks = r.run().forks();
    }
    return new Comparison(r.benchmark(), r.shortName(), r.workParams(), r.mode().shortName(), r.primary().unit(), labelA,
        labelB, inBaseline ? median : Double.NaN, inBaseline ? Double.NaN : median, Double.NaN, Double.NaN, Double.NaN,
        Double.NaN, inBaseline ? size : 0, inBaseline ? 0 : size, inBaseline ? forks : 0, inBaseline ? 0 : forks,
        Change.MISSING, note);
  }

  private static boolean sameBenchmark(BenchmarkResult a, BenchmarkResult b) {
    return a.benchmark().equals(b.benchmark()) && a.workParams().equals(b.workParams());
  }

  /** One result per key: where a run timed one twice (the sweep's batch 1), its own, as the report's latency tables. */
  private static Map<String, BenchmarkResult> byKey(List<BenchmarkResult> results) {
    Map<String, BenchmarkResult> map = new LinkedHashMap<>();
    SameKeyResults.runWorkloadFirst(results).forEach(r -> map.put(r.key(), r));
    return map;
  }
}
