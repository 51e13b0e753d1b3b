package org.ssdbench.model;

import java.util.SplittableRandom;

/**
 * A deterministic, photo-like RGB test image: a two-colour gradient background, a dozen filled rectangles and discs of
 * random colours and sizes (objects with edges for the detector to respond to) and a little pixel noise. The same seed
 * and size give the same bytes.
 */
public final class SyntheticImage {
  private static final int SHAPES = 12;

  private SyntheticImage() {}

  /** One {@code height x width} image, repeated {@code batch} times. */
  public static ImageBatch create(long seed, int batch, int height, int width) {
    if (batch < 1 || height < 1 || width < 1) {
      throw new IllegalArgumentException(
          "synthetic image needs positive sizes: batch=%d height=%d width=%d".formatted(batch, height, width));
    }
    byte[] one = render(seed, height, width);
    byte[] all = new byte[one.length * batch];
    for (int i = 0; i < batch; i++) {
      System.arraycopy(one, 0, all, i * one.length, one.length);
    }
    return new ImageBatch(all, batch, height, width);
  }

  private static byte[] render(long seed, int height, int width) {
    SplittableRandom r = new SplittableRandom(seed);
    int[] top = color(r);
    int[] bottom = color(r);
    float[] rgb = new float[height * width * 3];
    for (int y = 0; y < height; y++) {
      float t = height == 1 ? 0 : (float) y / (height - 1);
      for (int x = 0; x < width; x++) {
        float u = width == 1 ? 0 : (float) x / (width - 1);
        int at = (y * width + x) * 3;
        for (int c = 0; c < 3; c++) {
          rgb[at + c] = top[c] * (1 - t) + bottom[c] * t + 30f * (u - 0.5f);
        }
      }
    }
    for (int s = 0; s < SHAPES; s++) {
      int[] col = color(r);
      double cy = r.nextDouble() * height;
      double cx = r.nextDouble() * width;
      double hh = (0.05 + 0.2 * r.nextDouble()) * height;
      double hw = (0.05 + 0.2 * r.nextDouble()) * width;
      boolean disc = r.nextBoolean();
      int y0 = (int) Math.max(0, cy - hh);
      int y1 = (int) Math.min(height - 1, cy + hh);
      int x0 = (int) Math.max(0, cx - hw);
      int x1 = (int) Math.min(width - 1, cx + hw);
      for (int y = y0; y <= y1; y++) {
        for (int x = x0; x <= x1; x++) {
          double dy = (y - cy) / hh;
          double dx = (x - cx) / hw;
          if (disc && dy * dy + dx * dx > 1) {
            continue;
          }
          int at = (y * width + x) * 3;
          float shade = (float) (0.8 + 0.2 * dy);
          for (int c = 0; c < 3; c++) {
            rgb[at + c] = col[c] * shade;
          }
        }
      }
    }
    byte[] out = new byte[rgb.length];
    for (int i = 0; i < rgb.length; i++) {
      float v = rgb[i] + (float) (r.nextDouble() * 8 - 4);
      out[i] = (byte) Math.max(0, Math.min(255, Math.round(v)));
    }
    return out;
  }

  private static int[] color(SplittableRandom r) {
    return new int[] {r.nextInt(256), r.nextInt(256), r.nextInt(256)};
  }
}
