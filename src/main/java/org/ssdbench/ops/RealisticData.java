package org.ssdbench.ops;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * Input values that look like what the op sees inside the model, from a fixed seed so every run times the same data:
 *
 * <ul>
 *   <li>NMS boxes come in jittered clusters (about ten boxes around each centre), so many pairs overlap above the IoU
 *       threshold and suppression really happens; scores are uniform in [0, 1) like sigmoid outputs.
 *   <li>Gather indices lie in range: a sorted subset when there are fewer indices than rows (what Where-based filtering
 *       produces), a permutation when there are as many (what a sort produces), uniform draws otherwise.
 *   <li>Where gets exactly {@code n} true elements at random positions; Select conditions are true half the time.
 *   <li>Convolution inputs are uniform in [-1, 1], filters scaled by 1/sqrt(fan-in); other floats uniform in [0, 1).
 * </ul>
 */
public final class RealisticData {
  public static final long SEED = 1234;

  private RealisticData() {}

  /** One array per data input of {@code s}. */
  public static List<HostArray> of(OpSignature s) {
    if (!s.isRunnable()) {
      throw new IllegalArgumentException("Signature '%s' has unknown dimensions or attributes; it cannot be run".formatted(s.id()));
    }
    Random random = new Random(SEED);
    List<HostArray> out = new ArrayList<>();
    for (int i = 0; i < s.inputs().size(); i++) {
      out.add(input(s, i, random));
    }
    return out;
  }

  private static HostArray input(OpSignature s, int i, Random random) {
    TensorSpec spec = s.input(i);
    int n = Math.toIntExact(spec.elements());
    return switch (s.kind()) {
      case NON_MAX_SUPPRESSION_V2, NON_MAX_SUPPRESSION_V3, NON_MAX_SUPPRESSION_V4, NON_MAX_SUPPRESSION_V5 ->
          i == 0 ? new HostArray(spec, clusteredBoxes(n / 4, random)) : new HostArray(spec, uniform(n, 0, 1, random));
      case GATHER_V2 -> i == 1 ? indices(s, spec, random) : generic(spec, random);
      case WHERE -> new HostArray(spec, exactlyTrue(n, (int) s.longAttr("n"), random));
      case CONV2D, DEPTHWISE_CONV2D -> {
        if (i == 0) {
          yield new HostArray(spec, uniform(n, -1, 1, random));
        }
        long[] f = spec.dims();
        float scale = (float) (1 / Math.sqrt(f[0] * f[1] * (s.kind() == OpKind.CONV2D ? f[2] : 1)));
        yield new HostArray(spec, uniform(n, -scale, scale, random));
      }
      default -> generic(spec, random);
    };
  }

  private static HostArray generic(TensorSpec spec, Random random) {
    int n = Math.toIntExact(spec.elements());
    return switch (spec.dtype()) {
      case F32 -> new HostArray(spec, uniform(n, 0, 1, random));
      case I32 -> {
        int[] v = new int[n];
        for (int k = 0; k < n; k++) {
          v[k] = random.nextInt(200);
        }
        yield new HostArray(spec, v);
      }
      case I64 -> {
        long[] v = new long[n];
        for (int k = 0; k < n; k++) {
          v[k] = random.nextInt(200);
        }
        yield new HostArray(spec, v);
      }
      case BOOL -> {
        boolean[] v = new boolean[n];
        for (int k = 0; k < n; k++) {
          v[k] = random.nextBoolean();
        }
        yield new HostArray(spec, v);
      }
      case U8 -> {
        byte[] v = new byte[n];
        random.nextBytes(v);
        yield new HostArray(spec, v);
      }
    };
  }

  /** Boxes [count, 4] as ymin, xmin, ymax, xmax in [0, 1], about ten per cluster, jittered by 2% of the image. */
  static float[] clusteredBoxes(int count, Random random) {
    float[] boxes = new float[count * 4];
    int clusters = Math.max(1, count / 10);
    float[][] centres = new float[clusters][4];
    for (float[] c : centres) {
      float h = 0.05f + 0.3f * random.nextFloat();
      float w = 0.05f + 0.3f * random.nextFloat();
      c[0] = random.nextFloat() * (1 - h);
      c[1] = random.nextFloat() * (1 - w);
      c[2] = c[0] + h;
      c[3] = c[1] + w;
    }
    for (int b = 0; b < count; b++) {
      float[] c = centres[random.nextInt(clusters)];
      for (int k = 0; k < 4; k++) {
        boxes[b * 4 + k] = Math.min(1, Math.max(0, c[k] + 0.02f * (float) random.nextGaussian()));
      }
      if (boxes[b * 4 + 2] < boxes[b * 4]) {
        swap(boxes, b * 4, b * 4 + 2);
      }
      if (boxes[b * 4 + 3] < boxes[b * 4 + 1]) {
        swap(boxes, b * 4 + 1, b * 4 + 3);
      }
    }
    return boxes;
  }

  private static HostArray indices(OpSignature s, TensorSpec spec, Random random) {
    TensorSpec params = s.input(0);
    int rows = Math.toIntExact(params.dim((int) OpKind.axis(s.longAttr("axis"), params.rank())));
    int n = Math.toIntExact(spec.elements());
    int[] picked = new int[n];
    if (rows == 0) {
      if (n > 0) {
        throw new IllegalArgumentException("'%s' gathers %d indices from an empty axis".formatted(s.id(), n));
      }
    } else if (n < rows) {
      int[] perm = permutation(rows, random);
      System.arraycopy(perm, 0, picked, 0, n);
      java.util.Arrays.sort(picked);
    } else if (n == rows) {
      picked = permutation(rows, random);
    } else {
      for (int k = 0; k < n; k++) {
        picked[k] = random.nextInt(rows);
      }
    }
    if (spec.dtype() == DType.I64) {
      long[] wide = new long[n];
      for (int k = 0; k < n; k++) {
        wide[k] = picked[k];
      }
      return new HostArray(spec, wide);
    }
    return new HostArray(spec, picked);
  }

  private static int[] permutation(int n, Random random) {
    int[] p = new int[n];
    for (int k = 0; k < n; k++) {
      p[k] = k;
    }
    for (int k = n - 1; k > 0; k--) {
      int j = random.nextInt(k + 1);
      int t = p[k];
      p[k] = p[j];
      p[j] = t;
    }
    return p;
  }

  private static boolean[] exactlyTrue(int n, int trues, Random random) {
    boolean[] v = new boolean[n];
    int[] perm = permutation(n, random);
    for (int k = 0; k < trues; k++) {
      v[perm[k]] = true;
    }
    return v;
  }

  private static float[] uniform(int n, float lo, float hi, Random random) {
    float[] v = new float[n];
    for (int k = 0; k < n; k++) {
      v[k] = lo + (hi - lo) * random.nextFloat();
    }
    return v;
  }

  private static void swap(float[] a, int i, int j) {
    float t = a[i];
    a[i] = a[j];
    a[j] = t;
  }
}
