package org.ssdbench.report.stats;

import java.util.Arrays;
import org.apache.commons.math3.distribution.NormalDistribution;

/**
 * The two-sided Wilcoxon-Mann-Whitney rank-sum test and the confidence interval of a shift that goes with it (Moses'
 * interval, whose centre is the Hodges-Lehmann estimate).
 *
 * <p>Exact for up to {@value #MAX_EXACT} values in all: the p-value is the share of all C(m+n, m) ways to split the pooled
 * values into groups of m and n whose rank sum lies at least as far from its mean as the observed one. Ties get mid-ranks
 * and the enumeration uses those same mid-ranks, so the test stays exact with ties (a permutation test on ranks). Larger
 * samples use the normal approximation with tie and continuity corrections.
 *
 * <p>Small samples cannot reach every significance level: with m and n values the smallest possible two-sided p-value is
 * 2 / C(m+n, m), 0.10 for 3 vs 3. {@link #minimumPValue} says so before any data is looked at.
 */
public final class RankSumTest {
  /** Pooled sizes up to this are tested exactly. */
  public static final int MAX_EXACT = 120;

  private RankSumTest() {}

  /** The smallest two-sided p-value samples of these sizes can give (no ties); 1 when either is empty. */
  public static double minimumPValue(int m, int n) {
    if (m < 1 || n < 1) {
      return 1;
    }
    // 2 / C(m+n, m), computed in logs so large sizes do not overflow
    double logChoose = 0;
    for (int i = 1; i <= Math.min(m, n); i++) {
      logChoose += Math.log(Math.max(m, n) + i) - Math.log(i);
    }
    return Math.min(1, 2 * Math.exp(-logChoose));
  }

  /** The two-sided p-value of the hypothesis that {@code x} and {@code y} come from one distribution; NaN if either is empty. */
  public static double pValue(double[] x, double[] y) {
    int m = x.length;
    int n = y.length;
    if (m == 0 || n == 0) {
      return Double.NaN;
    }
    int[] doubledRanks = doubledMidRanks(x, y);
    long observed = 0;
    for (int i = 0; i < m; i++) {
      observed += doubledRanks[i];
    }
    long centre = (long) m * (m + n + 1);
    long deviation = Math.abs(observed - centre);
    if (m + n <= MAX_EXACT) {
      double[] ways = rankSumCounts(doubledRanks, m);
      double total = 0;
      double extreme = 0;
      for (int s = 0; s < ways.length; s++) {
        total += ways[s];
        if (Math.abs(s - centre) >= deviation) {
          extreme += ways[s];
        }
      }
      return Math.min(1, extreme / total);
    }
    return normalPValue(doubledRanks, m, n, observed / 2.0);
  }

  /**
   * The {@code confidence} (e.g. 0.95) interval of the shift {@code y - x} (Moses): the order statistics k and mn+1-k of
   * all m*n differences y_j - x_i, k from the exact rank-sum distribution without ties (normal approximation beyond
   * {@value #MAX_EXACT} values). Null when the sizes cannot give that confidence (e.g. 3 vs 3 at 95%).
   */
  public static double[] shiftInterval(double[] x, double[] y, double confidence) {
    int m = x.length;
    int n = y.length;
    if (m == 0 || n == 0) {
      return null;
    }
    int k = lowerOrderStatistic(m, n, (1 - confidence) / 2);
    if (k < 1) {
      return null;
    }
    double[] differences = new double[m * n];
    int d = 0;
    for (double xi : x) {
      for (double yj : y) {
        differences[d++] = yj - xi;
      }
    }
    Arrays.sort(differences);
    return new double[] {differences[k - 1], differences[m * n - k]};
  }

  /** k such that P(U <= k - 1) <= tail for the Mann-Whitney U of sizes m, n without ties; 0 when even U = 0 is too likely. */
  static int lowerOrderStatistic(int m, int n, double tail) {
    if (m + n > MAX_EXACT) {
      double z = new NormalDistribution().inverseCumulativeProbability(1 - tail);
      return (int) Math.floor(m * (double) n / 2 - z * Math.sqrt(m * (double) n * (m + n + 1) / 12.0));
    }
    int[] ranks = new int[m + n];
    for (int i = 0; i < ranks.length; i++) {
      ranks[i] = 2 * (i + 1);
    }
    double[] ways = rankSumCounts(ranks, m);
    double total = Arrays.stream(ways).sum();
    long minimum = (long) m * (m + 1); // doubled rank sum of U = 0
    double cumulative = 0;
    int k = 0;
    for (long u = 0; u <= (long) m * n; u++) {
      cumulative += ways[(int) (minimum + 2 * u)];
      if (cumulative / total > tail) {
        break;
      }
      k = (int) u + 1;
    }
    return k;
  }

  /** Twice the mid-rank of every value in the pooled sample, x first then y (integers, so sums are exact). */
  static int[] doubledMidRanks(double[] x, double[] y) {
    int total = x.length + y.length;
    double[] pooled = new double[total];
    System.arraycopy(x, 0, pooled, 0, x.length);
    System.arraycopy(y, 0, pooled, x.length, y.length);
    Integer[] order = new Integer[total];
    for (int i = 0; i < total; i++) {
      order[i] = i;
    }
    Arrays.sort(order, (a, b) -> Double.compare(pooled[a], pooled[b]));
    int[] ranks = new int[total];
    int i = 0;
    while (i < total) {
      int j = i;
      while (j + 1 < total && pooled[order[j + 1]] == pooled[order[i]]) {
        j++;
      }
      int doubled = (i + 1) + (j + 1); // twice the mean of ranks i+1 .. j+1
      for (int t = i; t <= j; t++) {
        ranks[order[t]] = doubled;
      }
      i = j + 1;
    }
    return ranks;
  }

  /** ways[s]: how many subsets of size m of {@code ranks} have sum s (counts as doubles: C(120, 60) exceeds a long). */
  private static double[] rankSumCounts(int[] ranks, int m) {
    int maxSum = Arrays.stream(ranks).sum();
    double[][] ways = new double[m + 1][maxSum + 1];
    ways[0][0] = 1;
    int reach = 0;
    for (int r : ranks) {
      reach += r;
      for (int k = m; k >= 1; k--) {
        double[] to = ways[k];
        double[] from = ways[k - 1];
        for (int s = reach; s >= r; s--) {
          to[s] += from[s - r];
        }
      }
    }
    return ways[m];
  }

  private static double normalPValue(int[] doubledRanks, int m, int n, double rankSum) {
    int total = m + n;
    double u = rankSum - m * (m + 1) / 2.0;
    double mean = m * (double) n / 2;
    int[] sorted = doubledRanks.clone();
    Arrays.sort(sorted);
    double ties = 0;
    for (int i = 0; i < total; ) {
      int j = i;
      while (j < total && sorted[j] == sorted[i]) {
        j++;
      }
      double t = j - i;
      ties += t * t * t - t;
      i = j;
    }
    double variance = m * (double) n / 12 * ((total + 1) - ties / (total * (double) (total - 1)));
    if (variance <= 0) {
      return 1;
    }
    double z = Math.max(0, Math.abs(u - mean) - 0.5) / Math.sqrt(variance);
    return Math.min(1, 2 * (1 - new NormalDistribution().cumulativeProbability(z)));
  }
}
