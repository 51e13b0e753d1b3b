package org.ssdbench.model;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import org.tensorflow.proto.AttrValue;
import org.tensorflow.proto.GraphDef;
import org.tensorflow.proto.NodeDef;
import org.tensorflow.proto.TensorProto;

/**
 * Finds the nodes that play a role in a frozen TF Object Detection SSD export (the tensors before NMS, the NMS ops, the
 * score threshold) by scope and op type, looking through the pass-through nodes ({@code Identity}, {@code StopGradient},
 * {@code Snapshot}) that later exporters insert between ops that are adjacent in the 2018 layout. Never by position.
 *
 * <p>Also recognises which exporter layout a graph has ({@link #layout()}) and which pieces the TensorRT conversion needs
 * are missing ({@link #missingForTensorRt()}). Immutable after construction; safe to share.
 */
public final class SsdGraphRoles {
  /** Ops that forward their input unchanged. */
  public static final Set<String> PASS_THROUGH = Set.of("Identity", "StopGradient", "Snapshot");
  private static final String DECODE_SCOPE = SsdSignature.POSTPROCESSOR_SCOPE + "/Decode";
  private static final Pattern FILTER_GREATER =
      Pattern.compile(Pattern.quote(SsdSignature.NMS_SCOPE) + "/.*FilterGreaterThan[^/]*/Greater");

  /** A score threshold and the node it was read from. */
  public record Threshold(float value, String origin) {}

  /** The layout a graph was recognised as ({@code 2018}, {@code 2019}, {@code 2019-dynamic} or {@code mixed}) and why. */
  public record Layout(String name, List<String> matched) {
    public Layout {
      matched = List.copyOf(matched);
    }
  }

  private final List<NodeDef> ordered;
  private final Map<String, NodeDef> nodes = new HashMap<>();
  private final Map<String, List<String>> consumers = new HashMap<>();

  public SsdGraphRoles(GraphDef graph) {
    ordered = graph.getNodeList();
    for (NodeDef node : ordered) {
      nodes.put(node.getName(), node);
    }
    for (NodeDef node : ordered) {
      for (String in : node.getInputList()) {
        if (!in.startsWith("^")) {
          consumers.computeIfAbsent(nodeName(in), k -> new ArrayList<>()).add(node.getName());
        }
      }
    }
  }

  /** The node of that name, if any. */
  public Optional<NodeDef> node(String name) {
    return Optional.ofNullable(nodes.get(name));
  }

  /** Follows pass-through nodes ({@link #PASS_THROUGH}) back to the node that computes the value. */
  public NodeDef skipPassThrough(NodeDef node) {
    NodeDef n = node;
    for (int hops = 0; hops < 64 && PASS_THROUGH.contains(n.getOp()) && n.getInputCount() > 0; hops++) {
      NodeDef in = nodes.get(nodeName(n.getInput(0)));
      if (in == null) {
        break;
      }
      n = in;
    }
    return n;
  }

  /**
   * The raw box encodings [B, N, 4] the postprocessor decodes: the top-level {@code Squeeze} of the box predictors'
   * {@code concat} (the exports' spelling), else that {@code concat} itself.
   */
  public Optional<String> rawBoxEncodings() {
    NodeDef squeeze = nodes.get("Squeeze");
    if (squeeze != null && squeeze.getOp().equals("Squeeze")) {
      return Optional.of(squeeze.getName());
    }
    return Optional.ofNullable(nodes.get("concat")).map(NodeDef::getName);
  }

  /**
   * The class scores without background [B, N, classes]: the {@code Slice} that reads a {@code Sigmoid} under scope
   * {@code Postprocessor}, directly (2018) or through Identity / StopGradient nodes (later exports).
   */
  public Optional<String> classScores() {
    for (NodeDef n : ordered) {
      if (n.getOp().equals("Sigmoid") && SsdSignature.inScope(n.getName(), SsdSignature.POSTPROCESSOR_SCOPE)) {
        Optional<String> slice = downstream(n.getName(), "Slice");
        if (slice.isPresent()) {
          return slice;
        }
      }
    }
    return Optional.empty();
  }

