package org.ssdbench.ops;

import static org.ssdbench.ops.GraphDefWriter.b;
import static org.ssdbench.ops.GraphDefWriter.i;
import static org.ssdbench.ops.GraphDefWriter.ints;
import static org.ssdbench.ops.GraphDefWriter.s;
import static org.ssdbench.ops.GraphDefWriter.type;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.ssdbench.model.SsdSignature;
import org.tensorflow.proto.AttrValue;
import org.tensorflow.proto.DataType;

/**
 * The op types measured one by one, each knowing how to read its signature off a model node, how to build itself alone in a
 * GraphDef, what output shape to expect, and a rough work figure used only to rank signatures.
 *
 * <p>The work figure is in "element operations": multiply-adds for convolutions, elements touched for memory ops, N*k box
 * comparisons for NMS. Every call also costs a fixed {@link #CALL_OVERHEAD}, so a tiny op that runs 360 times can outrank a
 * bigger one that runs once, as it does on a GPU where launch cost dominates small ops.
 */
public enum OpKind {
  CONV2D("Conv2D", "conv2d", 1) {
    @Override
    OpSignature fromNode(NodeFacts n) {
      return convFromNode(this, n);
    }

    @Override
    void validate(OpSignature s) {
      validateConv(s);
    }

    @Override
    void build(GraphDefWriter w, OpSignature s, List<String> data, String device) {
      buildConv(w, s, data, device, "Conv2D");
    }

    @Override
    long[] expectedOutput(OpSignature s) {
      long[] x = s.input(0).dims();
      long[] f = s.input(1).dims();
      return convOutput(s, x, f, f[3]);
    }

    @Override
    double work(OpSignature s) {
      long[] f = s.input(1).dims();
      return product(expectedOutput(s)) * f[0] * f[1] * f[2];
    }
  },
  DEPTHWISE_CONV2D("DepthwiseConv2dNative", "depthwise", 1) {
    @Override
    OpSignature fromNode(NodeFacts n) {
      return convFromNode(this, n);
    }

    @Override
    void validate(OpSignature s) {
      validateConv(s);
    }

    @Override
    void build(GraphDefWriter w, OpSignature s, List<String> data, String device) {
      buildConv(w, s, data, device, "DepthwiseConv2dNative");
    }

    @Override
    long[] expectedOutput(OpSignature s) {
      long[] x = s.input(0).dims();
      long[] f = s.input(1).dims();
      return convOutput(s, x, f, f[2] * f[3]);
    }

    @Override
    double work(OpSignature s) {
      long[] f = s.input(1).dims();
      return product(expectedOutput(s)) * f[0] * f[1];
    }
  },
  GATHER_V2("GatherV2", "gatherv2", 1) {
    @Override
    OpSignature fromNode(NodeFacts n) {
      Map<String, String> attrs = new LinkedHashMap<>();
      attrs.put("axis", n.constInts(2).map(v -> Long.toString(v[0])).orElse("?"));
      long batchDims = n.attr("batch_dims").map(AttrValue::getI).orElse(0L);
      if (batchDims != 0) {
        attrs.put("bd", Long.toString(batchDims));
      }
      return new OpSignature(this, n.inputs().subList(0, 2), attrs);
    }

    @Override
    void validate(OpSignature s) {
      requireInputs(s, 2);
      requireInteger(s, 1, "indices");
      s.longAttr("axis");
    }

    @Override
    void build(GraphDefWriter w, OpSignature s, List<String> data, String device) {
      String axis = w.constant("op/axis", HostArray.scalar((int) s.longAttr("axis")), device);
      w.node("op", "GatherV2", List.of(data.get(0), data.get(1), axis), Map.of(
          "Tparams", type(s.input(0).dtype().proto()),
          "Tindices", type(s.input(1).dtype().proto()),
          "Taxis", type(DataType.DT_INT32),
          "batch_dims", i(Long.parseLong(s.attr("bd").orElse("0")))), device);
    }

    @Override
    long[] expectedOutput(OpSignature s) {
      long[] params = s.input(0).dims();
      int axis = (int) axis(s.longAttr("axis"), params.length);
      List<Long> out = new ArrayList<>();
      for (int d = 0; d < axis; d++) {
        out.add(params[d]);
      }
      for (long d : s.input(1).dims()) {
        out.add(d);
      }
      for (int d = axis + 1; d < params.length; d++) {
        out.add(params[d]);
      }
      return out.stream().mapToLong(Long::longValue).toArray();
    }

    @Override
    double work(OpSignature s) {
      return product(expectedOutput(s));
    }
  },
  CONCAT_V2("ConcatV2", "concatv2", 1) {
    @Override
    OpSignature fromNode(NodeFacts n) {
      int values = n.inputs().size() - 1;
      String axis = n.constInts(values).map(v -> Long.toString(v[0])).orElse("?");
      return new OpSignature(this, n.inputs().subList(0, values), Map.of("axis", axis));
    }

    @Override
    void validate(OpSignature s) {
      s.longAttr("axis");
      for (TensorSpec t : s.inputs()) {
        if (t.rank() != s.input(0).rank() || t.dtype() != s.input(0).dtype()) {
          throw new IllegalArgumentException(
              "ConcatV2 inputs must share rank and type; '%s' has %s and %s".formatted(s.id(), s.input(0), t));
        }
      }
    }

    @Override
    void build(GraphDefWriter w, OpSignature s, List<String> data, String device) {
      String axis = w.constant("op/axis", HostArray.scalar((int) s.longAttr("axis")), device);
      List<String> inputs = new ArrayList<>(data);
      inputs.add(axis);
      w.node("op", "ConcatV2", inputs, Map.of(
          "N", i(data.size()),
          "T", type(s.input(0).dtype().proto()),
          "Tidx", type(DataType.DT_INT32)), device);
    }

    @Override
    long[] expectedOutput(OpSignature s) {
      long[] out = s.input(0).dims();
      int axis = (int) axis(s.longAttr("axis"), out.length);
      out[axis] = s.inputs().stream().mapToLong(t -> t.dim(axis)).sum();
      return out;
    }

    @Override
    double work(OpSignature s) {
      return product(expectedOutput(s));
    }
  },
  SELECT("Select", "select", 1) {
    @Override
    OpSignature fromNode(NodeFacts n) {
      return new OpSignature(this, n.inputs(), Map.of());
    }

    @Override
    void validate(OpSignature s) {
      requireInputs(s, 3);
      requireType(s, 0, DType.BOOL, "condition");
      if (!s.input(1).equals(s.input(2)) || !(s.input(0).rank() == 1 || Arrays.equals(s.input(0).dims(), s.input(1).dims()))
          || (s.input(0).rank() == 1 && s.input(1).rank() > 0 && s.input(0).dim(0) != s.input(1).dim(0))) {
        throw new IllegalArgumentException("Select in '%s' needs t and e of one shape and a condition of that shape or [rows]"
            .formatted(s.id()));
      }
    }

    @Override
    void build(GraphDefWriter w, OpSignature s, List<String> data, String device) {
      w.node("op", "Select", data, Map.of("T", type(s.input(1).dtype().proto())), device);
    }

    @Override
    long[] expectedOutput(OpSignature s) {
      return s.input(1).dims();
    }

    @Override
    double work(OpSignature s) {
      return product(expectedOutput(s));
    }
  },
  SELECT_V2("SelectV2", "selectv2", 1) {
    @Override
    OpSignature fromNode(NodeFacts n) {
      return new OpSignature(this, n.inputs(), Map.of());
    }

    @Override
    void validate(OpSignature s) {
      requireInputs(s, 3);
      requireType(s, 0, DType.BOOL, "condition");  expectedOutput(s);
    }

    @Override
    void build(GraphDefWriter w, OpSignature s, List<String> data, String device) {
      w.node("op", "SelectV2", data, Map.of("T", type(s.input(1).dtype().proto())), device);
    }

    @Override
    long[] expectedOutput(OpSignature s) {
      return broadcast(s, broadcast(s, s.input(0).dims(), s.input(1).dims()), s.input(2).dims());
    }

    @Override
    double work(OpSignature s) {
      return product(expectedOutput(s));
    }
  },
  NON_MAX_SUPPRESSION_V3("NonMaxSuppressionV3", "nmsv3", 1) {
    @Override
    OpSignature fromNode(NodeFacts n) {
      return nmsFromNode(this, n, 3);
    }

    @Override
    void validate(OpSignature s) {
      validateNms(s, 3);
    }

    @Override
    void build(GraphDefWriter w, OpSignature s, List<String> data, String device) {
      buildNms(w, s, data, device, 3);
    }

    @Override
    long[] expectedOutput(OpSignature s) {
      return new long[] {-1};
    }

    @Override
    double work(OpSignature s) {
      long boxes = s.input(0).dim(0);
      return boxes * (double) Math.min(boxes, s.longAttr("max"));
    }
  },
  NON_MAX_SUPPRESSION_V2("NonMaxSuppressionV2", "nmsv2", 1) {
    @Override
    OpSignature fromNode(NodeFacts n) {
      return nmsFromNode(this, n, 2);
    }

    @Override
    void validate(OpSignature s) {
      validateNms(s, 2);
    }

    @Override
    void build(GraphDefWriter w, OpSignature s, List<String> data, String device) {
      buildNms(w, s, data, device, 2);
    }

    @Override
    long[] expectedOutput(OpSignature s) {
      return new long[] {-1};
    }

    @Override
    double work(OpSignature s) {
      long boxes = s.input(0).dim(0);
      return boxes * (double) Math.min(boxes, s.longAttr("max"));
    }
  },
  /** The exporter's {@code non_max_suppression_padded}: outputs the indices (padded when {@code pad}) and valid_outputs. */
  NON_MAX_SUPPRESSION_V4("NonMaxSuppressionV4", "nmsv4", 2) {
    @Override
    OpSignature fromNode(NodeFacts n) {
      return nmsFromNode(this, n, 4);
    }

    @Override
    void validate(OpSignature s) {
      validateNms(s, 4);
    }

    @Override
    void build(GraphDefWriter w, OpSignature s, List<String> data, String device) {
      buildNms(w, s, data, device, 4);
    }

    @Override
    long[] expectedOutput(OpSignature s) {
      return s.attr("pad").isPresent() ? new long[] {s.longAttr("max")} : new long[] {-1};
    }

    @Override
    double work(OpSignature s) {
      long boxes = s.input(0).dim(0);
      return boxes * (double) Math.min(boxes, s.longAttr("max"));
    }
  },
  /** The exporter's {@code non_max_suppression_with_scores} after 2019: indices, (soft-NMS) scores, valid_outputs. */
  NON_MAX_SUPPRESSION_V5("NonMaxSuppressionV5", "nmsv5", 3) {
    @Override
    OpSignature fromNode(NodeFacts n) {
      return nmsFromNode(this, n, 5);
    }

    @Override
    void validate(OpSignature s) {
      validateNms(s, 5);
    }

    @Override
    void build(GraphDefWriter w, OpSignature s, List<String> data, String device) {
      buildNms(w, s, data, device, 5);
    }

    @Override
    long[] expectedOutput(OpSignature s) {
      return s.attr("pad").isPresent() ? new long[] {s.longAttr("max")} : new long[] {-1};
    }

    @Override
    double work(OpSignature s) {
      long boxes = s.input(0).dim(0);
      return boxes * (double) Math.min(boxes, s.longAttr("max"));
    }
  },
  WHERE("Where", "where", 1) {
    @Override
    OpSignature fromNode(NodeFacts n) {
      long trues = n.outputs().get(0).rank() == 2 ? n.outputs().get(0).dim(0) : -1;
      return new OpSignature(this, n.inputs(), Map.of("n", trues < 0 ? "?" : Long.toString(trues)));
    }

    @Override
    void validate(OpSignature s) {
      requireInputs(s, 1);
      requireType(s, 0, DType.BOOL, "input");
      long n = s.longAttr("n");
      if (n < 0 || n > s.input(0).elements()) {
        throw new IllegalArgumentException("Where in '%s': n=%d true elements, valid 0..%d"
            .formatted(s.id(), n, s.input(0).elements()));
      }
    }

    @Override
    void build(GraphDefWriter w, OpSignature s, List<String> data, String device) {
      w.node("op", "Where", data, Map.of("T", type(DataType.DT_BOOL)), device);
    }

    @Override
    long[] expectedOutput(OpSignature s) {
      return new long[] {s.longAttr("n"), s.input(0).rank()};
    }

    @Override
    double work(OpSignature s) {
      return s.input(0).elements();
    }
  },
  MINIMUM("Minimum", "minimum", 1) {
    @Override
    OpSignature fromNode(NodeFacts n) {
      return new OpSignature(this, n.inputs(), Map.of());
    }

    @Override
    void validate(OpSignature s) {
      validateBinary(s);
    }

    @Override
    void build(GraphDefWriter w, OpSignature s, List<String> data, String device) {
      w.node("op", "Minimum", data, Map.of("T", type(s.input(0).dtype().proto())), device);
    }

    @Override
    long[] expectedOutput(OpSignature s) {
      return broadcast(s, s.input(0).dims(), s.input(1).dims());
    }

    @Override
    double work(OpSignature s) {
      return product(expectedOutput(s));
    }
  },
  MAXIMUM("Maximum", "maximum", 1) {
    @Override
    OpSignature fromNode(NodeFacts n) {
      return new OpSignature(this, n.inputs(), Map.of());
    }

    @Override
    void validate(OpSignature s) {
      validateBinary(s);
    }

    @Override
    void build(GraphDefWriter w, OpSignature s, List<String> data, String device) {
      w.node("op", "Maximum", data, Map.of("T", type(s.input(0).dtype().proto())), device);
    }

    @Override
    long[] expectedOutput(OpSignature s) {
      return broadcast(s, s.input(0).dims(), s.input(1).dims());
    }

    @Override
    double work(OpSignature s) {
      return product(expectedOutput(s));
    }
  },
  RESHAPE("Reshape", "reshape", 1) {
    @Override
    OpSignature fromNode(NodeFacts n) {
      TensorSpec out = n.outputs().get(0);
      return new OpSignature(this, n.inputs().subList(0, 1), Map.of("to", TensorSpec.dimsToken(out.dims())));
    }

    @Override
    void validate(OpSignature s) {
      requireInputs(s, 1);
      long[] to = TensorSpec.parseDims(s.requireAttr("to"));
      if (s.input(0).isFullyDefined() && Arrays.stream(to).allMatch(d -> d >= 0) && product(to) != s.input(0).elements()) {
        throw new IllegalArgumentException("Reshape in '%s': %s has %d elements, target %s has %d"
            .formatted(s.id(), s.input(0), s.input(0).elements(), s.requireAttr("to"), product(to)));
      }
    }

    @Override
    void build(GraphDefWriter w, OpSignature s, List<String> data, String device) {
      String shape = w.constant("op/shape", HostArray.vector(TensorSpec.parseDims(s.requireAttr("to"))), device);
      w.node("op", "Reshape", List.of(data.get(0), shape), Map.of(
          "T", type(s.input(0).dtype().proto()), "Tshape", type(DataType.DT_INT32)), device);
    }

    @Override
    long[] expectedOutput(OpSignature s) {
      return TensorSpec.parseDims(s.requireAttr("to"));
    }

    @Override
    double work(OpSignature s) {
      return 0; // a reshape only relabels the buffer
    }
  },
  TOPK_V2("TopKV2", "topkv2", 2) {
    @Override
    OpSignature fromNode(NodeFacts n) {
      Map<String, String> attrs = new LinkedHashMap<>();
      TensorSpec values = n.outputs().get(0);
      long k = n.constInts(1).map(v -> v[0]).orElse(values.rank() > 0 ? values.dim(values.rank() - 1) : -1);
      attrs.put("k", k < 0 ? "?" : Long.toString(k));
      if (!n.attr("sorted").map(AttrValue::getB).orElse(true)) {
        attrs.put("sorted", "0");
      }
      return new OpSignature(this, n.inputs().subList(0, 1), attrs);
    }

    @Override
    void validate(OpSignature s) {
      requireInputs(s, 1);
      long k = s.longAttr("k");
      TensorSpec in = s.input(0);
      if (in.rank() < 1 || k < 0 || (in.dim(in.rank() - 1) >= 0 && k > in.dim(in.rank() - 1))) {
        throw new IllegalArgumentException(
            "TopKV2 in '%s': k=%d must lie in 0..last dimension of a rank >= 1 input %s".formatted(s.id(), k, in));
      }
    }

    @Override
    void build(GraphDefWriter w, OpSignature s, List<String> data, String device) {
      String k = w.constant("op/k", HostArray.scalar((int) s.longAttr("k")), device);
      w.node("op", "TopKV2", List.of(data.get(0), k), Map.of(
          "T", type(s.input(0).dtype().proto()),
          "sorted", b(!"0".equals(s.attr("sorted").orElse("1")))), device);
    }

    @Override
    long[] expectedOutput(OpSignature s) {
      long[] out = s.input(0).dims();
      out[out.length - 1] = s.longAttr("k");
      return out;
    }

    @Override
    double work(OpSignature s) {
      double n = Math.max(2, s.input(0).elements());
      return n * (Math.log(n) / Math.log(2));
    }
  };

