package org.ssdbench.engine.trt;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.ssdbench.engine.trt.NetworkDescription.Clip;
import org.ssdbench.engine.trt.NetworkDescription.Concat;
import org.ssdbench.engine.trt.NetworkDescription.Constant;
import org.ssdbench.engine.trt.NetworkDescription.Conv;
import org.ssdbench.engine.trt.NetworkDescription.ElementWise;
import org.ssdbench.engine.trt.NetworkDescription.Shuffle;
import org.ssdbench.engine.trt.NetworkDescription.Slice;
import org.ssdbench.engine.trt.NetworkDescription.Unary;
import org.ssdbench.model.SsdGraphRoles;
import org.ssdbench.model.SsdSignature;
import org.tensorflow.proto.GraphDef;
import org.tensorflow.proto.NodeDef;

/**
 * Frozen SSD MobileNet V2 GraphDef to {@link NetworkDescription}, working only by scope and node-name patterns of the
 * Object Detection export (so the 2018 zoo file and the suite's generated graph both convert), never by node position.
 *
 * <ul>
 *   <li>Box predictor heads are found as {@code BoxPredictor_<i>/{BoxEncodingPredictor,ClassPredictor}/BiasAdd}, in
 *       order of {@code i}; from each, the feature extractor is walked backwards through the data inputs: Conv2D and
 *       DepthwiseConv2dNative with {@code .../BatchNorm/batchnorm/add_1} (or FusedBatchNorm) folded in, Relu6, residual
 *       Add, Identity; the walk stops at the first node under {@code Preprocessor}, which becomes the NCHW input.
 *   <li>Heads are reshaped to {@code [B, H*W*A, 4]} and {@code [B, H*W*A, classes + 1]} and concatenated.
 *   <li>Scores: {@code Postprocessor/scale_logits} (if not 1), sigmoid, background sliced off.
 *   <li>Anchors are evaluated once by {@link AnchorExtractor} and stored as constants; boxes are decoded with the
 *       faster_rcnn coder (scales read from {@code Postprocessor/Decode/div*}, else 10, 10, 5, 5) as elementwise layers,
 *       then clipped to [0, 1] when the NMS block clips to the window ({@code ClipToWindow}).
 *   <li>NMS settings come from the graph: {@link #readNmsSettings}.
 * </ul>
 *
 * <p>Identity and StopGradient nodes (which exports after 2019 insert along the postprocessing paths) are looked through.
 * Before converting, the pieces the network needs are checked ({@link SsdGraphRoles#missingForTensorRt()}): an SSD export
 * with another box coder, score converter or soft-NMS is refused with a {@link NotSsdGraphException} naming what is
 * missing; the TensorFlow configurations do not convert and still run it.
 */
public final class SsdGraphConverter {
  /** The engine's input tensor name: the preprocessed image, NCHW. */
  public static final String INPUT = "image_nchw";
  public static final String RAW_BOX_ENCODINGS = "raw_box_encodings";
  public static final String CLASS_PREDICTIONS = "class_predictions_with_background";
  public static final String CLASS_SCORES = "class_scores";
  public static final String DECODED_BOXES = "decoded_boxes";
  public static final String BOXES = "boxes";

  static final Pattern BOX_HEAD = Pattern.compile("BoxPredictor_(\\d+)/BoxEncodingPredictor/BiasAdd");
  private static final String BATCHNORM_OUT = "/BatchNorm/batchnorm/add_1";
  private static final float[] DEFAULT_CODER_SCALES = {10f, 10f, 5f, 5f};
  private static final int DEFAULT_SIZE = 300;

  private final GraphIndex graph;
  private final NetworkDescription.Builder out = new NetworkDescription.Builder();
  private final Map<String, String> converted = new HashMap<>();
  private final Map<String, Integer> channels = new HashMap<>();

  private SsdGraphConverter(GraphDef graphDef) {
    this.graph = new GraphIndex(graphDef);
  }

  /** Converts with anchors evaluated from the graph and NMS settings read from it. */
  public static NetworkDescription convert(GraphDef graphDef, String source) {
    GraphIndex index = new GraphIndex(graphDef);
    requireConvertible(index, source, true, true);
    return convert(graphDef, source, AnchorExtractor.evaluate(graphDef, inputSize(index)), null);
  }