  /** The first consumer of {@code name} with op {@code op}, reached through pass-through nodes. */
  private Optional<String> downstream(String name, String op) {
    List<String> frontier = List.of(name);
    for (int depth = 0; depth < 16 && !frontier.isEmpty(); depth++) {
      List<String> next = new ArrayList<>();
      for (String f : frontier) {
        for (String c : consumers.getOrDefault(f, List.of())) {
          NodeDef n = nodes.get(c);
          if (n.getOp().equals(op)) {
            return Optional.of(c);
          }
          if (PASS_THROUGH.contains(n.getOp())) {
            next.add(c);
          }
        }
      }
      frontier = next;
    }
    return Optional.empty();
  }

  /**
   * Where the decoded boxes can be fetched: the nodes of scope {@code Postprocessor/Decode} that a node outside it reads,
   * sorted; an SSD export with the faster_rcnn coder has exactly one.
   */
  public List<String> decodedBoxesCandidates() {
    return ordered.stream().map(NodeDef::getName)
        .filter(n -> SsdSignature.inScope(n, DECODE_SCOPE))
        .filter(n -> consumers.getOrDefault(n, List.of()).stream().anyMatch(c -> !SsdSignature.inScope(c, DECODE_SCOPE)))
        .sorted().toList();
  }

  /** The NonMaxSuppression nodes (any version) under scope {@code Postprocessor}, by name. */
  public List<NodeDef> nmsNodes() {
    return ordered.stream()
        .filter(n -> n.getOp().startsWith("NonMaxSuppression")
            && SsdSignature.inScope(n.getName(), SsdSignature.POSTPROCESSOR_SCOPE))
        .sorted((a, b) -> a.getName().compareTo(b.getName())).toList();
  }

  /**
   * The graph's NMS score threshold: input 4 of the first NonMaxSuppression node (V3, V4, V5), else the constant of the
   * first {@code FilterGreaterThan*}/{@code Greater} under the NMS scope (V2); empty when neither is a constant.
   */
  public Optional<Threshold> scoreThreshold() {
    List<NodeDef> nms = nmsNodes();
    if (!nms.isEmpty() && dataInputs(nms.get(0)).size() > 4) {
      Optional<Float> v = scalar(dataInputs(nms.get(0)).get(4));
      if (v.isPresent()) {
        return Optional.of(new Threshold(v.get(), nms.get(0).getName() + " input 4"));
      }
    }
    for (NodeDef n : ordered) {
      if (n.getOp().equals("Greater") && FILTER_GREATER.matcher(n.getName()).matches() && dataInputs(n).size() == 2) {
        Optional<Float> v = scalar(dataInputs(n).get(1));
        if (v.isPresent()) {
          return Optional.of(new Threshold(v.get(), n.getName()));
        }
      }
    }
    return Optional.empty();
  }

  /** The soft-NMS sigma of the first NonMaxSuppressionV5 (its input 5), if the graph has one with a constant sigma. */
  public Optional<Threshold> softNmsSigma() {
    return nmsNodes().stream().filter(n -> n.getOp().equals("NonMaxSuppressionV5") && dataInputs(n).size() > 5)
        .findFirst().flatMap(n -> scalar(dataInputs(n).get(5)).map(v -> new Threshold(v, n.getName() + " input 5")));
  }

  /** A scalar constant's value, read through pass-through nodes (and a while loop's {@code Enter}). */
  public Optional<Float> scalar(String name) {
    NodeDef n = nodes.get(name);
    for (int hops = 0; n != null && hops < 16; hops++) {
      if (n.getOp().equals("Const")) {
        TensorProto t = n.getAttrOrThrow("value").getTensor();
        if (!TensorValues.isNumeric(t)) {
          return Optional.empty();
        }
        float[] v = TensorValues.floats(t);
        return v.length == 1 ? Optional.of(v[0]) : Optional.empty();
      }
      if (!(PASS_THROUGH.contains(n.getOp()) || n.getOp().equals("Enter")) || n.getInputCount() == 0) {
        return Optional.empty();
      }
      n = nodes.get(nodeName(n.getInput(0)));
    }
    return Optional.empty();
  }