  /** The fixed cost of one call in element operations, for ranking only (about a microsecond's worth). */
  public static final double CALL_OVERHEAD = 2_000;

  private final String opType;
  private final String key;
  private final int outputs;

  OpKind(String opType, String key, int outputs) {
    this.opType = opType;
    this.key = key;
    this.outputs = outputs;
  }

  /** TF's op name, e.g. {@code GatherV2}. */
  public String opType() {
    return opType;
  }

  /** The prefix of signature ids, e.g. {@code gatherv2}. */
  public String key() {
    return key;
  }

  /** How many outputs the op has; the host-fed variant fetches all of them. */
  public int outputs() {
    return outputs;
  }

  abstract OpSignature fromNode(NodeFacts n);

  /** Throws if {@code s} cannot be built: wrong input count or type, missing attributes. */
  abstract void validate(OpSignature s);

  /** Adds the op, named {@code op}, and its parameter constants (named {@code op/...}) on {@code device}. */
  abstract void build(GraphDefWriter w, OpSignature s, List<String> data, String device);

  /** The shape of output 0; -1 where it depends on the data (NMS: at most {@code max}). */
  abstract long[] expectedOutput(OpSignature s);

  /** Work of one call in element operations, without {@link #CALL_OVERHEAD}. */
  abstract double work(OpSignature s);