  /** Throws a {@link NotSsdGraphException} listing the pieces the TensorRT network needs that the graph lacks. */
  static void requireConvertible(GraphIndex index, String source, boolean needAnchorGenerator, boolean needNms) {
    List<String> missing = index.roles().missingForTensorRt(needAnchorGenerator, needNms);
    if (!missing.isEmpty()) {
      throw new NotSsdGraphException(("'%s' cannot be converted for TensorRT (the TensorFlow configurations still run it): "
          + "missing %s").formatted(source, String.join("; ", missing)));
    }
  }

  /**
   * @param anchors {@code [N * 4]} ymin, xmin, ymax, xmax, e.g. from {@link AnchorExtractor}
   * @param nmsOverride settings to use instead of the graph's, or null
   */
  public static NetworkDescription convert(
      GraphDef graphDef, String source, float[] anchors, NmsSettings nmsOverride) {
    SsdGraphConverter converter = new SsdGraphConverter(graphDef);
    requireConvertible(converter.graph, source, false, nmsOverride == null);
    return converter.run(source, anchors, nmsOverride);
  }

  private NetworkDescription run(String source, float[] anchors, NmsSettings nmsOverride) {
    int[] size = inputSize(graph);
    List<Integer> heads = headIndices();
    List<String> boxParts = new ArrayList<>();
    List<String> classParts = new ArrayList<>();
    int classesWithBackground = -1;
    for (int i : heads) {
      String boxName = "BoxPredictor_%d/BoxEncodingPredictor/BiasAdd".formatted(i);
      String clsName = "BoxPredictor_%d/ClassPredictor/BiasAdd".formatted(i);
      String scope = "BoxPredictor_" + i;
      String box = tensor(graph.require(boxName, scope));
      String cls = tensor(graph.require(clsName, scope));
      int boxChannels = channels.get(box);
      int clsChannels = channels.get(cls);
      if (boxChannels % 4 != 0 || clsChannels % (boxChannels / 4) != 0) {
        throw new NotSsdGraphException(
            "'%s' has %d channels and '%s' %d: expected anchors x 4 and anchors x classes"
                .formatted(boxName, boxChannels, clsName, clsChannels));
      }
      int perLocation = boxChannels / 4;
      int classes = clsChannels / perLocation;
      if (classesWithBackground >= 0 && classes != classesWithBackground) {
        throw new NotSsdGraphException(
            "'%s' predicts %d classes, earlier heads %d".formatted(clsName, classes, classesWithBackground));
      }
      classesWithBackground = classes;
      boxParts.add(out.add(new Shuffle(scope + "/BoxEncodingPredictor/to_anchors", box, new int[] {0, 2, 3, 1},
          new long[] {0, -1, 4})).name());
      classParts.add(out.add(new Shuffle(scope + "/ClassPredictor/to_anchors", cls, new int[] {0, 2, 3, 1},
          new long[] {0, -1, classes})).name());
    }
    out.add(new Concat(RAW_BOX_ENCODINGS, boxParts, 1));
    out.add(new Concat(CLASS_PREDICTIONS, classParts, 1));

    String logits = CLASS_PREDICTIONS;
    Optional<NodeDef> scaleLogits = graph.find("Postprocessor/scale_logits");
    if (scaleLogits.isPresent()) {
      float scale = graph.scalar(graph.input(scaleLogits.get(), 1));
      if (scale != 1f) {
        out.add(new Constant("Postprocessor/scale_logits/y", new long[] {1, 1, 1}, new float[] {scale}));
        logits = out.add(new ElementWise("Postprocessor/scale_logits", ElementWise.Op.DIV, logits,
            "Postprocessor/scale_logits/y")).name();
      }
    }
    requireSigmoidScores();
    String scores = out.add(new Unary("scores_with_background", Unary.Op.SIGMOID, logits)).name();
    out.add(new Slice(CLASS_SCORES, scores, new long[] {0, 0, 1}, new long[] {-1, -1, -1}));

    var shapes = new NetworkDescription(INPUT, 3, size[0], size[1], out.layers(), RAW_BOX_ENCODINGS, CLASS_SCORES,
        RAW_BOX_ENCODINGS, anchors, defaultNms(), source).shapes(1);
    long numAnchors = shapes.get(RAW_BOX_ENCODINGS)[1];
    if (anchors.length != numAnchors * 4) {
      throw new NotSsdGraphException(
          "the anchor generator gives %d anchors but the box predictors %d locations x anchors"
              .formatted(anchors.length / 4, numAnchors));
    }
    addDecode(anchors, coderScales());
    String boxes = DECODED_BOXES;
    if (!graph.matching(Pattern.compile(".*ClipToWindow.*")).isEmpty()) {
      boxes = out.add(new Clip(BOXES, DECODED_BOXES, 0f, 1f)).name();
    }
    NmsSettings nms = nmsOverride != null ? nmsOverride : readNmsSettings(graph);
    return new NetworkDescription(INPUT, 3, size[0], size[1], out.layers(), RAW_BOX_ENCODINGS, CLASS_SCORES, boxes,
        anchors, nms, source);
  }

