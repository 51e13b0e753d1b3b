package org.ssdbench.engine;

import java.util.Locale;

/**
 * How far a tensor is from the reference's: the relative L2 error {@code ||a - e|| / ||e||}, which the gate checks, and
 * per element the worst and mean error relative to {@code max(|expected|, 1)}, reported beside it. The norm bounds a
 * tensor's error as a whole; one element of 1.4 M can drift further in FP16 (76 rounded convolutions in a row) without
 * the tensor being wrong, and the per-element figures keep that visible. Plain arithmetic.
 */
public record TensorError(double relativeL2, double worst, int at, float actual, float expected, double mean) {
  public boolean within(double tolerance) {
    return relativeL2 <= tolerance;
  }

  public static TensorError of(float[] actual, float[] expected) {
    if (actual.length != expected.length) {
      throw new IllegalArgumentException("lengths differ: %d vs %d".formatted(actual.length, expected.length));
    }
    double worst = 0;
    double sum = 0;
    double diffSquares = 0;
    double expectedSquares = 0;
    int at = 0;
    for (int i = 0; i < actual.length; i++) {
      double diff = actual[i] - expected[i];
      double e = Math.abs(diff) / Math.max(1.0, Math.abs(expected[i]));
      if (Double.isNaN(e)) {
        return new TensorError(Double.POSITIVE_INFINITY, Double.POSITIVE_INFINITY, i, actual[i], expected[i], Double.NaN);
      }
      diffSquares += diff * diff;
      expectedSquares += (double) expected[i] * expected[i];
      sum += e;
      if (e > worst) {
        worst = e;
        at = i;
      }
    }
    double l2 = expectedSquares == 0 ? (diffSquares == 0 ? 0 : Double.POSITIVE_INFINITY)
        : Math.sqrt(diffSquares / expectedSquares);
    boolean empty = actual.length == 0;
    return new TensorError(l2, worst, at, empty ? 0 : actual[at], empty ? 0 : expected[at], empty ? 0 : sum / actual.length);
  }

  @Override
  public String toString() {
    return String.format(Locale.ROOT, "relative L2 %.3g; worst element %.3g at %d (%.6f vs %.6f), mean %.3g",
        relativeL2, worst, at, actual, expected, mean);
  }
}
