package org.ssdbench.engine.trt;

import java.util.Random;
import org.ssdbench.model.ImageBatch;

/**
 * Deterministic, image-like inputs: smooth colour gradients with a few filled rectangles and mild noise, so INT8
 * calibration and latency runs see activations of a natural range (uniform noise would not). Same seed, same pixels.
 */
public final class CalibrationImages {
  private CalibrationImages() {}

  public static ImageBatch generate(int batch, int height, int width, long seed) {
    byte[] px = new byte[batch * height * width * 3];
    Random r = new Random(seed);
    for (int n = 0; n < batch; n++) {
      float[] base = {r.nextFloat() * 255, r.nextFloat() * 255, r.nextFloat() * 255};
      float[] gy = {r.nextFloat() * 2 - 1, r.nextFloat() * 2 - 1, r.nextFloat() * 2 - 1};
      float[] gx = {r.nextFloat() * 2 - 1, r.nextFloat() * 2 - 1, r.nextFloat() * 2 - 1};
      int rects = 2 + r.nextInt(5);
      int[][] rect = new int[rects][7];
      for (int k = 0; k < rects; k++) {
        int y0 = r.nextInt(height);
        int x0 = r.nextInt(width);
        rect[k] = new int[] {y0, x0, Math.min(height, y0 + 20 + r.nextInt(height / 2)),
            Math.min(width, x0 + 20 + r.nextInt(width / 2)), r.nextInt(256), r.nextInt(256), r.nextInt(256)};
      }
      for (int y = 0; y < height; y++) {
        for (int x = 0; x < width; x++) {
          int at = ((n * height + y) * width + x) * 3;
          for (int c = 0; c < 3; c++) {
            float v = base[c] + gy[c] * y * 0.5f + gx[c] * x * 0.5f + (float) r.nextGaussian() * 4f;
            for (int[] q : rect) {
              if (y >= q[0] && y < q[2] && x >= q[1] && x < q[3]) {
                v = q[4 + c] + (float) r.nextGaussian() * 4f;
              }
            }
            px[at + c] = (byte) Math.max(0, Math.min(255, Math.round(v)));
          }
        }
      }
    }
    return new ImageBatch(px, batch, height, width);
  }
}
