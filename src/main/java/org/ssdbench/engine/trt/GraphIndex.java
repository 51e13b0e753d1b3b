package org.ssdbench.engine.trt;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import org.ssdbench.model.SsdGraphRoles;
import org.ssdbench.model.SsdSignature;
import org.tensorflow.proto.AttrValue;
import org.tensorflow.proto.GraphDef;
import org.tensorflow.proto.NodeDef;
import org.ssdbench.model.TensorValues;
import org.tensorflow.proto.TensorProto;

/**
 * Name-based lookups over a frozen GraphDef: nodes by name, data inputs (control inputs and output ports stripped),
 * consumers, and the values of {@code Const} nodes (followed through {@code Identity}, as {@code weights/read} is).
 */
final class GraphIndex {
  private final Map<String, NodeDef> nodes = new HashMap<>();
  private final Map<String, List<String>> consumers = new HashMap<>();
  private final SsdGraphRoles roles;

  GraphIndex(GraphDef graph) {
    roles = new SsdGraphRoles(graph);
    for (NodeDef node : graph.getNodeList()) {
      nodes.put(node.getName(), node);
    }
    for (NodeDef node : graph.getNodeList()) {
      for (String in : dataInputs(node)) {
        consumers.computeIfAbsent(in, k -> new ArrayList<>()).add(node.getName());
      }
    }
  }

  /** The same graph's nodes by role (pre-NMS tensors, NMS nodes, score threshold). */
  SsdGraphRoles roles() {
    return roles;
  }

  int size() {
    return nodes.size();
  }

  Optional<NodeDef> find(String name) {
    return Optional.ofNullable(nodes.get(name));
  }

  /** The node, or an error that names it and the scope an SSD export keeps it in. */
  NodeDef require(String name, String expectedScope) {
    NodeDef node = nodes.get(name);
    if (node == null) {
      throw new NotSsdGraphException(
          "node '%s' not found (expected under scope '%s'); is this an SSD MobileNet V2 export? The graph has %d nodes"
              .formatted(name, expectedScope, nodes.size()));
    }
    return node;
  }

  /** Data inputs of a node by node name (":port" and control inputs "^x" removed). */
  static List<String> dataInputs(NodeDef node) {
    var out = new ArrayList<String>();
    for (String in : node.getInputList()) {
      if (!in.startsWith("^")) {
        out.add(nodeName(in));
      }
    }
    return out;
  }

  static String nodeName(String input) {
    int colon = input.lastIndexOf(':');
    return colon > 0 ? input.substring(0, colon) : input;
  }

  NodeDef input(NodeDef node, int i) {
    List<String> ins = dataInputs(node);
    if (i >= ins.size()) {
      throw new NotSsdGraphException(
          "node '%s' (%s) has %d data inputs, expected at least %d".formatted(node.getName(), node.getOp(), ins.size(), i + 1));
    }
    return require(ins.get(i), SsdSignature.FEATURE_EXTRACTOR_SCOPE);
  }

  List<String> consumers(String name) {
    return consumers.getOrDefault(name, List.of());
  }

  /** Follows Identity, StopGradient and Snapshot nodes to what they forward. */
  NodeDef skipIdentity(NodeDef node) {
    NodeDef n = node;
    while (SsdGraphRoles.PASS_THROUGH.contains(n.getOp())) {
      n = input(n, 0);
    }
    return n;
  }

  boolean isConst(NodeDef node) {
    return skipIdentity(node).getOp().equals("Const");
  }

  /** All node names matching a regex, sorted. */
  List<String> matching(Pattern pattern) {
    return nodes.keySet().stream().filter(n -> pattern.matcher(n).matches()).sorted().toList();
  }

  List<NodeDef> all() {
    return List.copyOf(nodes.values());
  }

  /** The float values of a Const (through Identity), any shape, row-major. */
  float[] floats(NodeDef node) {
    NodeDef c = skipIdentity(node);
    if (!c.getOp().equals("Const")) {
      throw new NotSsdGraphException(
          "node '%s' should be a constant (a frozen variable) but is %s".formatted(node.getName(), c.getOp()));
    }
    TensorProto t = c.getAttrMap().get("value").getTensor();
    if (!TensorValues.isNumeric(t)) {
      throw new NotSsdGraphException(
          "constant '%s' has dtype %s; expected DT_FLOAT, DT_INT32 or DT_INT64".formatted(c.getName(), t.getDtype()));
    }
    return TensorValues.floats(t);
  }

  /** The shape of a Const (through Identity). */
  long[] constShape(NodeDef node) {
    TensorProto t = skipIdentity(node).getAttrMap().get("value").getTensor();
    return t.getTensorShape().getDimList().stream().mapToLong(d -> d.getSize()).toArray();
  }

  /** A scalar constant (or a one-element tensor). */
  float scalar(NodeDef node) {
    float[] v = floats(node);
    if (v.length != 1) {
      throw new NotSsdGraphException(
          "constant '%s' should be a scalar but has %d values".formatted(node.getName(), v.length));
    }
    return v[0];
  }

  Optional<AttrValue> attr(NodeDef node, String name) {
    return Optional.ofNullable(node.getAttrMap().get(name));
  }

}