  private List<Integer> headIndices() {
    List<Integer> heads = new ArrayList<>();
    for (String name : graph.matching(BOX_HEAD)) {
      Matcher m = BOX_HEAD.matcher(name);
      if (m.matches()) {
        heads.add(Integer.parseInt(m.group(1)));
      }
    }
    heads.sort(Integer::compare);
    if (heads.isEmpty()) {
      graph.require("BoxPredictor_0/BoxEncodingPredictor/BiasAdd", "BoxPredictor_0");
    }
    for (int i = 0; i < heads.size(); i++) {
      if (heads.get(i) != i) {
        throw new NotSsdGraphException("box predictor heads are %s; expected BoxPredictor_0 .. BoxPredictor_%d"
            .formatted(heads, heads.size() - 1));
      }
    }
    return heads;
  }

  private void requireSigmoidScores() {
    boolean sigmoid = graph.all().stream()
        .anyMatch(n -> n.getOp().equals("Sigmoid") && SsdSignature.inScope(n.getName(), SsdSignature.POSTPROCESSOR_SCOPE));
    if (!sigmoid) {
      throw new NotSsdGraphException(
          "no Sigmoid under scope '%s': only the sigmoid score converter is supported".formatted(
              SsdSignature.POSTPROCESSOR_SCOPE));
    }
  }

  /** The converted tensor for a TF node, converting its inputs first (memoised). */
  private String tensor(NodeDef node) {
    String done = converted.get(node.getName());
    if (done != null) {
      return done;
    }
    String result = convertNode(node);
    converted.put(node.getName(), result);
    return result;
  }

  private String convertNode(NodeDef node) {
    String name = node.getName();
    String op = node.getOp();
    if (SsdSignature.inScope(name, SsdSignature.PREPROCESSOR_SCOPE)) {
      channels.put(INPUT, 3);
      return INPUT;
    }
    if (name.endsWith(BATCHNORM_OUT) && (op.equals("Add") || op.equals("AddV2"))) {
      return foldedConv(node);
    }
    switch (op) {
      case "Identity":
      case "StopGradient":
      case "Snapshot":
        return tensor(graph.input(node, 0));
      case "Relu6":
        return addClip(node, 6f);
      case "Relu":
        return addClip(node, Float.MAX_VALUE);
      case "FusedBatchNorm":
      case "FusedBatchNormV2":
      case "FusedBatchNormV3":
        return fusedBatchNorm(node);
      case "BiasAdd": {
        NodeDef conv = graph.input(node, 0);
        float[] bias = graph.floats(graph.input(node, 1));
        return addConv(name, conv, bias, null);
      }
      case "Conv2D":
      case "DepthwiseConv2dNative":
        return addConv(name, node, null, null);
      case "Add":
      case "AddV2": {
        String a = tensor(graph.input(node, 0));
        String b = tensor(graph.input(node, 1));
        channels.put(name, channels.get(a));
        return out.add(new ElementWise(name, ElementWise.Op.SUM, a, b)).name();
      }
      default:
        throw new NotSsdGraphException(
            "cannot convert node '%s' (op %s) in the feature extractor; supported: Conv2D, DepthwiseConv2dNative, "
                    .formatted(name, op)
                + "BatchNorm (unfused .../BatchNorm/batchnorm/add_1 or FusedBatchNorm), BiasAdd, Relu6, Relu, Add, Identity, "
                + "StopGradient (is the feature extractor another one than MobileNet?)");
    }
  }

  private String addClip(NodeDef node, float hi) {
    String in = tensor(graph.input(node, 0));
    channels.put(node.getName(), channels.get(in));
    return out.add(new Clip(node.getName(), in, 0f, hi)).name();
  }

