package org.ssdbench.report.analysis;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import org.ssdbench.report.jmh.HistogramBin;
import org.ssdbench.report.jmh.Metric;

/**
 * A 95% confidence interval from JMH's iterations, the independent measurements: a percentile bootstrap that resamples
 * whole iterations (of every fork) with replacement and computes the statistic of the point it brackets: a p50
 * ({@link #ofMedian}), a ratio of p50s ({@link #ofMedianRatio}), a mean time per call ({@link #ofPooledMean}). Where
 * JMH kept no per-iteration histogram, each iteration's score stands for it ({@link #ofMean}, {@link
 * #ofRatio(Metric, Metric)}). Deterministic: the resampling's seed is fixed.
 *
 * @param low lower end, NaN when either side has fewer than two iterations
 * @param high upper end, NaN likewise
 */
public record IterationInterval(double low, double high) {
  /** Two-sided level of every interval this class makes. */
  public static final double LEVEL = 0.95;
  static final int RESAMPLES = 4000;
  private static final long SEED = 20261202L;
  private static final IterationInterval UNKNOWN = new IterationInterval(Double.NaN, Double.NaN);

  public boolean known() {
    return !Double.isNaN(low) && !Double.isNaN(high);
  }

  /** The ratio {@code numerator / denominator}'s interval, e.g. previous step's latency over this step's: its gain. */
  public static IterationInterval ofRatio(Metric numerator, Metric denominator) {
    return ofRatio(values(numerator), values(denominator));
  }

  /**
   * The interval of one latency's mean iteration value (the same bootstrap, one side): where JMH kept no per-iteration
   * histogram, what {@link #ofMedian} and {@link #ofPooledMean} fall back to.
   */
  public static IterationInterval ofMean(Metric m) {
    double[] v = values(m);
    return v.length < 2 ? UNKNOWN : bootstrap(random -> resampledMean(v, random));
  }

  /**
   * The interval of a latency's median over all its samples (what p50 is), resampling whole iterations with
   * replacement and taking the median of the samples they hold: the same statistic as the point it brackets, with the
   * iterations as the independent unit. Without JMH's per-iteration histograms, {@link #ofMean}.
   */
  public static IterationInterval ofMedian(Metric m) {
    List<List<HistogramBin>> iterations = histogramIterations(m);
    if (iterations.isEmpty()) {
      return ofMean(m);
    }
    if (iterations.size() < 2) {
      return UNKNOWN;
    }
    return bootstrap(random -> resampledPooledMedian(iterations, random));
  }

  /**
   * The interval of {@code p50(numerator) / p50(denominator)}, e.g. a ladder step's gain or TensorRT's lead over the
   * peer: each side's iterations resampled with replacement and the median of their pooled samples taken, the
   * statistic of the point itself, so the point lies inside its interval (a ratio of the mean of iteration medians can
   * miss it). Without JMH's per-iteration histograms on both sides, {@link #ofRatio(Metric, Metric)}.
   */
  public static IterationInterval ofMedianRatio(Metric numerator, Metric denominator) {
    List<List<HistogramBin>> num = histogramIterations(numerator);
    List<List<HistogramBin>> den = histogramIterations(denominator);
    if (num.isEmpty() || den.isEmpty()) {
      return ofRatio(numerator, denominator);
    }
    if (num.size() < 2 || den.size() < 2) {
      return UNKNOWN;
    }
    return bootstrap(random -> resampledPooledMedian(num, random) / resampledPooledMedian(den, random));
  }

  /** Every non-empty iteration of every fork, as JMH's histogram bins; empty without histograms. */
  private static List<List<HistogramBin>> histogramIterations(Metric m) {
    List<List<HistogramBin>> iterations = new ArrayList<>();
    m.rawDataHistogram().forEach(iterations::addAll);
    iterations.removeIf(List::isEmpty);
    return iterations;
  }

  /** The median of the samples of as many iterations as there are, drawn with replacement. */
  private static double resampledPooledMedian(List<List<HistogramBin>> iterations, SplittableRandom random) {
    List<HistogramBin> pooled = new ArrayList<>();
    for (int i = 0; i < iterations.size(); i++) {
      pooled.addAll(iterations.get(random.nextInt(iterations.size())));
    }
    return median(pooled);
  }