  /** Estimated cost of one call, for ranking signatures of one op type against each other. */
  public double estimatedCost(OpSignature s) {
    return CALL_OVERHEAD + work(s);
  }

  /**
   * Checks an output shape seen in a run against {@link #expectedOutput}.
   *
   * @throws IllegalStateException naming the signature, the expected and the actual shape
   */
  public void checkOutput(OpSignature s, long[] actual) {
    long[] expected = expectedOutput(s);
    boolean ok = expected.length == actual.length;
    for (int d = 0; ok && d < expected.length; d++) {
      ok = expected[d] < 0 ? actual[d] >= 0 && (!isNms() || actual[d] <= s.longAttr("max")) : expected[d] == actual[d];
    }
    if (!ok) {
      throw new IllegalStateException("%s '%s' gave output shape %s; expected %s".formatted(
          opType, s.id(), Arrays.toString(actual), Arrays.toString(expected)));
    }
  }

  private boolean isNms() {
    return isNonMaxSuppression();
  }

  /** Whether this is a NonMaxSuppression op of any version (V2 to V5). */
  public boolean isNonMaxSuppression() {
    return opType.startsWith("NonMaxSuppression");
  }

  public static OpKind byOpType(String opType) {
    for (OpKind k : values()) {
      if (k.opType.equals(opType)) {
        return k;
      }
    }
    throw new IllegalArgumentException("Op type '%s' is not measured; measured: %s".formatted(opType, opTypes()));
  }

