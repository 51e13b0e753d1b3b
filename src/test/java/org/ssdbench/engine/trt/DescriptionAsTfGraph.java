package org.ssdbench.engine.trt;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.ssdbench.engine.trt.NetworkDescription.Clip;
import org.ssdbench.engine.trt.NetworkDescription.Concat;
import org.ssdbench.engine.trt.NetworkDescription.Constant;
import org.ssdbench.engine.trt.NetworkDescription.Conv;
import org.ssdbench.engine.trt.NetworkDescription.ElementWise;
import org.ssdbench.engine.trt.NetworkDescription.Layer;
import org.ssdbench.engine.trt.NetworkDescription.Shuffle;
import org.ssdbench.engine.trt.NetworkDescription.Slice;
import org.ssdbench.engine.trt.NetworkDescription.Unary;
import org.tensorflow.proto.DataType;
import org.tensorflow.proto.GraphDef;

/**
 * Rebuilds a {@link NetworkDescription} as a TF graph, one TF op (or a few) per layer, the way TensorRT would read it:
 * NCHW tensors, OIHW weights, explicit SAME padding computed by {@link Conv#pads} followed by a VALID convolution.
 * TF's CPU convolution wants NHWC, so each convolution is wrapped in transposes; OIHW is turned back into TF's HWIO by
 * the definition of the layout, independently of the converter's code.
 */
final class DescriptionAsTfGraph {
  private DescriptionAsTfGraph() {}

  static GraphDef build(NetworkDescription d, int batch) {
    Nodes g = new Nodes();
    Map<String, long[]> shapes = d.shapes(batch);
    g.add(d.input(), "Placeholder", List.of(), "dtype", DataType.DT_FLOAT, "shape",
        Nodes.shape(shapes.get(d.input())));
    g.ints("to_nhwc", new long[] {4}, 0, 2, 3, 1);
    g.ints("to_nchw", new long[] {4}, 0, 3, 1, 2);
    for (Layer layer : d.layers()) {
      String n = layer.name();
      if (layer instanceof Conv c) {
        conv(g, c, shapes.get(c.input()));
      } else if (layer instanceof Clip c) {
        g.scalar(n + "/lo", c.lo());
        g.scalar(n + "/hi", c.hi());
        g.f(n + "/max", "Maximum", c.input(), n + "/lo");
        g.f(n, "Minimum", n + "/max", n + "/hi");
      } else if (layer instanceof ElementWise e) {
        String op = switch (e.op()) {
          case SUM -> "AddV2";
          case SUB -> "Sub";
          case PROD -> "Mul";
          case DIV -> "RealDiv";
        };
        g.f(n, op, e.a(), e.b());
      } else if (layer instanceof Constant c) {
        g.constant(n, c.shape(), c.values());
      } else if (layer instanceof Unary u) {
        g.f(n, u.op() == Unary.Op.EXP ? "Exp" : "Sigmoid", u.input());
      } else if (layer instanceof Shuffle s) {
        String in = s.input();
        if (s.permutation() != null) {
          g.ints(n + "/perm", new long[] {s.permutation().length}, s.permutation());
          in = g.add(n + "/transpose", "Transpose", List.of(in, n + "/perm"), "T", DataType.DT_FLOAT, "Tperm",
              DataType.DT_INT32);
        }
        long[] out = shapes.get(n);
        g.ints(n + "/shape", new long[] {out.length}, toInts(out));
        g.add(n, "Reshape", List.of(in, n + "/shape"), "T", DataType.DT_FLOAT, "Tshape", DataType.DT_INT32);
      } else if (layer instanceof Concat c) {
        g.intScalar(n + "/axis", c.axis());
        var inputs = new ArrayList<>(c.inputs());
        inputs.add(n + "/axis");
        g.add(n, "ConcatV2", inputs, "T", DataType.DT_FLOAT, "N", c.inputs().size(), "Tidx", DataType.DT_INT32);
      } else if (layer instanceof Slice s) {
        long[] size = s.resolvedSize(shapes.get(s.input()));
        g.ints(n + "/begin", new long[] {s.start().length}, toInts(s.start()));
        g.ints(n + "/size", new long[] {size.length}, toInts(size));
        g.add(n, "Slice", List.of(s.input(), n + "/begin", n + "/size"), "T", DataType.DT_FLOAT, "Index",
            DataType.DT_INT32);
      } else {
        throw new IllegalArgumentException("no TF rebuild for " + layer);
      }
    }
    return g.build();
  }

