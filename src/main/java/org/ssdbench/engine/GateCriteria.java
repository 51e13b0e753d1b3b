package org.ssdbench.engine;

import java.util.Locale;

/**
 * How close a configuration's outputs must be to the {@code tf-cpu} reference for it to be timed.
 *
 * <p>TensorFlow on the GPU: IoU >= 0.98 and scores within 0.01, every detection matched. That allows for TF32: TF 2.18
 * runs float32 convolutions on tensor cores with a 10-bit mantissa on Ampere and later GPUs, which moves logits by about
 * 1e-3 relative; a wrong placement, a missing class or a broken NMS moves them by much more. TensorRT FP32 and FP16:
 * IoU >= 0.9, scores within 0.01 (FP32) or 0.02 (FP16), at least 95% of the reference's detections matched, and, where
 * the engine exposes them, the pre-NMS tensors within 1e-3 or 2e-2 relative L2 error. INT8 is measured, never gated:
 * the report shows its loss.
 *
 * <p>A detection whose score lies within {@code maxScoreDiff} of the lowest score either side kept is borderline: it
 * may fall on the other side of the score threshold or the 100-detection cut, so it may go unmatched.
 *
 * @param name what the criteria are for, e.g. {@code TensorRT FP16}
 * @param minIou the least IoU for two detections of one class to match
 * @param maxScoreDiff the largest score difference for two detections to match
 * @param minMatched the least fraction of the reference's detections (per image) that must be matched, with unmatched
 *     non-borderline detections of either side counted against it
 * @param preNmsTolerance relative L2 error allowed on the pre-NMS tensors; NaN where they are only measured
 * @param gated false: the comparison is reported and never fails
 */
public record GateCriteria(String name, double minIou, double maxScoreDiff, double minMatched, double preNmsTolerance,
    boolean gated) {
  public GateCriteria {
    if (!(minIou > 0 && minIou <= 1)) {
      throw new IllegalArgumentException("minIou must be in (0, 1]: " + minIou);
    }
    if (!(maxScoreDiff >= 0 && maxScoreDiff <= 1)) {
      throw new IllegalArgumentException("maxScoreDiff must be in [0, 1]: " + maxScoreDiff);
    }
    if (!(minMatched >= 0 && minMatched <= 1)) {
      throw new IllegalArgumentException("minMatched must be in [0, 1]: " + minMatched);
    }
  }

  /** TensorFlow against TensorFlow on the CPU (the reference itself, or a GPU placement with TF32). */
  public static GateCriteria tensorFlow() {
    return new GateCriteria("TensorFlow", 0.98, 0.01, 1.0, Double.NaN, true);
  }

  public static GateCriteria tensorRtFp32() {
    return new GateCriteria("TensorRT FP32", 0.9, 0.01, 0.95, 1e-3, true);
  }

  public static GateCriteria tensorRtFp16() {
    return new GateCriteria("TensorRT FP16", 0.9, 0.02, 0.95, 2e-2, true);
  }

  /** INT8: matched at IoU >= 0.5 with any score, reported only. */
  public static GateCriteria measuredOnly(String name) {
    return new GateCriteria(name, 0.5, 1.0, 0, Double.NaN, false);
  }

  /** How many unmatched, non-borderline detections an image with {@code expected} reference detections may have. */
  public int allowedMisses(int expected) {
    return (int) Math.floor((1 - minMatched) * expected + 1e-9);
  }

  @Override
  public String toString() {
    String pre = Double.isNaN(preNmsTolerance) ? "" : String.format(Locale.ROOT, ", pre-NMS rel. L2 <= %.0e", preNmsTolerance);
    return String.format(Locale.ROOT, "%s: same class, IoU >= %s, |score diff| <= %s, >= %.0f%% matched%s%s", name, minIou,
        maxScoreDiff, minMatched * 100, pre, gated ? "" : " (measured only)");
  }
}