  public static boolean isMeasured(String opType) {
    return Arrays.stream(values()).anyMatch(k -> k.opType.equals(opType));
  }

  public static OpKind byKey(String key) {
    for (OpKind k : values()) {
      if (k.key.equals(key)) {
        return k;
      }
    }
    throw new IllegalArgumentException("Unknown op key '%s'; valid: %s".formatted(key, keys()));
  }

  public static List<String> keys() {
    return Arrays.stream(values()).map(OpKind::key).toList();
  }

  public static List<String> opTypes() {
    return Arrays.stream(values()).map(OpKind::opType).toList();
  }

  // ---- shared pieces ----

  static OpSignature convFromNode(OpKind kind, NodeFacts n) {
    Map<String, String> attrs = new LinkedHashMap<>();
    String format = n.attr("data_format").map(a -> a.getS().toStringUtf8()).orElse("NHWC");
    List<Long> strides = n.attr("strides").map(a -> a.getList().getIList()).orElse(List.of(1L, 1L, 1L, 1L));
    List<Long> dilations = n.attr("dilations").map(a -> a.getList().getIList()).orElse(List.of(1L, 1L, 1L, 1L));
    int h = format.equals("NCHW") ? 2 : 1;
    attrs.put("s", pair(strides.get(h), strides.get(h + 1)));
    attrs.put("padding", n.attr("padding").map(a -> a.getS().toStringUtf8()).orElse("?"));
    if (dilations.size() == 4 && (dilations.get(h) != 1 || dilations.get(h + 1) != 1)) {
      attrs.put("d", pair(dilations.get(h), dilations.get(h + 1)));
    }
    if (!format.equals("NHWC")) {
      attrs.put("layout", format);
    }
    return new OpSignature(kind, n.inputs().subList(0, 2), attrs);
  }