  /** {@code <scope>/BatchNorm/batchnorm/add_1 = conv * mul + sub}: find the conv and the four parameters. */
  private String foldedConv(NodeDef add1) {
    String bn = add1.getName().substring(0, add1.getName().length() - "/add_1".length());
    String scope = bn.substring(0, bn.length() - "/batchnorm".length());
    NodeDef mul1 = graph.require(bn + "/mul_1", scope);
    NodeDef mul = graph.require(bn + "/mul", scope);
    NodeDef addEps = graph.require(bn + "/add", scope);
    NodeDef mul2 = graph.require(bn + "/mul_2", scope);
    NodeDef sub = graph.require(bn + "/sub", scope);
    NodeDef conv = otherInput(mul1, mul.getName());
    NodeDef gamma = otherInput(mul, bn + "/Rsqrt");
    NodeDef variance = firstNonScalarConst(addEps);
    float eps = graph.scalar(otherInput(addEps, variance.getName()));
    NodeDef mean = otherInput(mul2, mul.getName());
    NodeDef beta = otherInput(sub, mul2.getName());
    var params = new BnParams(graph.floats(gamma), graph.floats(beta), graph.floats(mean), graph.floats(variance), eps);
    return addConv(add1.getName(), conv, null, params);
  }

  private String fusedBatchNorm(NodeDef node) {
    NodeDef conv = graph.input(node, 0);
    float eps = graph.attr(node, "epsilon").map(a -> a.getF()).orElse(0.001f);
    var params = new BnParams(graph.floats(graph.input(node, 1)), graph.floats(graph.input(node, 2)),
        graph.floats(graph.input(node, 3)), graph.floats(graph.input(node, 4)), eps);
    return addConv(node.getName(), conv, null, params);
  }

  private record BnParams(float[] gamma, float[] beta, float[] mean, float[] variance, float eps) {}

  private NodeDef otherInput(NodeDef node, String notThis) {
    for (String in : GraphIndex.dataInputs(node)) {
      NodeDef n = graph.require(in, node.getName());
      if (!in.equals(notThis) && !graph.skipIdentity(n).getName().equals(notThis)) {
        return n;
      }
    }
    throw new NotSsdGraphException(
        "node '%s' (%s) should have an input other than '%s'".formatted(node.getName(), node.getOp(), notThis));
  }

  private NodeDef firstNonScalarConst(NodeDef node) {
    for (String in : GraphIndex.dataInputs(node)) {
      NodeDef n = graph.require(in, node.getName());
      if (graph.isConst(n) && graph.floats(n).length > 1) {
        return n;
      }
    }
    // one channel: take the input that is not named like an epsilon
    return graph.input(node, 0);
  }

  private String addConv(String name, NodeDef conv, float[] convBias, BnParams bn) {
    String op = conv.getOp();
    if (!op.equals("Conv2D") && !op.equals("DepthwiseConv2dNative")) {
      throw new NotSsdGraphException(
          "node '%s' should read a Conv2D or DepthwiseConv2dNative but reads '%s' (%s)"
              .formatted(name, conv.getName(), op));
    }
    String format = graph.attr(conv, "data_format").map(a -> a.getS().toStringUtf8()).orElse("NHWC");
    if (!format.equals("NHWC")) {
      throw new NotSsdGraphException("conv '%s' has data_format %s; only NHWC exports are supported"
          .formatted(conv.getName(), format));
    }
    var strides = graph.attr(conv, "strides").orElseThrow().getList().getIList();
    if (strides.size() != 4 || !strides.get(1).equals(strides.get(2))) {
      throw new NotSsdGraphException("conv '%s' has strides %s; expected [1, s, s, 1]".formatted(conv.getName(), strides));
    }
    int stride = strides.get(1).intValue();
    boolean same = graph.attr(conv, "padding").orElseThrow().getS().toStringUtf8().equals("SAME");
    NodeDef filterNode = graph.input(conv, 1);
    long[] f = graph.constShape(filterNode);
    float[] hwio = graph.floats(filterNode);
    if (f.length != 4) {
      throw new NotSsdGraphException("filter '%s' has rank %d, expected 4".formatted(filterNode.getName(), f.length));
    }
    int kh = (int) f[0];
    int kw = (int) f[1];
    int in = (int) f[2];
    boolean depthwise = op.equals("DepthwiseConv2dNative");
    int outC = depthwise ? (int) (f[2] * f[3]) : (int) f[3];
    float[] oihw = depthwise ? depthwiseToOihw(hwio, kh, kw, in, (int) f[3]) : hwioToOihw(hwio, kh, kw, in, outC);
    float[] bias = convBias;
    if (bn != null) {
      var folded = BatchNormFolding.fold(oihw, convBias, bn.gamma, bn.beta, bn.mean, bn.variance, bn.eps);
      oihw = folded.weights();
      bias = folded.bias();
    } else if (bias == null) {
      bias = new float[outC];
    }
    String input = tensor(graph.input(conv, 0));
    int inputChannels = channels.get(input);
    if (inputChannels != in) {
      throw new NotSsdGraphException("conv '%s' has a filter for %d channels but its input '%s' has %d"
          .formatted(conv.getName(), in, input, inputChannels));
    }
    channels.put(name, outC);
    return out.add(new Conv(name, input, in, outC, kh, kw, stride, depthwise ? in : 1, same, oihw, bias,
        filterNode.getName())).name();
  }

