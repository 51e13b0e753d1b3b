package org.ssdbench.diff;

import java.util.Arrays;
import java.util.Random;
import java.util.TreeMap;
import org.ssdbench.report.jmh.HistogramBin;
import org.ssdbench.report.jmh.Metric;

/**
 * A metric's raw measurements as sorted distinct values with counts: the SampleTime histogram when there is one, else
 * one count per iteration score of {@code rawData}. Immutable.
 */
final class Samples {
  private final double[] values;
  private final long[] cumulative;

  private Samples(double[] values, long[] cumulative) {
    this.values = values;
    this.cumulative = cumulative;
  }

  static Samples of(Metric metric) {
    TreeMap<Double, Long> counts = new TreeMap<>();
    if (!metric.rawDataHistogram().isEmpty()) {
      metric.rawDataHistogram().forEach(fork -> fork.forEach(iteration -> {
        for (HistogramBin bin : iteration) {
          counts.merge(bin.value(), bin.count(), Long::sum);
        }
      }));
    } else {
      metric.rawData().forEach(fork -> fork.forEach(v -> counts.merge(v, 1L, Long::sum)));
    }
    counts.keySet().removeIf(v -> Double.isNaN(v));
    double[] values = counts.keySet().stream().mapToDouble(Double::doubleValue).toArray();
    long[] cumulative = new long[values.length];
    long total = 0;
    int i = 0;
    for (long count : counts.values()) {
      total += count;
      cumulative[i++] = total;
    }
    return new Samples(values, cumulative);
  }

  long size() {
    return cumulative.length == 0 ? 0 : cumulative[cumulative.length - 1];
  }

  /** The value of rank {@code rank} (0-based) in sorted order. */
  double atRank(long rank) {
    int i = Arrays.binarySearch(cumulative, rank + 1);
    return values[i >= 0 ? i : -i - 1];
  }

  /** The median; NaN without samples. */
  double median() {
    long n = size();
    if (n == 0) {
      return Double.NaN;
    }
    return n % 2 == 1 ? atRank(n / 2) : (atRank(n / 2 - 1) + atRank(n / 2)) / 2;
  }

  /**
   * At most {@code max} values spread evenly over the distribution (the values at quantiles (i + 0.5) / m): all samples
   * when there are fewer, else a thinned copy with the same shape, for rank tests on millions of SampleTime samples.
   */
  double[] spread(int max) {
    long n = size();
    int m = (int) Math.min(n, max);
    double[] out = new double[m];
    for (int i = 0; i < m; i++) {
      out[i] = atRank(m == n ? i : (long) ((i + 0.5) * n / m));
    }
    return out;
  }

  /** The median of {@code m} draws with replacement, for the bootstrap. */
  double resampledMedian(Random random, int m) {
    long n = size();
    int[] tally = new int[values.length];
    for (int i = 0; i < m; i++) {
      long rank = (long) (random.nextDouble() * n);
      int bin = Arrays.binarySearch(cumulative, rank + 1);
      tally[bin >= 0 ? bin : -bin - 1]++;
    }
    int lower = (m - 1) / 2;
    int upper = m / 2;
    double low = Double.NaN;
    int seen = 0;
    for (int b = 0; b < tally.length; b++) {
      seen += tally[b];
      if (Double.isNaN(low) && seen > lower) {
        low = values[b];
      }
      if (seen > upper) {
        return (low + values[b]) / 2;
      }
    }
    return low;
  }
}
