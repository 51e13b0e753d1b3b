package org.ssdbench.model;

import java.util.ArrayList;
import java.util.List;

/**
 * The SSD anchor generator's boxes in closed form: 6 layers, scales 0.2 .. 0.95, aspect ratios {1, 2, 1/2, 3, 1/3} plus
 * one box of scale sqrt(s_i * s_(i+1)) (s_6 = 1), the lowest layer reduced to (0.1, 1:1), (0.2, 2:1), (0.2, 1:2);
 * centres at (i + 0.5) / grid; height = scale / sqrt(ratio), width = scale * sqrt(ratio); not clipped. The generated graph
 * computes the same boxes by ops; this class is what they are checked against.
 */
public final class AnchorGrid {
  /** Feature map sizes for a 300x300 input. */
  public static final int[] GRID_SIZES = {19, 10, 5, 3, 2, 1};
  static final double MIN_SCALE = 0.2;
  static final double MAX_SCALE = 0.95;
  static final double[] ASPECT_RATIOS = {1.0, 2.0, 0.5, 3.0, 0.3333};

  private AnchorGrid() {}

  /** One anchor shape of a layer. */
  record BoxSpec(double scale, double aspectRatio) {}

  static double scale(int layer) {
    return layer >= GRID_SIZES.length ? 1.0 : MIN_SCALE + (MAX_SCALE - MIN_SCALE) * layer / (GRID_SIZES.length - 1);
  }

  static List<BoxSpec> boxSpecs(int layer) {
    List<BoxSpec> specs = new ArrayList<>();
    double s = scale(layer);
    if (layer == 0) {
      specs.add(new BoxSpec(0.1, 1.0));
      specs.add(new BoxSpec(s, 2.0));
      specs.add(new BoxSpec(s, 0.5));
      return specs;
    }
    for (double ratio : ASPECT_RATIOS) {
      specs.add(new BoxSpec(s, ratio));
    }
    specs.add(new BoxSpec(Math.sqrt(s * scale(layer + 1)), 1.0));
    return specs;
  }

  /** All 1917 anchors, row-major over (layer, y, x, box), each ymin, xmin, ymax, xmax; flattened [1917 * 4]. */
  public static float[] anchors() {
    List<float[]> rows = new ArrayList<>();
    for (int layer = 0; layer < GRID_SIZES.length; layer++) {
      int g = GRID_SIZES[layer];
      List<BoxSpec> specs = boxSpecs(layer);
      for (int y = 0; y < g; y++) {
        for (int x = 0; x < g; x++) {
          for (BoxSpec spec : specs) {
            double cy = (y + 0.5) / g;
            double cx = (x + 0.5) / g;
            double root = Math.sqrt(spec.aspectRatio());
            double h = spec.scale() / root;
            double w = spec.scale() * root;
            rows.add(new float[] {(float) (cy - h / 2), (float) (cx - w / 2), (float) (cy + h / 2), (float) (cx + w / 2)});
          }
        }
      }
    }
    float[] flat = new float[rows.size() * 4];
    for (int i = 0; i < rows.size(); i++) {
      System.arraycopy(rows.get(i), 0, flat, i * 4, 4);
    }
    return flat;
  }
}
