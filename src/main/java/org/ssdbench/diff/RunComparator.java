package org.ssdbench.diff;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.apache.commons.math3.stat.inference.MannWhitneyUTest;
import org.ssdbench.report.jmh.BenchmarkResult;
import org.ssdbench.report.jmh.Metric;
import org.ssdbench.report.run.RunData;

/**
 * Compares the results of one run with a baseline run, benchmark by benchmark (same name, mode and params).
 *
 * <ul>
 *   <li>ratio: median of the other run's raw samples over the baseline's (SampleTime: every sample of the histograms;
 *       other modes: the iteration scores of every fork);
 *   <li>interval: 95% percentile bootstrap of that ratio, {@value #RESAMPLES} resamples of at most {@value
 *       #MAX_RESAMPLE} draws from each side (fewer draws than samples widens the interval: it errs wide);
 *   <li>significance: two-sided Mann-Whitney U on the samples (thinned evenly to at most {@value #MAX_RANKED} per side);
 *   <li>change: {@code ~} when p &ge; {@value #ALPHA} or the ratio is within the practical threshold of 1, else faster
 *       or slower by the mode's direction (throughput: higher is faster).
 * </ul>
 *
 * <p>The bootstrap is seeded, so the same runs give the same intervals.
 */
public final class RunComparator {
  static final int RESAMPLES = 1000;
  static final int MAX_RESAMPLE = 2000;
  static final int MAX_RANKED = 5000;
  static final double ALPHA = 0.05;

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
    List<Comparison> out = new ArrayList<>();
    for (Map.Entry<String, BenchmarkResult> mine : byKey(baseline.results()).entrySet()) {
      out.add(compare(mine.getValue(), baselineLabel, theirs.remove(mine.getKey()), label));
    }
    theirs.values().forEach(r -> out.add(missing(r, baselineLabel, label, false)));
    return out;
  }

  private Comparison compare(BenchmarkResult a, String labelA, BenchmarkResult b, String labelB) {
    if (b == null) {
      return missing(a, labelA, labelB, true);
    }
    Samples sa = Samples.of(a.primary());
    Samples sb = Samples.of(b.primary());
    double medianA = sa.size() > 0 ? sa.median() : a.primary().score();
    double medianB = sb.size() > 0 ? sb.median() : b.primary().score();
    double ratio = medianB / medianA;
    double[] ci = bootstrap(sa, sb, a.key());
    double p = pValue(sa, sb);
    return new Comparison(a.benchmark(), a.shortName(), a.params(), a.mode().shortName(), a.primary().unit(), labelA,
        labelB, medianA, medianB, ratio, ci[0], ci[1], p, sa.size(), sb.size(), change(a, ratio, p));
  }

  private Change change(BenchmarkResult a, double ratio, double p) {
    if (Double.isNaN(p) || p >= ALPHA || Math.abs(ratio - 1) < threshold || Double.isNaN(ratio)) {
      return Change.SAME;
    }
    boolean higher = ratio > 1;
    return higher == a.mode().higherIsBetter() ? Change.FASTER : Change.SLOWER;
  }

  private static double[] bootstrap(Samples a, Samples b, String key) {
    if (a.size() < 2 || b.size() < 2) {
      return new double[] {Double.NaN, Double.NaN};
    }
    Random random = new Random(key.hashCode());
    int ma = (int) Math.min(a.size(), MAX_RESAMPLE);
    int mb = (int) Math.min(b.size(), MAX_RESAMPLE);
    double[] ratios = new double[RESAMPLES];
    for (int i = 0; i < RESAMPLES; i++) {
      ratios[i] = b.resampledMedian(random, mb) / a.resampledMedian(random, ma);
    }
    java.util.Arrays.sort(ratios);
    return new double[] {ratios[(int) (RESAMPLES * 0.025)], ratios[(int) (RESAMPLES * 0.975) - 1]};
  }

  private static double pValue(Samples a, Samples b) {
    if (a.size() < 2 || b.size() < 2) {
      return Double.NaN;
    }
    return new MannWhitneyUTest().mannWhitneyUTest(a.spread(MAX_RANKED), b.spread(MAX_RANKED));
  }

  private static Comparison missing(BenchmarkResult r, String labelA, String labelB, boolean inBaseline) {
    Metric m = r.primary();
    double median = Samples.of(m).size() > 0 ? Samples.of(m).median() : m.score();
    return new Comparison(r.benchmark(), r.shortName(), r.params(), r.mode().shortName(), m.unit(), labelA, labelB,
        inBaseline ? median : Double.NaN, inBaseline ? Double.NaN : median, Double.NaN, Double.NaN, Double.NaN,
        Double.NaN, inBaseline ? m.sampleCount() : 0, inBaseline ? 0 : m.sampleCount(), Change.MISSING);
  }

  private static Map<String, BenchmarkResult> byKey(List<BenchmarkResult> results) {
    Map<String, BenchmarkResult> map = new LinkedHashMap<>();
    results.forEach(r -> map.putIfAbsent(r.key(), r));
    return map;
  }
}
