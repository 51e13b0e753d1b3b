package org.ssdbench.engine;

/**
 * How close a configuration's detections must be to the {@code tf-cpu} reference.
 *
 * <p>The defaults (IoU >= 0.98, scores within 0.01) allow for TF32: TF 2.18 runs float32 convolutions and matmuls on tensor
 * cores with a 10-bit mantissa on Ampere and later GPUs, which moves logits by about 1e-3 relative. That shifts box corners
 * by well under 2% of their size and sigmoid scores by far less than 0.01, while a wrong placement, a missing class or a
 * broken NMS moves them by much more. A detection whose score lies within the score tolerance of the lowest score either
 * side kept is "borderline": it may legitimately fall on the other side of the score threshold or the 100-detection cut,
 * so it may go unmatched.
 *
 * @param minIou the least intersection over union for two boxes to match
 * @param maxScoreDiff the largest score difference for two detections to match
 */
public record Tolerance(double minIou, double maxScoreDiff) {
  public Tolerance {
    if (!(minIou > 0 && minIou <= 1)) {
      throw new IllegalArgumentException("minIou must be in (0, 1]: " + minIou);
    }
    if (!(maxScoreDiff >= 0 && maxScoreDiff < 1)) {
      throw new IllegalArgumentException("maxScoreDiff must be in [0, 1): " + maxScoreDiff);
    }
  }

  /** IoU >= 0.98 and scores within 0.01: TF on a GPU (TF32) against TF on the CPU. */
  public static Tolerance tensorFlow() {
    return new Tolerance(0.98, 0.01);
  }

  @Override
  public String toString() {
    return "IoU >= %s, |score diff| <= %s, same class".formatted(minIou, maxScoreDiff);
  }
}
