package org.ssdbench.engine.trt;

import java.util.Locale;
import org.ssdbench.engine.Detections;

/** How closely TensorRT's outputs follow TensorFlow's on the CPU; plain arithmetic, no native code. */
public final class Agreement {
  private Agreement() {}

  /**
   * How far {@code actual} is from {@code expected}: the relative L2 error {@code ||a - e|| / ||e||}, which the gate
   * checks, and per element the worst and mean error relative to {@code max(|expected|, 1)}, reported beside it. The norm
   * is what bounds a tensor's error as a whole; one element of 1.4 M can drift further in FP16 (76 rounded convolutions
   * in a row) without the tensor being wrong, and the per-element figures keep that visible.
   */
  public record Error(double relativeL2, double worst, int at, float actual, float expected, double mean) {
    public boolean within(double tolerance) {
      return relativeL2 <= tolerance;
    }

    @Override
    public String toString() {
      return String.format(Locale.ROOT, "relative L2 %.3g; worst element %.3g at %d (%.6f vs %.6f), mean %.3g",
          relativeL2, worst, at, actual, expected, mean);
    }
  }

  public static Error relative(float[] actual, float[] expected) {
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
        return new Error(Double.POSITIVE_INFINITY, Double.POSITIVE_INFINITY, i, actual[i], expected[i], Double.NaN);
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
    return new Error(l2, worst, at, actual.length == 0 ? 0 : actual[at], actual.length == 0 ? 0 : expected[at],
        actual.length == 0 ? 0 : sum / actual.length);
  }

  /**
   * Detections of one image matched greedily in TF's order (descending score): each TF detection takes the unmatched
   * TensorRT detection of the same class with the highest IoU, if that IoU is at least {@code minIou}.
   */
  public record Match(int expected, int actual, int matched, double meanIou, double worstScoreDiff) {
    public double fraction() {
      return expected == 0 ? (actual == 0 ? 1 : 0) : (double) matched / expected;
    }

    @Override
    public String toString() {
      return String.format(Locale.ROOT, "%d/%d TF detections matched (TensorRT has %d), mean IoU %.4f, worst score diff %.3g",
          matched, expected, actual, meanIou, worstScoreDiff);
    }
  }

  public static Match detections(Detections expected, Detections actual, int image, double minIou) {
    int ne = expected.count(image);
    int na = actual.count(image);
    boolean[] used = new boolean[na];
    int matched = 0;
    double iouSum = 0;
    double worstScore = 0;
    for (int i = 0; i < ne; i++) {
      int best = -1;
      double bestIou = minIou;
      for (int j = 0; j < na; j++) {
        if (!used[j] && actual.classId(image, j) == expected.classId(image, i)) {
          double iou = iou(expected.box(image, i), actual.box(image, j));
          if (iou >= bestIou) {
            bestIou = iou;
            best = j;
          }
        }
      }
      if (best >= 0) {
        used[best] = true;
        matched++;
        iouSum += bestIou;
        worstScore = Math.max(worstScore, Math.abs(expected.score(image, i) - actual.score(image, best)));
      }
    }
    return new Match(ne, na, matched, matched == 0 ? 0 : iouSum / matched, worstScore);
  }

  /** IoU of two ymin, xmin, ymax, xmax boxes. */
  public static double iou(float[] a, float[] b) {
    double ih = Math.min(a[2], b[2]) - Math.max(a[0], b[0]);
    double iw = Math.min(a[3], b[3]) - Math.max(a[1], b[1]);
    if (ih <= 0 || iw <= 0) {
      return 0;
    }
    double inter = ih * iw;
    double union = (a[2] - a[0]) * (a[3] - a[1]) + (b[2] - b[0]) * (b[3] - b[1]) - inter;
    return union <= 0 ? 0 : inter / union;
  }
}