  /**
   * Which exporter layout the graph matches, with the facts that decided it: batch norm spelling, NMS op, loops or
   * unrolled blocks, Identity / StopGradient nodes in the postprocessor, extra outputs and the input shape.
   */
  public Layout layout() {
    List<String> matched = new ArrayList<>();
    int fused = count(n -> n.getOp().startsWith("FusedBatchNorm"));
    int unfused = count(n -> n.getName().endsWith("BatchNorm/batchnorm/Rsqrt"));
    if (fused > 0) {
      matched.add("%d %s".formatted(fused, firstOp(n -> n.getOp().startsWith("FusedBatchNorm"))));
    }
    if (unfused > 0) {
      matched.add("%d unfused BatchNorm/batchnorm blocks".formatted(unfused));
    }
    List<NodeDef> nms = nmsNodes();
    if (!nms.isEmpty()) {
      String sigma = softNmsSigma().map(s -> " (soft_nms_sigma %s)".formatted(s.value())).orElse("");
      matched.add("%d %s%s".formatted(nms.size(), nms.get(0).getOp(), sigma));
    }
    boolean preLoop = any(n -> SsdSignature.inScope(n.getName(), "Preprocessor/map/while"));
    boolean nmsLoop = any(n -> SsdSignature.inScope(n.getName(), SsdSignature.NMS_SCOPE + "/map/while"));
    boolean unrolled = !preLoop && !nmsLoop
        && any(n -> SsdSignature.inScope(n.getName(), SsdSignature.NMS_SCOPE + "/MultiClassNonMaxSuppression"));
    if (preLoop || nmsLoop) {
      matched.add("while loops:" + (preLoop ? " Preprocessor/map/while" : "")
          + (nmsLoop ? " BatchMultiClassNonMaxSuppression/map/while" : ""));
    }
    if (unrolled) {
      matched.add("loops unrolled (%d MultiClassNonMaxSuppression blocks)".formatted(
          count(n -> n.getOp().equals("TopKV2") && SsdSignature.inScope(n.getName(), SsdSignature.NMS_SCOPE))));
    }
    int passThrough = count(n -> PASS_THROUGH.contains(n.getOp())
        && SsdSignature.inScope(n.getName(), SsdSignature.POSTPROCESSOR_SCOPE)
        && !SsdSignature.inScope(n.getName(), SsdSignature.NMS_SCOPE));
    if (passThrough > 0) {
      matched.add("%d Identity/StopGradient nodes in the postprocessor".formatted(passThrough));
    }
    List<String> extra = ExportLayout.EXTRA_OUTPUTS.stream().filter(nodes::containsKey).toList();
    if (!extra.isEmpty()) {
      matched.add("extra outputs " + String.join(", ", extra));
    }
    boolean dynamic = inputDynamic();
    matched.add(dynamic ? "input [?, ?, ?, 3]" : "input " + inputShape());
    boolean old = unfused > 0 && fused == 0 && extra.isEmpty() && passThrough == 0;
    boolean newer = fused > 0 && unfused == 0 && extra.size() == ExportLayout.EXTRA_OUTPUTS.size();
    String name;
    if (old && (preLoop || nmsLoop)) {
      name = ExportLayout.EXPORT_2018.cliName();
    } else if (newer && unrolled && !dynamic) {
      name = ExportLayout.EXPORT_2019.cliName();
    } else if (newer && nmsLoop && dynamic) {
      name = ExportLayout.EXPORT_2019_DYNAMIC.cliName();
    } else {
      name = "mixed";
    }
    return new Layout(name, matched);
  }

