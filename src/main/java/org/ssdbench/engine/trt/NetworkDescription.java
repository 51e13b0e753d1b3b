package org.ssdbench.engine.trt;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * SSD MobileNet V2 as a list of TensorRT-shaped layers, in plain Java: what {@link SsdGraphConverter} makes of a frozen
 * GraphDef and what {@link TrtNetworkBuilder} turns into a TensorRT network. It knows nothing of TensorFlow or CUDA, so
 * it can be checked on a CPU (rebuilt as a TF graph in the tests) before any GPU sees it.
 *
 * <p>The network's input is the preprocessed image, NCHW float {@code [batch, 3, height, width]} in [-1, 1]: scaling
 * and the NHWC to NCHW transpose are done on the host ({@link HostPreprocessing}), as the article's TensorRT step did.
 * Every layer has one output tensor named after the layer; tensor shapes are batch-agnostic here and resolved for a
 * given batch by {@link #shapes(int)}. Feature maps are NCHW; head outputs are {@code [batch, anchors, values]}.
 *
 * @param input the input tensor's name
 * @param channels input channels (3)
 * @param height input height (300)
 * @param width input width (300)
 * @param layers in topological order
 * @param rawBoxEncodings tensor {@code [B, 1917, 4]}: the box predictor's output (ty, tx, th, tw), TF's {@code Squeeze}
 * @param classScores tensor {@code [B, 1917, 90]}: sigmoid scores without the background class, TF's
 *     {@code Postprocessor/Slice}
 * @param boxes tensor {@code [B, 1917, 4]}: decoded (and, where the graph clips, clipped) corners ymin, xmin, ymax, xmax
 * @param anchors the anchors {@code [numAnchors * 4]} (ymin, xmin, ymax, xmax), evaluated once from the graph
 * @param nms the NMS settings read from the graph
 * @param source where the description came from, for messages
 */
public record NetworkDescription(
    String input,
    int channels,
    int height,
    int width,
    List<Layer> layers,
    String rawBoxEncodings,
    String classScores,
    String boxes,
    float[] anchors,
    NmsSettings nms,
    String source) {

  public NetworkDescription {
    Objects.requireNonNull(input, "input");
    layers = List.copyOf(layers);
    Objects.requireNonNull(nms, "nms");
    Objects.requireNonNull(anchors, "anchors");
    if (channels < 1 || height < 1 || width < 1) {
      throw new IllegalArgumentException("input dims must be positive: %d x %d x %d".formatted(channels, height, width));
    }
    var known = new HashMap<String, Layer>();
    for (Layer layer : layers) {
      for (String in : layer.inputs()) {
        if (!in.equals(input) && !known.containsKey(in)) {
          throw new IllegalArgumentException(
              "layer '%s' reads '%s', which no earlier layer produces".formatted(layer.name(), in));
        }
      }
      if (known.put(layer.name(), layer) != null || layer.name().equals(input)) {
        throw new IllegalArgumentException("duplicate tensor name '%s'".formatted(layer.name()));
      }
    }
    for (String out : List.of(rawBoxEncodings, classScores, boxes)) {
      if (!known.containsKey(out)) {
        throw new IllegalArgumentException("output '%s' is not produced by any layer".formatted(out));
      }
    }
  }

  public int numAnchors() {
    return anchors.length / 4;
  }

  /** The layer producing {@code tensor}. */
  public Layer layer(String tensor) {
    for (Layer layer : layers) {
      if (layer.name().equals(tensor)) {
        return layer;
      }
    }
    throw new IllegalArgumentException("no layer named '%s' in %s".formatted(tensor, source));
  }

  /** Shapes of every tensor (input included) for a given batch, by shape inference through the layers. */
  public Map<String, long[]> shapes(int batch) {
    if (batch < 1) {
      throw new IllegalArgumentException("batch must be >= 1, got " + batch);
    }
    var shapes = new LinkedHashMap<String, long[]>();
    shapes.put(input, new long[] {batch, channels, height, width});
    for (Layer layer : layers) {
      shapes.put(layer.name(), layer.outputShape(shapes));
    }
    return shapes;
  }

  /** Totals for messages: layers by kind. */
  public Map<String, Integer> layerCounts() {
    var counts = new LinkedHashMap<String, Integer>();
    for (Layer layer : layers) {
      counts.merge(layer.getClass().getSimpleName(), 1, Integer::sum);
    }
    return counts;
  }

  @Override
  public String toString() {
    return "NetworkDescription[%s, input %s [B,%d,%d,%d], %d layers %s, %d anchors, %s]"
        .formatted(source, input, channels, height, width, layers.size(), layerCounts(), numAnchors(), nms);
  }

  /** One layer: a single output tensor named {@link #name()}. */
  public sealed interface Layer permits Conv, Clip, ElementWise, Constant, Unary, Shuffle, Concat, Slice {
    String name();

    List<String> inputs();

    long[] outputShape(Map<String, long[]> shapes);
  }

  /**
   * A 2-D convolution with bias, batch norm already folded in. Weights are OIHW: {@code [out][in / groups][kh][kw]}.
   * SAME padding follows TensorFlow: the total padding {@code max((out - 1) * stride + k - in, 0)} is split with the odd
   * pixel at the end ({@link #samePadding}).
   *
   * @param groups 1 for a normal convolution, the channel count for a depthwise one
   * @param origin the TF node the weights came from, for messages
   */
  public record Conv(
      String name,
      String input,
      int inChannels,
      int outChannels,
      int kernelH,
      int kernelW,
      int stride,
      int groups,
      boolean samePadding,
      float[] weights,
      float[] bias,
      String origin)
      implements Layer {
    public Conv {
      if (groups < 1 || inChannels % groups != 0 || outChannels % groups != 0) {
        throw new IllegalArgumentException(
            "conv '%s': groups %d must divide in %d and out %d".formatted(name, groups, inChannels, outChannels));
      }
      long expected = (long) outChannels * (inChannels / groups) * kernelH * kernelW;
      if (weights.length != expected) {
        throw new IllegalArgumentException(
            "conv '%s': %d weights, expected %d (OIHW %d x %d x %d x %d)"
                .formatted(name, weights.length, expected, outChannels, inChannels / groups, kernelH, kernelW));
      }
      if (bias.length != outChannels) {
        throw new IllegalArgumentException(
            "conv '%s': %d biases, expected %d".formatted(name, bias.length, outChannels));
      }
    }

    @Override
    public List<String> inputs() {
      return List.of(input);
    }

    @Override
    public long[] outputShape(Map<String, long[]> shapes) {
      long[] in = shapes.get(input);
      if (in.length != 4 || in[1] != inChannels) {
        throw new IllegalArgumentException(
            "conv '%s' expects NCHW with %d channels, got %s".formatted(name, inChannels, Arrays.toString(in)));
      }
      return new long[] {in[0], outChannels, outSize(in[2], kernelH), outSize(in[3], kernelW)};
    }

    /** Padding before and after along one spatial axis of size {@code in}. */
    public int[] pads(long in, int kernel) {
      if (!samePadding) {
        return new int[] {0, 0};
      }
      long out = (in + stride - 1) / stride;
      long total = Math.max((out - 1) * stride + kernel - in, 0);
      return new int[] {(int) (total / 2), (int) (total - total / 2)};
    }

    private long outSize(long in, int kernel) {
      return samePadding ? (in + stride - 1) / stride : (in - kernel) / stride + 1;
    }
  }

  /** {@code min(max(x, lo), hi)}: Relu6 is {@code Clip(0, 6)}; box clipping to the image is {@code Clip(0, 1)}. */
  public record Clip(String name, String input, float lo, float hi) implements Layer {
    @Override
    public List<String> inputs() {
      return List.of(input);
    }

    @Override
    public long[] outputShape(Map<String, long[]> shapes) {
      return shapes.get(input).clone();
    }
  }

  /** Binary elementwise op with numpy broadcasting over dimensions of size 1 (equal rank). */
  public record ElementWise(String name, Op op, String a, String b) implements Layer {
    public enum Op {
      SUM,
      SUB,
      PROD,
      DIV
    }

    @Override
    public List<String> inputs() {
      return List.of(a, b);
    }

    @Override
    public long[] outputShape(Map<String, long[]> shapes) {
      long[] x = shapes.get(a);
      long[] y = shapes.get(b);
      if (x.length != y.length) {
        throw new IllegalArgumentException(
            "elementwise '%s': ranks differ, %s vs %s".formatted(name, Arrays.toString(x), Arrays.toString(y)));
      }
      long[] out = new long[x.length];
      for (int i = 0; i < x.length; i++) {
        if (x[i] != y[i] && x[i] != 1 && y[i] != 1) {
          throw new IllegalArgumentException(
              "elementwise '%s': cannot broadcast %s with %s".formatted(name, Arrays.toString(x), Arrays.toString(y)));
        }
        out[i] = Math.max(x[i], y[i]);
      }
      return out;
    }
  }

  /** A float constant of a fixed shape (its first dimension is 1 where it broadcasts over the batch). */
  public record Constant(String name, long[] shape, float[] values) implements Layer {
    public Constant {
      long n = 1;
      for (long d : shape) {
        n *= d;
      }
      if (n != values.length) {
        throw new IllegalArgumentException(
            "constant '%s' has %d values for shape %s".formatted(name, values.length, Arrays.toString(shape)));
      }
    }

    @Override
    public List<String> inputs() {
      return List.of();
    }

    @Override
    public long[] outputShape(Map<String, long[]> shapes) {
      return shape.clone();
    }
  }

  public record Unary(String name, Op op, String input) implements Layer {
    public enum Op {
      EXP,
      SIGMOID
    }

    @Override
    public List<String> inputs() {
      return List.of(input);
    }

    @Override
    public long[] outputShape(Map<String, long[]> shapes) {
      return shapes.get(input).clone();
    }
  }

  /**
   * A transpose then a reshape (TensorRT's IShuffleLayer: first transpose, reshape). {@code permutation} may be null
   * (no transpose); in {@code reshape}, 0 copies that dimension of the transposed input and -1 is inferred.
   */
  public record Shuffle(String name, String input, int[] permutation, long[] reshape) implements Layer {
    @Override
    public List<String> inputs() {
      return List.of(input);
    }

    @Override
    public long[] outputShape(Map<String, long[]> shapes) {
      long[] in = shapes.get(input);
      long[] t = in.clone();
      if (permutation != null) {
        for (int i = 0; i < permutation.length; i++) {
          t[i] = in[permutation[i]];
        }
      }
      if (reshape == null) {
        return t;
      }
      long total = 1;
      for (long d : t) {
        total *= d;
      }
      long[] out = new long[reshape.length];
      long known = 1;
      int inferred = -1;
      for (int i = 0; i < reshape.length; i++) {
        out[i] = reshape[i] == 0 ? t[i] : reshape[i];
        if (out[i] == -1) {
          inferred = i;
        } else {
          known *= out[i];
        }
      }
      if (inferred >= 0) {
        out[inferred] = total / known;
        known *= out[inferred];
      }
      if (known != total) {
        throw new IllegalArgumentException(
            "shuffle '%s': cannot reshape %s to %s".formatted(name, Arrays.toString(t), Arrays.toString(reshape)));
      }
      return out;
    }
  }

  public record Concat(String name, List<String> inputs, int axis) implements Layer {
    public Concat {
      inputs = List.copyOf(inputs);
    }

    @Override
    public long[] outputShape(Map<String, long[]> shapes) {
      long[] out = shapes.get(inputs.get(0)).clone();
      out[axis] = 0;
      for (String in : inputs) {
        long[] s = shapes.get(in);
        for (int i = 0; i < out.length; i++) {
          if (i != axis && s[i] != out[i]) {
            throw new IllegalArgumentException(
                "concat '%s': '%s' has shape %s, mismatch on axis %d".formatted(name, in, Arrays.toString(s), i));
          }
        }
        out[axis] += s[axis];
      }
      return out;
    }
  }

  /** A strided-by-1 slice; a size of -1 runs to the end of that dimension (as {@code tf.slice}). */
  public record Slice(String name, String input, long[] start, long[] size) implements Layer {
    @Override
    public List<String> inputs() {
      return List.of(input);
    }

    @Override
    public long[] outputShape(Map<String, long[]> shapes) {
      long[] in = shapes.get(input);
      long[] out = new long[in.length];
      for (int i = 0; i < in.length; i++) {
        out[i] = size[i] == -1 ? in[i] - start[i] : size[i];
        if (start[i] < 0 || start[i] + out[i] > in[i]) {
          throw new IllegalArgumentException(
              "slice '%s': start %s size %s out of %s"
                  .formatted(name, Arrays.toString(start), Arrays.toString(size), Arrays.toString(in)));
        }
      }
      return out;
    }

    /** The size with every -1 resolved against the input shape. */
    public long[] resolvedSize(long[] in) {
      long[] out = new long[in.length];
      for (int i = 0; i < in.length; i++) {
        out[i] = size[i] == -1 ? in[i] - start[i] : size[i];
      }
      return out;
    }
  }

  /** A small helper used by the converter to append layers with unique names. */
  static final class Builder {
    private final List<Layer> layers = new ArrayList<>();
    private final Map<String, Layer> byName = new HashMap<>();

    <L extends Layer> L add(L layer) {
      if (byName.putIfAbsent(layer.name(), layer) != null) {
        throw new IllegalStateException("layer '%s' added twice".formatted(layer.name()));
      }
      layers.add(layer);
      return layer;
    }

    boolean has(String name) {
      return byName.containsKey(name);
    }

    List<Layer> layers() {
      return layers;
    }
  }
}