  /** [kh][kw][in][out] to [out][in][kh][kw]. */
  static float[] hwioToOihw(float[] w, int kh, int kw, int in, int out) {
    float[] r = new float[w.length];
    for (int y = 0; y < kh; y++) {
      for (int x = 0; x < kw; x++) {
        for (int i = 0; i < in; i++) {
          for (int o = 0; o < out; o++) {
            r[((o * in + i) * kh + y) * kw + x] = w[((y * kw + x) * in + i) * out + o];
          }
        }
      }
    }
    return r;
  }

  /** Depthwise [kh][kw][in][mult] to grouped [in * mult][1][kh][kw]: output channel {@code i * mult + m}. */
  static float[] depthwiseToOihw(float[] w, int kh, int kw, int in, int mult) {
    float[] r = new float[w.length];
    for (int y = 0; y < kh; y++) {
      for (int x = 0; x < kw; x++) {
        for (int i = 0; i < in; i++) {
          for (int m = 0; m < mult; m++) {
            r[((i * mult + m) * kh + y) * kw + x] = w[((y * kw + x) * in + i) * mult + m];
          }
        }
      }
    }
    return r;
  }

  /**
   * faster_rcnn box coder decode on {@code [B, N, 4]} (ty, tx, th, tw) against anchors, as elementwise layers on
   * constants: {@code center = t_yx * (size_a / scale_yx) + center_a}, {@code half = exp(t_hw / scale_hw) * size_a / 2},
   * corners {@code center -/+ half}, concatenated to ymin, xmin, ymax, xmax.
   */
  private void addDecode(float[] anchors, float[] scales) {
    int n = anchors.length / 4;
    float[] centerScale = new float[n * 2];
    float[] center = new float[n * 2];
    float[] halfSize = new float[n * 2];
    for (int a = 0; a < n; a++) {
      float ymin = anchors[a * 4];
      float xmin = anchors[a * 4 + 1];
      float h = anchors[a * 4 + 2] - ymin;
      float w = anchors[a * 4 + 3] - xmin;
      center[a * 2] = ymin + h / 2f;
      center[a * 2 + 1] = xmin + w / 2f;
      centerScale[a * 2] = h / scales[0];
      centerScale[a * 2 + 1] = w / scales[1];
      halfSize[a * 2] = h / 2f;
      halfSize[a * 2 + 1] = w / 2f;
    }
    String d = "Postprocessor/Decode/";
    out.add(new Constant(d + "anchor_size_over_scale", new long[] {1, n, 2}, centerScale));
    out.add(new Constant(d + "anchor_center", new long[] {1, n, 2}, center));
    out.add(new Constant(d + "anchor_half_size", new long[] {1, n, 2}, halfSize));
    out.add(new Constant(d + "inverse_size_scale", new long[] {1, 1, 2}, new float[] {1f / scales[2], 1f / scales[3]}));
    out.add(new Slice(d + "t_yx", RAW_BOX_ENCODINGS, new long[] {0, 0, 0}, new long[] {-1, -1, 2}));
    out.add(new Slice(d + "t_hw", RAW_BOX_ENCODINGS, new long[] {0, 0, 2}, new long[] {-1, -1, 2}));
    out.add(new ElementWise(d + "center_offset", ElementWise.Op.PROD, d + "t_yx", d + "anchor_size_over_scale"));
    out.add(new ElementWise(d + "center", ElementWise.Op.SUM, d + "center_offset", d + "anchor_center"));
    out.add(new ElementWise(d + "log_size", ElementWise.Op.PROD, d + "t_hw", d + "inverse_size_scale"));
    out.add(new Unary(d + "size_ratio", Unary.Op.EXP, d + "log_size"));
    out.add(new ElementWise(d + "half_size", ElementWise.Op.PROD, d + "size_ratio", d + "anchor_half_size"));
    out.add(new ElementWise(d + "min_corner", ElementWise.Op.SUB, d + "center", d + "half_size"));
    out.add(new ElementWise(d + "max_corner", ElementWise.Op.SUM, d + "center", d + "half_size"));
    out.add(new Concat(DECODED_BOXES, List.of(d + "min_corner", d + "max_corner"), 2));
  }