  /**
   * The interval of a time per call's mean over all its samples (total time over calls: what images/s divides the batch
   * by), resampling whole iterations with replacement and pooling their samples: the same statistic as the point, with
   * the iterations as the independent unit. Without JMH's per-iteration histograms, {@link #ofMean} of the iteration
   * scores (each an iteration's mean).
   */
  public static IterationInterval ofPooledMean(Metric m) {
    List<List<HistogramBin>> iterations = histogramIterations(m);
    if (iterations.isEmpty()) {
      return ofMean(m);
    }
    if (iterations.size() < 2) {
      return UNKNOWN;
    }
    double[] sums = new double[iterations.size()];
    long[] counts = new long[iterations.size()];
    for (int i = 0; i < sums.length; i++) {
      for (HistogramBin bin : iterations.get(i)) {
        sums[i] += bin.value() * bin.count();
        counts[i] += bin.count();
      }
    }
    return bootstrap(random -> {
      double sum = 0;
      long count = 0;
      for (int i = 0; i < sums.length; i++) {
        int pick = random.nextInt(sums.length);
        sum += sums[pick];
        count += counts[pick];
      }
      return sum / count;
    });
  }

  static IterationInterval ofRatio(double[] num, double[] den) {
    if (num.length < 2 || den.length < 2) {
      return UNKNOWN;
    }
    return bootstrap(random -> resampledMean(num, random) / resampledMean(den, random));
  }

  /**
   * {@link #RESAMPLES} estimates, each from the next draws of one random source seeded with {@link #SEED}, and their
   * percentile interval.
   */
  private static IterationInterval bootstrap(java.util.function.ToDoubleFunction<SplittableRandom> estimate) {
    SplittableRandom random = new SplittableRandom(SEED);
    double[] estimates = new double[RESAMPLES];
    for (int r = 0; r < RESAMPLES; r++) {
      estimates[r] = estimate.applyAsDouble(random);
    }
    return percentiles(estimates);
  }

  /** The percentile interval of {@link #RESAMPLES} bootstrap estimates, at {@link #LEVEL}. */
  private static IterationInterval percentiles(double[] estimates) {
    Arrays.sort(estimates);
    double tail = (1 - LEVEL) / 2;
    return new IterationInterval(estimates[(int) Math.floor(tail * (RESAMPLES - 1))],
        estimates[(int) Math.ceil((1 - tail) * (RESAMPLES - 1))]);
  }

  private static double resampledMean(double[] v, SplittableRandom random) {
    double sum = 0;
    for (int i = 0; i < v.length; i++) {
      sum += v[random.nextInt(v.length)];
    }
    return sum / v.length;
  }

  /** One value per iteration over all forks: the histogram's median, else the iteration's score. */
  static double[] values(Metric m) {
    List<Double> out = new ArrayList<>();
    if (!m.rawDataHistogram().isEmpty()) {
      for (List<List<HistogramBin>> fork : m.rawDataHistogram()) {
        for (List<HistogramBin> iteration : fork) {
          double median = median(iteration);
          if (!Double.isNaN(median)) {
            out.add(median);
          }
        }
      }
    } else {
      m.rawData().forEach(out::addAll);
    }
    return out.stream().mapToDouble(Double::doubleValue).filter(d -> !Double.isNaN(d)).toArray();
  }

  /** The lower median of a histogram's samples; NaN when it has none. */
  static double median(List<HistogramBin> bins) {
    List<HistogramBin> sorted = new ArrayList<>(bins);
    sorted.sort((a, b) -> Double.compare(a.value(), b.value()));
    long total = sorted.stream().mapToLong(HistogramBin::count).sum();
    if (total == 0) {
      return Double.NaN;
    }
    long half = (total + 1) / 2;
    long seen = 0;
    for (HistogramBin bin : sorted) {
      seen += bin.count();
      if (seen >= half) {
        return bin.value();
      }
    }
    return sorted.get(sorted.size() - 1).value();
  }
}