  private static String pair(long a, long b) {
    return a == b ? Long.toString(a) : a + "x" + b;
  }

  private static long[] pairOf(String v) {
    String[] p = v.split("x");
    return p.length == 1 ? new long[] {Long.parseLong(p[0]), Long.parseLong(p[0])}
        : new long[] {Long.parseLong(p[0]), Long.parseLong(p[1])};
  }

  static void validateConv(OpSignature s) {
    requireInputs(s, 2);
    if (s.input(0).rank() != 4 || s.input(1).rank() != 4) {
      throw new IllegalArgumentException(
          "%s in '%s' needs a rank-4 NHWC input and a rank-4 filter".formatted(s.kind().opType(), s.id()));
    }
    String padding = s.requireAttr("padding");
    if (!padding.equals("SAME") && !padding.equals("VALID")) {
      throw new IllegalArgumentException("padding '%s' in '%s'; valid: SAME, VALID".formatted(padding, s.id()));
    }
    if (s.attr("layout").isPresent()) {
      throw new IllegalArgumentException(
          "'%s': only NHWC convolutions can be built (the model's layout); got %s".formatted(s.id(), s.attrs().get("layout")));
    }
    pairOf(s.requireAttr("s"));
  }

  static void buildConv(GraphDefWriter w, OpSignature s, List<String> data, String device, String op) {
    long[] st = pairOf(s.requireAttr("s"));
    long[] dl = pairOf(s.attr("d").orElse("1"));
    w.node("op", op, data, Map.of(
        "T", type(DataType.DT_FLOAT),
        "strides", ints(1, st[0], st[1], 1),
        "dilations", ints(1, dl[0], dl[1], 1),
        "padding", s(s.requireAttr("padding")),
        "data_format", s("NHWC")), device);
  }

