package org.ssdbench.engine.trt;

/**
 * Non-maximum suppression settings as the graph's postprocessor uses them, for TensorRT's EfficientNMS_TRT plugin.
 *
 * @param scoreThreshold boxes scoring at or below this are dropped before NMS
 * @param iouThreshold overlap above which a lower-scoring box of the same class is suppressed
 * @param maxPerClass detections kept per class
 * @param maxTotal detections kept per image (the rows of the outputs)
 * @param origin where the values came from (graph node names, defaults or an override), for results
 */
public record NmsSettings(
    float scoreThreshold, float iouThreshold, int maxPerClass, int maxTotal, String origin) {
  public NmsSettings {
    if (!(scoreThreshold >= 0f && scoreThreshold < 1f)) {
      throw new IllegalArgumentException("score threshold must be in [0, 1), got " + scoreThreshold);
    }
    if (!(iouThreshold > 0f && iouThreshold <= 1f)) {
      throw new IllegalArgumentException("IoU threshold must be in (0, 1], got " + iouThreshold);
    }
    if (maxPerClass < 1 || maxTotal < 1) {
      throw new IllegalArgumentException(
          "max detections must be >= 1: per class %d, total %d".formatted(maxPerClass, maxTotal));
    }
  }

  /** The same settings with another score threshold (e.g. 0.3 of the zoo's pipeline.config, or 1e-8). */
  public NmsSettings withScoreThreshold(float threshold) {
    return new NmsSettings(threshold, iouThreshold, maxPerClass, maxTotal, origin + ", score threshold overridden");
  }
}