  private static void conv(Nodes g, Conv c, long[] inShape) {
    String n = c.name();
    int[] ph = c.pads(inShape[2], c.kernelH());
    int[] pw = c.pads(inShape[3], c.kernelW());
    g.add(n + "/nhwc", "Transpose", List.of(c.input(), "to_nhwc"), "T", DataType.DT_FLOAT, "Tperm", DataType.DT_INT32);
    g.ints(n + "/paddings", new long[] {4, 2}, 0, 0, ph[0], ph[1], pw[0], pw[1], 0, 0);
    g.f(n + "/pad", "Pad", n + "/nhwc", n + "/paddings");
    int kh = c.kernelH();
    int kw = c.kernelW();
    int inPerGroup = c.inChannels() / c.groups();
    String conv;
    if (c.groups() == 1) {
      // HWIO[y][x][i][o] = OIHW[o][i][y][x]
      float[] hwio = new float[c.weights().length];
      for (int o = 0; o < c.outChannels(); o++) {
        for (int i = 0; i < inPerGroup; i++) {
          for (int y = 0; y < kh; y++) {
            for (int x = 0; x < kw; x++) {
              hwio[((y * kw + x) * inPerGroup + i) * c.outChannels() + o] = c.weights()[((o * inPerGroup + i) * kh + y) * kw + x];
            }
          }
        }
      }
      g.constant(n + "/filter", new long[] {kh, kw, inPerGroup, c.outChannels()}, hwio);
      conv = g.add(n + "/conv", "Conv2D", List.of(n + "/pad", n + "/filter"), "T", DataType.DT_FLOAT, "strides",
          new long[] {1, c.stride(), c.stride(), 1}, "padding", "VALID");
    } else {
      if (c.groups() != c.inChannels()) {
        throw new IllegalArgumentException("only depthwise groups are rebuilt: " + c.name());
      }
      int mult = c.outChannels() / c.inChannels();
      // depthwise [y][x][i][m] = OIHW[i * mult + m][0][y][x]
      float[] f = new float[c.weights().length];
      for (int i = 0; i < c.inChannels(); i++) {
        for (int m = 0; m < mult; m++) {
          for (int y = 0; y < kh; y++) {
            for (int x = 0; x < kw; x++) {
              f[((y * kw + x) * c.inChannels() + i) * mult + m] = c.weights()[((i * mult + m) * kh + y) * kw + x];
            }
          }
        }
      }
      g.constant(n + "/filter", new long[] {kh, kw, c.inChannels(), mult}, f);
      conv = g.add(n + "/conv", "DepthwiseConv2dNative", List.of(n + "/pad", n + "/filter"), "T", DataType.DT_FLOAT,
          "strides", new long[] {1, c.stride(), c.stride(), 1}, "padding", "VALID");
    }
    g.constant(n + "/bias", new long[] {c.outChannels()}, c.bias());
    g.f(n + "/biasadd", "BiasAdd", conv, n + "/bias");
    g.add(n, "Transpose", List.of(n + "/biasadd", "to_nchw"), "T", DataType.DT_FLOAT, "Tperm", DataType.DT_INT32);
  }

  private static int[] toInts(long[] v) {
    int[] r = new int[v.length];
    for (int i = 0; i < v.length; i++) {
      r[i] = (int) v[i];
    }
    return r;
  }
}