  static long[] convOutput(OpSignature s, long[] x, long[] f, long channels) {
    long[] st = pairOf(s.requireAttr("s"));
    long[] dl = pairOf(s.attr("d").orElse("1"));
    boolean same = s.requireAttr("padding").equals("SAME");
    long[] out = new long[] {x[0], 0, 0, channels};
    for (int d = 0; d < 2; d++) {
      long size = x[1 + d];
      long effective = (f[d] - 1) * dl[d] + 1;
      out[1 + d] = same ? ceilDiv(size, st[d]) : ceilDiv(size - effective + 1, st[d]);
    }
    return out;
  }

  /**
   * The NMS signature: max_output_size, iou and, from V3 on, the score threshold; V5 adds the soft-NMS {@code sigma}; V4
   * and V5 add {@code pad1} when {@code pad_to_max_output_size} is set.
   */
  static OpSignature nmsFromNode(OpKind kind, NodeFacts n, int version) {
    Map<String, String> attrs = new LinkedHashMap<>();
    long boxes = n.inputs().get(0).rank() > 0 ? n.inputs().get(0).dim(0) : -1;
    // The export computes max_output_size as Minimum(100, N) when it is not a constant.
    long max = n.constInts(2).map(v -> v[0])
        .orElse(boxes < 0 ? -1 : Math.min(SsdSignature.MAX_DETECTIONS, boxes));
    attrs.put("max", max < 0 ? "?" : Long.toString(max));
    attrs.put("iou", n.constFloats(3).map(v -> decimal(v[0])).orElse("?"));
    if (version >= 3) {
      attrs.put("score", n.constFloats(4).map(v -> decimal(v[0])).orElse("?"));
    }
    if (version >= 5) {
      attrs.put("sigma", n.constFloats(5).map(v -> decimal(v[0])).orElse("?"));
    }
    if (version >= 4 && n.attr("pad_to_max_output_size").map(AttrValue::getB).orElse(false)) {
      attrs.put("pad", "1");
    }
    return new OpSignature(kind, n.inputs().subList(0, 2), attrs);
  }

