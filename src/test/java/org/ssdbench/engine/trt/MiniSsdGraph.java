package org.ssdbench.engine.trt;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.tensorflow.proto.DataType;
import org.tensorflow.proto.GraphDef;

/**
 * A small SSD export for tests, with the real export's scopes and node names (image_tensor, ToFloat, Preprocessor/mul
 * and sub, FeatureExtractor/MobilenetV2/... conv + unfused BatchNorm/batchnorm/{add,Rsqrt,mul,mul_1,mul_2,sub,add_1}
 * + Relu6, depthwise, expanded_conv/add, BoxPredictor_i heads, concat, Squeeze, concat_1, MultipleGridAnchorGenerator
 * ops joined by Concatenate/concat, Postprocessor/Decode (faster_rcnn coder), scale_logits, Sigmoid, Slice, and an NMS
 * block's nodes) but few channels and two feature maps: 38x38 with 3 anchors and 19x19 with 6.
 */
final class MiniSsdGraph {
  static final String FE = "FeatureExtractor/MobilenetV2/";
  static final String NMS = "Postprocessor/BatchMultiClassNonMaxSuppression/map/while/MultiClassNonMaxSuppression/";
  static final int CLASSES = 5; // with background
  static final int[][] MAPS = {{38, 3}, {19, 6}};

  private final Nodes g = new Nodes();
  private final Random random;

  enum NmsVersion {
    V2_WITH_FILTER,
    V3
  }

  private MiniSsdGraph(long seed) {
    random = new Random(seed);
  }

  static GraphDef build(long seed, NmsVersion nms, float scoreThreshold) {
    return new MiniSsdGraph(seed).graph(nms, scoreThreshold);
  }

  static int numAnchors() {
    int n = 0;
    for (int[] m : MAPS) {
      n += m[0] * m[0] * m[1];
    }
    return n;
  }

  private GraphDef graph(NmsVersion nms, float scoreThreshold) {
    g.add("image_tensor", "Placeholder", List.of(), "dtype", DataType.DT_UINT8, "shape",
        Nodes.shape(new long[] {-1, 300, 300, 3}));
    g.add("ToFloat", "Cast", List.of("image_tensor"), "SrcT", DataType.DT_UINT8, "DstT", DataType.DT_FLOAT);
    g.scalar("Preprocessor/mul/x", 2f / 255f);
    g.f("Preprocessor/mul", "Mul", "Preprocessor/mul/x", "ToFloat");
    g.scalar("Preprocessor/sub/y", 1f);
    String x = g.f("Preprocessor/sub", "Sub", "Preprocessor/mul", "Preprocessor/sub/y");

    String conv = relu6(FE + "Conv", convBn(FE + "Conv", x, 3, 3, 8, 2, false)); // 150
    String dw = relu6(FE + "expanded_conv/depthwise",
        convBn(FE + "expanded_conv/depthwise", conv, 3, 8, 1, 1, true));
    String project = convBn(FE + "expanded_conv/project", dw, 1, 8, 8, 1, false);
    String res = g.f(FE + "expanded_conv/add", "Add", project, conv);
    String s75 = relu6(FE + "expanded_conv_1/expand", convBn(FE + "expanded_conv_1/expand", res, 3, 8, 12, 2, false));
    String map0 = relu6(FE + "expanded_conv_2/expand", convBn(FE + "expanded_conv_2/expand", s75, 3, 12, 16, 2, false));
    String dw2 = relu6(FE + "layer_19_2_Conv2d_2_3x3_s2_16_depthwise",
        convBn(FE + "layer_19_2_Conv2d_2_3x3_s2_16_depthwise", map0, 3, 16, 1, 2, true));
    String map1 = relu6(FE + "layer_19_2_Conv2d_2_3x3_s2_16",
        convBn(FE + "layer_19_2_Conv2d_2_3x3_s2_16", dw2, 1, 16, 16, 1, false));

    List<String> boxParts = new ArrayList<>();
    List<String> classParts = new ArrayList<>();
    String[] maps = {map0, map1};
    for (int i = 0; i < maps.length; i++) {
      int size = MAPS[i][0];
      int a = MAPS[i][1];
      int hwa = size * size * a;
      String scope = "BoxPredictor_" + i + "/";
      String box = head(scope + "BoxEncodingPredictor", maps[i], 16, a * 4);
      String cls = head(scope + "ClassPredictor", maps[i], 16, a * CLASSES);
      g.ints(scope + "Reshape/shape", new long[] {4}, -1, hwa, 1, 4);
      boxParts.add(g.add(scope + "Reshape", "Reshape", List.of(box, scope + "Reshape/shape"), "T", DataType.DT_FLOAT,
          "Tshape", DataType.DT_INT32));
      g.ints(scope + "Reshape_1/shape", new long[] {3}, -1, hwa, CLASSES);
      classParts.add(g.add(scope + "Reshape_1", "Reshape", List.of(cls, scope + "Reshape_1/shape"), "T",
          DataType.DT_FLOAT, "Tshape", DataType.DT_INT32));
    }
    concat("concat", boxParts, 1);
    concat("concat_1", classParts, 1);
    g.add("Squeeze", "Squeeze", List.of("concat"), "T", DataType.DT_FLOAT, "squeeze_dims", new long[] {2});

    anchors();
    decode();
    g.scalar("Postprocessor/scale_logits/y", 1f);
    g.f("Postprocessor/scale_logits", "RealDiv", "concat_1", "Postprocessor/scale_logits/y");
    g.f("Postprocessor/convert_scores", "Sigmoid", "Postprocessor/scale_logits");
    g.ints("Postprocessor/Slice/begin", new long[] {3}, 0, 0, 1);
    g.ints("Postprocessor/Slice/size", new long[] {3}, -1, -1, -1);
    g.add("Postprocessor/Slice", "Slice", List.of("Postprocessor/convert_scores", "Postprocessor/Slice/begin",
        "Postprocessor/Slice/size"), "T", DataType.DT_FLOAT, "Index", DataType.DT_INT32);
    nmsNodes(nms, scoreThreshold);
    return g.build();
  }

