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
 * @param layout which exporter's spelling of the graph to imitate
 * @param softNmsSigma soft-NMS sigma of NonMaxSuppressionV5 (0 = hard NMS, the exporter's default); only with V5
 */
public record GeneratorOptions(long seed, int batch, int height, int width, float scoreThreshold, NmsVersion nms,
    ExportLayout layout, float softNmsSigma) {
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
      throw new IllegalArgumentException("nms version must be one of %s, got null".formatted(NmsVersion.names()));
    }
    if (layout == null) {
      throw new IllegalArgumentException("export layout must be one of %s, got null".formatted(ExportLayout.names()));
    }
    if (!(softNmsSigma >= 0f && softNmsSigma <= 10f)) {
      throw new IllegalArgumentException("soft-NMS sigma must be in [0, 10], got " + softNmsSigma);
    }
    if (softNmsSigma != 0f && nms != NmsVersion.V5) {
      throw new IllegalArgumentException(
          "soft-NMS sigma %s needs NonMaxSuppressionV5; nms is %s".formatted(softNmsSigma, nms));
    }
  }

  /** The 2018 layout with hard NMS. */
  public GeneratorOptions(long seed, int batch, int height, int width, float scoreThreshold, NmsVersion nms) {
    this(seed, batch, height, width, scoreThreshold, nms, ExportLayout.EXPORT_2018, 0f);
  }

  /** Seed 42, batch 1, 300x300, threshold 0.3, NonMaxSuppressionV3. */
  public static GeneratorOptions defaults() {
    return new GeneratorOptions(DEFAULT_SEED, 1, 300, 300, DEFAULT_SCORE_THRESHOLD, NmsVersion.V3);
  }

  public GeneratorOptions withSeed(long s) {
    return new GeneratorOptions(s, batch, height, width, scoreThreshold, nms, layout, softNmsSigma);
  }

  public GeneratorOptions withBatch(int b) {
    return new GeneratorOptions(seed, b, height, width, scoreThreshold, nms, layout, softNmsSigma);
  }

  public GeneratorOptions withInputSize(int h, int w) {
    return new GeneratorOptions(seed, batch, h, w, scoreThreshold, nms, layout, softNmsSigma);
  }

  public GeneratorOptions withScoreThreshold(float t) {
    return new GeneratorOptions(seed, batch, height, width, t, nms, layout, softNmsSigma);
  }

  public GeneratorOptions withNms(NmsVersion v) {
    return new GeneratorOptions(seed, batch, height, width, scoreThreshold, v, layout, v == NmsVersion.V5 ? softNmsSigma : 0f);
  }

  /** Another exporter layout, with that layout's NMS op (soft-NMS sigma reset to 0). */
  public GeneratorOptions withLayout(ExportLayout l) {
    return new GeneratorOptions(seed, batch, height, width, scoreThreshold, l.defaultNms(), l, 0f);
  }

  /** Soft-NMS sigma of NonMaxSuppressionV5 (needs {@code nms} V5). */
  public GeneratorOptions withSoftNmsSigma(float sigma) {
    return new GeneratorOptions(seed, batch, height, width, scoreThreshold, nms, layout, sigma);
  }

  /**
   * E.g. {@code generated(seed=42,batch=1,threshold=0.3,nms=V3)}; the input size is added when not 300x300, the layout
   * when not 2018 ({@code layout=2019}), the soft-NMS sigma when not 0.
   */
  public String describe() {
    String size = height == 300 && width == 300 ? "" : ",input=%dx%d".formatted(height, width);
    String l = layout == ExportLayout.EXPORT_2018 ? "" : ",layout=" + layout.cliName();
    String sigma = softNmsSigma == 0f ? "" : ",soft_nms_sigma=" + softNmsSigma;
    return String.format(Locale.ROOT, "generated(seed=%d,batch=%d,threshold=%s%s,nms=%s%s%s)",
        seed, batch, Float.toString(scoreThreshold), size, nms, sigma, l);
  }
}
