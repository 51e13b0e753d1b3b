package org.ssdbench.report.stats;

import org.apache.commons.math3.distribution.TDistribution;

/**
 * The 95% Student-t confidence interval of a benchmark's mean, from its iteration scores (across forks): mean &plusmn;
 * t(0.975, n-1) s / sqrt(n). JMH's own {@code scoreError} is the same construction at 99.9%; this one is at the level the
 * report's other intervals use. Not computed from fewer than two scores.
 *
 * @param mean the mean iteration score
 * @param low low end; NaN with fewer than two scores
 * @param high high end; NaN with fewer than two scores
 * @param n the iteration scores it stands on
 */
public record MeanInterval(double mean, double low, double high, int n) {
  public static final double CONFIDENCE = 0.95;

  public static MeanInterval of(IterationScores scores) {
    double[] s = scores.scores();
    int n = s.length;
    if (n == 0) {
      return new MeanInterval(Double.NaN, Double.NaN, Double.NaN, 0);
    }
    double mean = scores.mean();
    if (n < 2) {
      return new MeanInterval(mean, Double.NaN, Double.NaN, n);
    }
    double squares = 0;
    for (double v : s) {
      squares += (v - mean) * (v - mean);
    }
    double sd = Math.sqrt(squares / (n - 1));
    double t = new TDistribution(n - 1).inverseCumulativeProbability(1 - (1 - CONFIDENCE) / 2);
    double half = t * sd / Math.sqrt(n);
    return new MeanInterval(mean, mean - half, mean + half, n);
  }

  /** Half the interval's width; NaN when there is none. */
  public double halfWidth() {
    return (high - low) / 2;
  }
}
