package org.ssdbench.model;

import java.util.ArrayList;
import java.util.List;
import java.util.TreeMap;
import org.tensorflow.Graph;
import org.tensorflow.GraphOperation;
import org.tensorflow.Output;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.proto.AttrValue;
import org.tensorflow.proto.GraphDef;
import org.tensorflow.proto.NodeDef;

/**
 * Computes a {@link ModelDescription} from any frozen SSD GraphDef, generated or real. Counts come from the NodeDefs;
 * shapes (convolution outputs for the MACs, the anchors, the outputs) from importing the graph into TF, which runs shape
 * inference. An input with unknown dimensions ({@code [?,?,?,3]} in the 2018 export) is fixed to one 300x300 image for
 * that, so MACs are per image either way.
 */
public final class GraphDescriber {
  static final String PREPROCESSOR_LOOP = "Preprocessor/map/while";
  static final String NMS_LOOP = SsdSignature.NMS_SCOPE + "/map/while";
  static final String ANCHORS_NODE = "Concatenate/concat";

  private GraphDescriber() {}

  /** The exporter layout the graph matches and the facts that decided it ({@link SsdGraphRoles#layout()}). */
  public static SsdGraphRoles.Layout layout(LoadedModel model) {
    return new SsdGraphRoles(model.graphDef()).layout();
  }

  /** The pieces the TensorRT conversion needs that the graph lacks; empty when it can be converted. */
  public static java.util.List<String> missingForTensorRt(LoadedModel model) {
    return new SsdGraphRoles(model.graphDef()).missingForTensorRt();
  }

  public static ModelDescription describe(LoadedModel model) {
    GraphDef graph = model.graphDef();
    TreeMap<String, Integer> ops = new TreeMap<>();
    TreeMap<String, Integer> scopes = new TreeMap<>();
    int preLoop = 0;
    int nmsLoop = 0;
    int nmsConsts = 0;
    int bn = 0;
    long trainable = 0;
    long moving = 0;
    String nmsOp = "none";
    for (NodeDef n : graph.getNodeList()) {
      String name = n.getName();
      ops.merge(n.getOp(), 1, Integer::sum);
      int slash = name.indexOf('/');
      scopes.merge(slash < 0 ? name : name.substring(0, slash), 1, Integer::sum);
      if (SsdSignature.inScope(name, PREPROCESSOR_LOOP)) {
        preLoop++;
      }
      if (SsdSignature.inScope(name, NMS_LOOP)) {
        nmsLoop++;
        if (n.getOp().equals("Const")) {
          nmsConsts++;
        }
      }
      if (n.getOp().startsWith("NonMaxSuppression")) {
        nmsOp = n.getOp();
      }
      if (name.endsWith("BatchNorm/batchnorm/Rsqrt") || n.getOp().startsWith("FusedBatchNorm")) {
        bn++;
      }
      if (n.getOp().equals("Const")) {
        long count = elements(n);
        if (isTrainable(name)) {
          trainable += count;
        } else if (name.endsWith("/moving_mean") || name.endsWith("/moving_variance")) {
          moving += count;
        }
      }
    }
    int nms = 0;
    for (var e : ops.entrySet()) {
      if (e.getKey().startsWith("NonMaxSuppression")) {
        nms += e.getValue();
      }
    }
    long macs;
    long anchors;
    List<ModelDescription.Output> outputs = new ArrayList<>();
    try (Graph g = new Graph()) {
      g.importGraphDef(withKnownInput(graph));
      macs = convMacs(g);
      GraphOperation anchorOp = g.operation(ANCHORS_NODE);
      anchors = anchorOp == null ? -1 : dim(anchorOp.output(0).shape(), 0);
      for (String name : SsdSignature.OUTPUTS) {
        Output<?> out = g.operationOrThrow(name).output(0);
        List<Long> dims = new ArrayList<>();
        Shape s = out.shape();
        if (!s.isUnknown()) {
          for (int i = 0; i < s.numDimensions(); i++) {
            dims.add(s.get(i));
          }
        }
        outputs.add(new ModelDescription.Output(name, out.dataType().name(), dims));
      }
    }
    return new ModelDescription(model.source(), model.sha256(), graph.getNodeCount(), ops, scopes, preLoop, nmsLoop,
        nmsConsts, nms, nmsOp, ops.getOrDefault("Conv2D", 0), ops.getOrDefault("DepthwiseConv2dNative", 0),
        ops.getOrDefault("Relu6", 0), bn, anchors, macs, trainable, trainable + moving, outputs);
  }

  static boolean isTrainable(String name) {
    return name.endsWith("/weights") || name.endsWith("/depthwise_weights") || name.endsWith("/biases")
        || name.endsWith("/gamma") || name.endsWith("/beta");
  }

  private static long elements(NodeDef n) {
    AttrValue v = n.getAttrMap().get("value");
    return v == null ? 0 : TensorValues.elementCount(v.getTensor());
  }

  /** The graph with {@code image_tensor}'s unknown dimensions set to [1, 300, 300, 3]. */
  static GraphDef withKnownInput(GraphDef graph) {
    GraphDef.Builder b = graph.toBuilder();
    for (int i = 0; i < b.getNodeCount(); i++) {
      NodeDef n = b.getNode(i);
      if (!n.getName().equals(SsdSignature.INPUT)) {
        continue;
      }
      AttrValue shape = n.getAttrMap().get("shape");
      boolean unknown = shape == null || shape.getShape().getUnknownRank()
          || shape.getShape().getDimList().stream().anyMatch(d -> d.getSize() < 0);
      if (unknown) {
        b.setNode(i, n.toBuilder().putAttr("shape",
            AttrValue.newBuilder().setShape(ConstTensors.shape(1, 300, 300, 3)).build()));
      }
    }
    return b.build();
  }

  private static long convMacs(Graph g) {
    long total = 0;
    var it = g.operations();
    while (it.hasNext()) {
      GraphOperation op = it.next();
      boolean conv = op.type().equals("Conv2D");
      boolean depthwise = op.type().equals("DepthwiseConv2dNative");
      if (!conv && !depthwise) {
        continue;
      }
      Shape out = op.output(0).shape();
      Shape filter = op.input(1).shape();
      // The batch dimension may be unknown (it comes from the Preprocessor loop); MACs are per image anyway.
      if (out.isUnknown() || out.numDimensions() != 4 || out.get(1) < 0 || out.get(2) < 0 || out.get(3) < 0
          || filter.isUnknown() || filter.hasUnknownDimension()) {
        return -1;
      }
      long perPosition = filter.get(0) * filter.get(1) * (conv ? filter.get(2) : 1);
      total += out.get(1) * out.get(2) * out.get(3) * perPosition;
    }
    return total;
  }

  private static long dim(Shape s, int i) {
    return s.isUnknown() || s.numDimensions() <= i ? -1 : s.get(i);
  }

}