  private String relu6(String scope, String in) {
    return g.f(scope + "/Relu6", "Relu6", in);
  }

  private float[] randn(int n, double std) {
    float[] v = new float[n];
    for (int i = 0; i < n; i++) {
      v[i] = (float) (random.nextGaussian() * std);
    }
    return v;
  }

  private float[] uniform(int n, double lo, double hi) {
    float[] v = new float[n];
    for (int i = 0; i < n; i++) {
      v[i] = (float) (lo + random.nextDouble() * (hi - lo));
    }
    return v;
  }

  /** Conv (or depthwise) + unfused batch norm under {@code scope}; returns the batchnorm/add_1 node. */
  private String convBn(String scope, String in, int k, int cin, int coutOrMult, int stride, boolean depthwise) {
    int cout = depthwise ? cin * coutOrMult : coutOrMult;
    String wName = scope + (depthwise ? "/depthwise_weights" : "/weights");
    g.constant(wName, new long[] {k, k, cin, coutOrMult}, randn(k * k * cin * coutOrMult,
        Math.sqrt(2.0 / (k * k * (depthwise ? 1 : cin)))));
    g.f(wName + "/read", "Identity", wName);
    String conv = depthwise
        ? g.add(scope + "/depthwise", "DepthwiseConv2dNative", List.of(in, wName + "/read"), "T", DataType.DT_FLOAT,
            "strides", new long[] {1, stride, stride, 1}, "padding", "SAME", "data_format", "NHWC")
        : g.add(scope + "/Conv2D", "Conv2D", List.of(in, wName + "/read"), "T", DataType.DT_FLOAT,
            "strides", new long[] {1, stride, stride, 1}, "padding", "SAME", "data_format", "NHWC");
    String bn = scope + "/BatchNorm";
    for (String[] p : new String[][] {{"gamma", "u"}, {"beta", "n"}, {"moving_mean", "n"}, {"moving_variance", "u"}}) {
      g.constant(bn + "/" + p[0], new long[] {cout}, p[1].equals("u") ? uniform(cout, 0.5, 1.5) : randn(cout, 0.1));
      g.f(bn + "/" + p[0] + "/read", "Identity", bn + "/" + p[0]);
    }
    String b = bn + "/batchnorm/";
    g.scalar(b + "add/y", 0.001f);
    g.f(b + "add", "Add", bn + "/moving_variance/read", b + "add/y");
    g.f(b + "Rsqrt", "Rsqrt", b + "add");
    g.f(b + "mul", "Mul", b + "Rsqrt", bn + "/gamma/read");
    g.f(b + "mul_1", "Mul", conv, b + "mul");
    g.f(b + "mul_2", "Mul", bn + "/moving_mean/read", b + "mul");
    g.f(b + "sub", "Sub", bn + "/beta/read", b + "mul_2");
    return g.f(b + "add_1", "Add", b + "mul_1", b + "sub");
  }