  /**
   * ty, tx, th, tw scales: the y constants of {@code Postprocessor/Decode/truediv .. truediv_3} (Python 3 exports) or
   * {@code div .. div_3}, when all four are there; else the faster_rcnn defaults 10, 10, 5, 5.
   */
  private float[] coderScales() {
    for (String op : new String[] {"truediv", "div"}) {
      float[] scales = new float[4];
      boolean all = true;
      for (int i = 0; i < 4 && all; i++) {
        Optional<NodeDef> div = graph.find("Postprocessor/Decode/" + op + (i == 0 ? "" : "_" + i));
        all = div.isPresent() && GraphIndex.dataInputs(div.get()).size() == 2 && graph.isConst(graph.input(div.get(), 1));
        if (all) {
          scales[i] = graph.scalar(graph.input(div.get(), 1));
        }
      }
      if (all) {
        return scales;
      }
    }
    return DEFAULT_CODER_SCALES.clone();
  }

  /** The network's input height and width: the size the Preprocessor resizes to, else 300 x 300. */
  static int[] inputSize(GraphIndex graph) {
    for (NodeDef node : graph.all()) {
      if (node.getOp().startsWith("Resize") && SsdSignature.inScope(node.getName(), SsdSignature.PREPROCESSOR_SCOPE)) {
        NodeDef size = graph.input(node, 1);
        if (graph.isConst(size)) {
          float[] hw = graph.floats(size);
          return new int[] {(int) hw[0], (int) hw[1]};
        }
      }
    }
    return new int[] {DEFAULT_SIZE, DEFAULT_SIZE};
  }

  private static NmsSettings defaultNms() {
    return new NmsSettings(1e-8f, 0.6f, SsdSignature.MAX_DETECTIONS, SsdSignature.MAX_DETECTIONS, "defaults");
  }

  /** NMS settings of a graph; see {@link #readNmsSettings(GraphIndex)}. */
  public static NmsSettings readNmsSettings(GraphDef graphDef) {
    return readNmsSettings(new GraphIndex(graphDef));
  }

  /**
   * From the first {@code NonMaxSuppression*} node (V2 to V5, by name) under {@code Postprocessor}: IoU threshold and max
   * outputs per class (its inputs 3 and 2; a {@code Minimum(100, n)} is read through), score threshold from its input 4
   * (V3 and later) or else from the {@code FilterGreaterThan*}/{@code Greater} constant ({@link SsdGraphRoles#scoreThreshold});
   * max total 100 (the export's output rows). Constants are read through Identity / StopGradient nodes.
   */
  static NmsSettings readNmsSettings(GraphIndex graph) {
    SsdGraphRoles roles = graph.roles();
    NodeDef nms = roles.nmsNodes().stream().findFirst()
        .orElseThrow(() -> new NotSsdGraphException(
            "no NonMaxSuppression node (V2 to V5) under scope '%s' (expected in '%s')"
                .formatted(SsdSignature.POSTPROCESSOR_SCOPE, SsdSignature.NMS_SCOPE)));
    List<String> origin = new ArrayList<>();
    float iou = graph.scalar(graph.input(nms, 3));
    origin.add("iou from " + nms.getName());
    int perClass = (int) maxOutputSize(graph, graph.input(nms, 2));
    SsdGraphRoles.Threshold score = roles.scoreThreshold().orElseThrow(() -> new NotSsdGraphException(
        "'%s' has no constant score threshold input and there is no FilterGreaterThan*/Greater node under scope '%s'"
            .formatted(nms.getName(), SsdSignature.NMS_SCOPE)));
    origin.add("score threshold from " + score.origin());
    return new NmsSettings(score.value(), iou, perClass, SsdSignature.MAX_DETECTIONS, String.join(", ", origin));
  }

  private static float maxOutputSize(GraphIndex graph, NodeDef node) {
    NodeDef n = graph.skipIdentity(node);
    if (n.getOp().equals("Const")) {
      return graph.scalar(n);
    }
    if (n.getOp().equals("Minimum")) {
      for (String in : GraphIndex.dataInputs(n)) {
        NodeDef c = graph.require(in, n.getName());
        if (graph.isConst(c)) {
          return graph.scalar(c);
        }
      }
    }
    return SsdSignature.MAX_DETECTIONS;
  }
}