  /**
   * The pieces the TensorRT path needs that this graph lacks, each named with what was expected; empty when it has
   * them all. The TensorFlow configurations need none of them.
   */
  public List<String> missingForTensorRt() {
    return missingForTensorRt(true, true);
  }

  /**
   * As {@link #missingForTensorRt()}, leaving out the anchor generator when the caller supplies anchors and the NMS op
   * when it supplies NMS settings.
   */
  public List<String> missingForTensorRt(boolean needAnchorGenerator, boolean needNms) {
    List<String> missing = new ArrayList<>();
    if (!nodes.containsKey("BoxPredictor_0/BoxEncodingPredictor/BiasAdd")) {
      missing.add(
          "convolutional box predictor (no node 'BoxPredictor_0/BoxEncodingPredictor/BiasAdd' under scope 'BoxPredictor_0')");
    }
    if (!any(n -> n.getOp().equals("Sigmoid") && SsdSignature.inScope(n.getName(), SsdSignature.POSTPROCESSOR_SCOPE))) {
      missing.add("sigmoid score converter (no Sigmoid under scope 'Postprocessor')");
    } else if (classScores().isEmpty()) {
      missing.add("class scores without background (no Slice after the postprocessor's Sigmoid)");
    }
    boolean decode = any(n -> SsdSignature.inScope(n.getName(), DECODE_SCOPE));
    boolean exp = any(n -> n.getOp().equals("Exp") && SsdSignature.inScope(n.getName(), DECODE_SCOPE));
    if (!decode || !exp) {
      missing.add("faster_rcnn box coder (%s under scope '%s')".formatted(
          decode ? "no Exp of the box sizes" : "no nodes", DECODE_SCOPE));
    } else if (decodedBoxesCandidates().size() != 1) {
      missing.add("one decoded-boxes output of scope '%s' (found %s)".formatted(DECODE_SCOPE, decodedBoxesCandidates()));
    }
    if (needAnchorGenerator && !nodes.containsKey("Concatenate/concat")) {
      missing.add("anchor generator output (no Concatenate/concat)");
    }
    if (needNms && nmsNodes().isEmpty()) {
      missing.add("NonMaxSuppression op under scope 'Postprocessor'");
    }
    softNmsSigma().filter(s -> s.value() != 0f).ifPresent(s -> missing.add(
        "hard NMS (soft_nms_sigma %s at %s; EfficientNMS_TRT has no soft-NMS)".formatted(s.value(), s.origin())));
    return missing;
  }

  private boolean inputDynamic() {
    return inputDims().stream().anyMatch(d -> d < 0) || inputDims().isEmpty();
  }

  private String inputShape() {
    return inputDims().toString();
  }

  private List<Long> inputDims() {
    NodeDef input = nodes.get(SsdSignature.INPUT);
    if (input == null) {
      return List.of();
    }
    AttrValue shape = input.getAttrMap().get("shape");
    if (shape == null || shape.getShape().getUnknownRank()) {
      return List.of();
    }
    return shape.getShape().getDimList().stream().map(d -> d.getSize()).toList();
  }

  private int count(java.util.function.Predicate<NodeDef> p) {
    return (int) ordered.stream().filter(p).count();
  }

  private boolean any(java.util.function.Predicate<NodeDef> p) {
    return ordered.stream().anyMatch(p);
  }

  private String firstOp(java.util.function.Predicate<NodeDef> p) {
    return ordered.stream().filter(p).findFirst().map(NodeDef::getOp).orElse("?");
  }

  /** Data inputs by node name (":port" and control inputs removed). */
  public static List<String> dataInputs(NodeDef node) {
    List<String> out = new ArrayList<>();
    for (String in : node.getInputList()) {
      if (!in.startsWith("^")) {
        out.add(nodeName(in));
      }
    }
    return out;
  }

  private static String nodeName(String input) {
    String s = input.startsWith("^") ? input.substring(1) : input;
    int colon = s.lastIndexOf(':');
    return colon > 0 ? s.substring(0, colon) : s;
  }
}
