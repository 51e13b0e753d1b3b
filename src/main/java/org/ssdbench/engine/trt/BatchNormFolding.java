package org.ssdbench.engine.trt;

/**
 * Folds an inference-mode batch norm that follows a convolution into the convolution's weights and bias:
 * {@code w' = w * gamma / sqrt(var + eps)} per output channel and {@code b' = beta + (b - mean) * gamma / sqrt(var + eps)}
 * (with no conv bias, {@code b = 0}: {@code b' = beta - mean * gamma / sqrt(var + eps)}).
 */
public final class BatchNormFolding {
  private BatchNormFolding() {}

  /** Folded parameters: OIHW weights and one bias per output channel. */
  public record Folded(float[] weights, float[] bias) {}

  /**
   * @param weights OIHW, {@code outChannels} blocks of equal size
   * @param bias the conv's own bias, or null for none
   */
  public static Folded fold(
      float[] weights, float[] bias, float[] gamma, float[] beta, float[] mean, float[] variance, float epsilon) {
    int out = gamma.length;
    if (beta.length != out || mean.length != out || variance.length != out || weights.length % out != 0) {
      throw new IllegalArgumentException(
          "batch norm sizes disagree: gamma %d, beta %d, mean %d, variance %d, weights %d (must be a multiple of %d)"
              .formatted(out, beta.length, mean.length, variance.length, weights.length, out));
    }
    if (bias != null && bias.length != out) {
      throw new IllegalArgumentException("conv bias has %d values, batch norm %d".formatted(bias.length, out));
    }
    int per = weights.length / out;
    float[] w = new float[weights.length];
    float[] b = new float[out];
    for (int o = 0; o < out; o++) {
      // Same order of operations as the graph: mul = rsqrt(var + eps) * gamma.
      float scale = (float) (1.0 / Math.sqrt(variance[o] + epsilon)) * gamma[o];
      for (int i = 0; i < per; i++) {
        w[o * per + i] = weights[o * per + i] * scale;
      }
      float convBias = bias == null ? 0f : bias[o];
      b[o] = beta[o] - (mean[o] - convBias) * scale;
    }
    return new Folded(w, b);
  }
}
