package org.ssdbench.model;

import java.util.Locale;

/**
 * What the generated graph is made from.
 *
 * @param seed weights seed; the same seed gives the same bytes
 * @param batch images per run, fixed in {@code image_tensor}'s shape
 * @param height input image height (the Preprocessor resizes to 300x300)
 * @param width input image width
 * @param scoreThreshold NMS score threshold: 0.3 as the zoo's pipeline.config, 1e-8 for the worst case
 * @param nms which NonMaxSuppression op to emit
 */
public record GeneratorOptions(long seed, int batch, int height, int width, float scoreThreshold, NmsVersion nms) {
  public static final long DEFAULT_SEED = 42;
  public static final float DEFAULT_SCORE_THRESHOLD = 0.3f;
  /** The worst case: every anchor-class pair is an NMS candidate. */
  public static final float WORST_CASE_SCORE_THRESHOLD = 1e-8f;

  public GeneratorOptions {
    if (batch < 1 || batch > 1024) {
      throw new IllegalArgumentException("batch must be in 1..1024, got " + batch);
    }
    if (height < 33 || width < 33 || height > 4096 || width > 4096) {
      throw new IllegalArgumentException(
          "input size must be in 33..4096 on each side, got %dx%d".formatted(height, width));
    }
    if (!(scoreThreshold >= 0f && scoreThreshold < 1f)) {
      throw new IllegalArgumentException("score threshold must be in [0, 1), got " + scoreThreshold);
    }
    if (nms == null) {
      throw new IllegalArgumentException("nms version must be one of V2, V3, got null");
    }
  }

  /** Seed 42, batch 1, 300x300, threshold 0.3, NonMaxSuppressionV3. */
  public static GeneratorOptions defaults() {
    return new GeneratorOptions(DEFAULT_SEED, 1, 300, 300, DEFAULT_SCORE_THRESHOLD, NmsVersion.V3);
  }

  public GeneratorOptions withSeed(long s) {
    return new GeneratorOptions(s, batch, height, width, scoreThreshold, nms);
  }

  public GeneratorOptions withBatch(int b) {
    return new GeneratorOptions(seed, b, height, width, scoreThreshold, nms);
  }

  public GeneratorOptions withInputSize(int h, int w) {
    return new GeneratorOptions(seed, batch, h, w, scoreThreshold, nms);
  }

  public GeneratorOptions withScoreThreshold(float t) {
    return new GeneratorOptions(seed, batch, height, width, t, nms);
  }

  public GeneratorOptions withNms(NmsVersion v) {
    return new GeneratorOptions(seed, batch, height, width, scoreThreshold, v);
  }

  /** E.g. {@code generated(seed=42,batch=1,threshold=0.3,nms=V3)}; the input size is added when not 300x300. */
  public String describe() {
    String size = height == 300 && width == 300 ? "" : ",input=%dx%d".formatted(height, width);
    return String.format(Locale.ROOT, "generated(seed=%d,batch=%d,threshold=%s%s,nms=%s)",
        seed, batch, Float.toString(scoreThreshold), size, nms);
  }
}
