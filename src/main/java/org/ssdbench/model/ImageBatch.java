package org.ssdbench.model;

import java.util.Objects;

/**
 * A batch of RGB images as the model's {@code image_tensor} takes them: uint8, NHWC, row-major.
 *
 * @param pixels {@code batch * height * width * 3} bytes (unsigned values 0..255)
 */
public record ImageBatch(byte[] pixels, int batch, int height, int width) {
  public static final int CHANNELS = 3;

  public ImageBatch {
    Objects.requireNonNull(pixels, "pixels");
    if (batch < 1 || height < 1 || width < 1) {
      throw new IllegalArgumentException(
          "image batch dimensions must be positive: batch=%d height=%d width=%d".formatted(batch, height, width));
    }
    long expected = (long) batch * height * width * CHANNELS;
    if (pixels.length != expected) {
      throw new IllegalArgumentException(
          "image batch has %d bytes; batch=%d x %dx%d x 3 needs %d".formatted(pixels.length, batch, height, width, expected));
    }
  }

  public long[] shape() {
    return new long[] {batch, height, width, CHANNELS};
  }
}