  private String head(String scope, String in, int cin, int cout) {
    g.constant(scope + "/weights", new long[] {3, 3, cin, cout}, randn(9 * cin * cout, Math.sqrt(1.0 / (9 * cin))));
    g.f(scope + "/weights/read", "Identity", scope + "/weights");
    g.constant(scope + "/biases", new long[] {cout}, randn(cout, 0.1));
    g.f(scope + "/biases/read", "Identity", scope + "/biases");
    g.add(scope + "/Conv2D", "Conv2D", List.of(in, scope + "/weights/read"), "T", DataType.DT_FLOAT,
        "strides", new long[] {1, 1, 1, 1}, "padding", "SAME", "data_format", "NHWC");
    return g.add(scope + "/BiasAdd", "BiasAdd", List.of(scope + "/Conv2D", scope + "/biases/read"), "T",
        DataType.DT_FLOAT, "data_format", "NHWC");
  }

  private String concat(String name, List<String> parts, int axis) {
    g.intScalar(name + "/axis", axis);
    var inputs = new ArrayList<>(parts);
    inputs.add(name + "/axis");
    return g.add(name, "ConcatV2", inputs, "T", DataType.DT_FLOAT, "N", parts.size(), "Tidx", DataType.DT_INT32);
  }

  /** Per map: a constant grid of centres and sizes run through a few ops, as the generator's ops would be. */
  private void anchors() {
    List<String> parts = new ArrayList<>();
    for (int m = 0; m < MAPS.length; m++) {
      int size = MAPS[m][0];
      int a = MAPS[m][1];
      float[] boxes = new float[size * size * a * 4];
      int at = 0;
      for (int y = 0; y < size; y++) {
        for (int x = 0; x < size; x++) {
          for (int k = 0; k < a; k++) {
            float cy = (y + 0.5f) / size;
            float cx = (x + 0.5f) / size;
            float h = 0.1f + 0.15f * m + 0.02f * k;
            float w = 0.1f + 0.15f * m + 0.03f * (a - k);
            boxes[at++] = cy - h / 2;
            boxes[at++] = cx - w / 2;
            boxes[at++] = cy + h / 2;
            boxes[at++] = cx + w / 2;
          }
        }
      }
      String s = "MultipleGridAnchorGenerator/GridAnchorGenerator_" + m + "/";
      g.constant(s + "grid", new long[] {size * size * a, 4}, boxes);
      g.scalar(s + "scale", 1f);
      parts.add(g.f(s + "Mul", "Mul", s + "grid", s + "scale"));
    }
    g.intScalar("Concatenate/concat/axis", 0);
    var inputs = new ArrayList<>(parts);
    inputs.add("Concatenate/concat/axis");
    g.add("Concatenate/concat", "ConcatV2", inputs, "T", DataType.DT_FLOAT, "N", parts.size(), "Tidx",
        DataType.DT_INT32);
  }