  static void validateNms(OpSignature s, int version) {
    requireInputs(s, 2);
    TensorSpec boxes = s.input(0);
    TensorSpec scores = s.input(1);
    if (boxes.rank() != 2 || boxes.dim(1) != 4 || scores.rank() != 1 || scores.dim(0) != boxes.dim(0)) {
      throw new IllegalArgumentException(
          "%s in '%s' needs boxes [N,4] and scores [N]; got %s and %s".formatted(s.kind().opType(), s.id(), boxes, scores));
    }
    s.longAttr("max");
    s.floatAttr("iou");
    if (version >= 3) {
      s.floatAttr("score");
    }
    if (version >= 5) {
      s.floatAttr("sigma");
    }
  }

  static void buildNms(GraphDefWriter w, OpSignature s, List<String> data, String device, int version) {
    List<String> inputs = new ArrayList<>(data);
    inputs.add(w.constant("op/max_output_size", HostArray.scalar((int) s.longAttr("max")), device));
    inputs.add(w.constant("op/iou_threshold", HostArray.scalar(s.floatAttr("iou")), device));
    if (version >= 3) {
      inputs.add(w.constant("op/score_threshold", HostArray.scalar(s.floatAttr("score")), device));
    }
    if (version >= 5) {
      inputs.add(w.constant("op/soft_nms_sigma", HostArray.scalar(s.floatAttr("sigma")), device));
    }
    Map<String, AttrValue> attrs = new LinkedHashMap<>();
    attrs.put("T", type(DataType.DT_FLOAT));
    if (version <= 4) {
      attrs.put("T_threshold", type(DataType.DT_FLOAT));
    }
    if (version >= 4) {
      attrs.put("pad_to_max_output_size", b(s.attr("pad").isPresent()));
    }
    w.node("op", "NonMaxSuppressionV" + version, inputs, attrs, device);
  }

  static void validateBinary(OpSignature s) {
    requireInputs(s, 2);
    if (s.input(0).dtype() != s.input(1).dtype()) {
      throw new IllegalArgumentException("%s in '%s' needs inputs of one type; got %s and %s"
          .formatted(s.kind().opType(), s.id(), s.input(0), s.input(1)));
    }
    broadcast(s, s.input(0).dims(), s.input(1).dims());
  }

  static void requireInputs(OpSignature s, int n) {
    if (s.inputs().size() != n) {
      throw new IllegalArgumentException("%s takes %d data inputs; '%s' has %d"
          .formatted(s.kind().opType(), n, s.id(), s.inputs().size()));
    }
  }

  static void requireType(OpSignature s, int input, DType type, String what) {
    if (s.input(input).dtype() != type) {
      throw new IllegalArgumentException("%s in '%s': %s must be %s, got %s"
          .formatted(s.kind().opType(), s.id(), what, type.token(), s.input(input).dtype().token()));
    }
  }

  static void requireInteger(OpSignature s, int input, String what) {
    DType t = s.input(input).dtype();
    if (t != DType.I32 && t != DType.I64) {
      throw new IllegalArgumentException("%s in '%s': %s must be i32 or i64, got %s"
          .formatted(s.kind().opType(), s.id(), what, t.token()));
    }
  }

  static long[] broadcast(OpSignature s, long[] a, long[] b) {
    int rank = Math.max(a.length, b.length);
    long[] out = new long[rank];
    for (int d = 0; d < rank; d++) {
      long x = d < rank - a.length ? 1 : a[d - (rank - a.length)];
      long y = d < rank - b.length ? 1 : b[d - (rank - b.length)];
      if (x != y && x != 1 && y != 1 && x >= 0 && y >= 0) {
        throw new IllegalArgumentException("'%s': shapes %s and %s do not broadcast"
            .formatted(s.id(), Arrays.toString(a), Arrays.toString(b)));
      }
      out[d] = x == 1 ? y : x;
    }
    return out;
  }

  static long axis(long axis, int rank) {
    return axis < 0 ? axis + rank : axis;
  }

  static long product(long[] dims) {
    long n = 1;
    for (long d : dims) {
      n *= Math.max(d, 0);
    }
    return n;
  }

  static long ceilDiv(long a, long b) {
    return (a + b - 1) / b;
  }

  /** A float written the short way: 0.6, 1E-8. */
  static String decimal(float v) {
    return new BigDecimal(Float.toString(v)).stripTrailingZeros().toString();
  }
}
