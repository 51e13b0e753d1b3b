package org.ssdbench.engine.trt;

import org.ssdbench.model.ImageBatch;

/**
 * What the TensorRT engine expects as input, made on the host: the graph's {@code Preprocessor} (x * 2 / 255 - 1) and
 * the NHWC to NCHW transpose, as the article did before feeding {@code [1, 3, 300, 300]} to its engine. Images must
 * already be the network's size: the graph's resize is the identity for them, so TF and TensorRT see the same pixels.
 */
public final class HostPreprocessing {
  private HostPreprocessing() {}

  /** uint8 NHWC {@code [B, H, W, 3]} to float NCHW {@code [B, 3, H, W]} in [-1, 1]. */
  public static float[] toNchw(ImageBatch images, int height, int width) {
    if (images.height() != height || images.width() != width) {
      throw new IllegalArgumentException(
          "images are %dx%d; the engine takes %dx%d (resize them first)"
              .formatted(images.height(), images.width(), height, width));
    }
    int b = images.batch();
    int plane = height * width;
    float[] out = new float[b * 3 * plane];
    byte[] px = images.pixels();
    for (int n = 0; n < b; n++) {
      int src = n * plane * 3;
      int dst = n * plane * 3;
      for (int i = 0; i < plane; i++) {
        for (int c = 0; c < 3; c++) {
          out[dst + c * plane + i] = (px[src + i * 3 + c] & 0xff) * (2f / 255f) - 1f;
        }
      }
    }
    return out;
  }
}