  /** faster_rcnn_box_coder.decode on [B, N, 4] against [N, 4] anchors. */
  private void decode() {
    String d = "Postprocessor/Decode/";
    String c = d + "get_center_coordinates_and_sizes/";
    g.add(c + "unstack", "Unpack", List.of("Concatenate/concat"), "T", DataType.DT_FLOAT, "num", 4, "axis", 1);
    g.f(c + "sub", "Sub", c + "unstack:2", c + "unstack:0"); // height
    g.f(c + "sub_1", "Sub", c + "unstack:3", c + "unstack:1"); // width
    g.scalar(c + "truediv/y", 2f);
    g.f(c + "truediv", "RealDiv", c + "sub", c + "truediv/y");
    g.f(c + "add", "Add", c + "unstack:0", c + "truediv"); // ycenter_a
    g.f(c + "truediv_1", "RealDiv", c + "sub_1", c + "truediv/y");
    g.f(c + "add_1", "Add", c + "unstack:1", c + "truediv_1"); // xcenter_a
    g.add(d + "unstack", "Unpack", List.of("Squeeze"), "T", DataType.DT_FLOAT, "num", 4, "axis", 2);
    float[] scales = {10f, 10f, 5f, 5f};
    for (int i = 0; i < 4; i++) {
      String div = d + "div" + (i == 0 ? "" : "_" + i);
      g.scalar(div + "/y", scales[i]);
      g.f(div, "RealDiv", d + "unstack:" + i, div + "/y");
    }
    g.f(d + "Exp", "Exp", d + "div_3");
    g.f(d + "mul", "Mul", d + "Exp", c + "sub_1"); // w
    g.f(d + "Exp_1", "Exp", d + "div_2");
    g.f(d + "mul_1", "Mul", d + "Exp_1", c + "sub"); // h
    g.f(d + "mul_2", "Mul", d + "div", c + "sub");
    g.f(d + "add", "Add", d + "mul_2", c + "add"); // ycenter
    g.f(d + "mul_3", "Mul", d + "div_1", c + "sub_1");
    g.f(d + "add_1", "Add", d + "mul_3", c + "add_1"); // xcenter
    g.scalar(d + "truediv/y", 2f);
    g.f(d + "truediv", "RealDiv", d + "mul_1", d + "truediv/y");
    g.f(d + "sub", "Sub", d + "add", d + "truediv"); // ymin
    g.f(d + "truediv_1", "RealDiv", d + "mul", d + "truediv/y");
    g.f(d + "sub_1", "Sub", d + "add_1", d + "truediv_1"); // xmin
    g.f(d + "add_2", "Add", d + "add", d + "truediv"); // ymax
    g.f(d + "add_3", "Add", d + "add_1", d + "truediv_1"); // xmax
    g.add(d + "stack", "Pack", List.of(d + "sub", d + "sub_1", d + "add_2", d + "add_3"), "T", DataType.DT_FLOAT,
        "N", 4, "axis", 2);
    g.ints("Postprocessor/Reshape_2/shape", new long[] {4}, -1, numAnchors(), 1, 4);
    g.add("Postprocessor/Reshape_2", "Reshape", List.of(d + "stack", "Postprocessor/Reshape_2/shape"), "T",
        DataType.DT_FLOAT, "Tshape", DataType.DT_INT32);
  }

  /** The nodes the settings are read from; not wired to the network (the tests never run NMS here). */
  private void nmsNodes(NmsVersion version, float scoreThreshold) {
    g.constant(NMS + "boxes", new long[] {2, 4}, new float[] {0, 0, 1, 1, 0, 0, 0.5f, 0.5f});
    g.constant(NMS + "scores", new long[] {2}, new float[] {0.9f, 0.8f});
    g.f(NMS + "ClipToWindow/Minimum", "Identity", NMS + "boxes");
    g.scalar(NMS + "FilterGreaterThan/Greater/y", scoreThreshold);
    g.add(NMS + "FilterGreaterThan/Greater", "Greater", List.of(NMS + "scores", NMS + "FilterGreaterThan/Greater/y"),
        "T", DataType.DT_FLOAT);
    String n = NMS + "non_max_suppression/";
    g.intScalar(n + "Minimum/x", 100);
    g.intScalar(n + "Minimum/y", 2);
    g.add(n + "Minimum", "Minimum", List.of(n + "Minimum/x", n + "Minimum/y"), "T", DataType.DT_INT32);
    g.scalar(n + "iou_threshold", 0.6f);
    if (version == NmsVersion.V3) {
      g.scalar(n + "score_threshold", scoreThreshold);
      g.add(n + "NonMaxSuppressionV3", "NonMaxSuppressionV3", List.of(NMS + "ClipToWindow/Minimum", NMS + "scores",
          n + "Minimum", n + "iou_threshold", n + "score_threshold"), "T", DataType.DT_FLOAT, "T_threshold",
          DataType.DT_FLOAT);
    } else {
      g.add(n + "NonMaxSuppressionV2", "NonMaxSuppressionV2", List.of(NMS + "ClipToWindow/Minimum", NMS + "scores",
          n + "Minimum", n + "iou_threshold"), "T", DataType.DT_FLOAT, "T_threshold", DataType.DT_FLOAT);
    }
  }
}
