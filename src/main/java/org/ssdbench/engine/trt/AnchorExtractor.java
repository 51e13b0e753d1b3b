package org.ssdbench.engine.trt;

import java.util.List;
import org.ssdbench.engine.tf.SessionSettings;
import org.ssdbench.model.SsdSignature;
import org.tensorflow.Graph;
import org.tensorflow.Result;
import org.tensorflow.Session;
import org.tensorflow.Tensor;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.ndarray.buffer.DataBuffers;
import org.tensorflow.proto.GraphDef;
import org.tensorflow.proto.NodeDef;
import org.tensorflow.types.TFloat32;
import org.tensorflow.types.TUint8;

/**
 * Evaluates the graph's anchors once, in a TensorFlow CPU session: the anchor generator is a subgraph of ops
 * (scope {@code MultipleGridAnchorGenerator}, joined by {@code Concatenate/concat}), not a constant, so it is run rather
 * than re-derived. Where the generator depends on feature-map shapes, a blank image of the network's size is fed to
 * {@code image_tensor}; only the ops the anchors need run.
 */
public final class AnchorExtractor {
  /** The node that joins the per-layer anchors in the Object Detection export. */
  public static final String ANCHORS_NODE = "Concatenate/concat";

  private AnchorExtractor() {}

  /** The anchors as {@code [N * 4]} ymin, xmin, ymax, xmax (normalised). */
  public static float[] evaluate(GraphDef graphDef, int[] inputSize) {
    String fetch = anchorNode(new GraphIndex(graphDef));
    try (Graph graph = new Graph()) {
      graph.importGraphDef(graphDef);
      try (Session session = new Session(graph, SessionSettings.cpu().toConfigProto());
          TUint8 image = TUint8.tensorOf(Shape.of(1, inputSize[0], inputSize[1], 3),
              DataBuffers.of(new byte[inputSize[0] * inputSize[1] * 3]))) {
        Session.Runner runner = session.runner();
        if (graph.operation(SsdSignature.INPUT) != null) {
          runner.feed(SsdSignature.INPUT, image);
        }
        try (Result result = runner.fetch(fetch).run()) {
          Tensor t = result.get(0);
          if (!(t instanceof TFloat32 anchors) || t.shape().numDimensions() != 2 || t.shape().get(1) != 4) {
            throw new NotSsdGraphException("anchors node '%s' gave %s %s; expected float [N, 4]"
                .formatted(fetch, t.dataType(), t.shape()));
          }
          float[] out = new float[(int) t.shape().size()];
          anchors.copyTo(DataBuffers.of(out, false, false));
          return out;
        }
      }
    }
  }

  /** {@code Concatenate/concat}, else the node of the anchor scope that something outside the scope reads. */
  static String anchorNode(GraphIndex graph) {
    if (graph.find(ANCHORS_NODE).isPresent()) {
      return ANCHORS_NODE;
    }
    List<String> outputs = graph.all().stream()
        .map(NodeDef::getName)
        .filter(n -> SsdSignature.inScope(n, SsdSignature.ANCHOR_SCOPE))
        .filter(n -> graph.consumers(n).stream().anyMatch(c -> !SsdSignature.inScope(c, SsdSignature.ANCHOR_SCOPE)))
        .sorted()
        .toList();
    if (outputs.size() != 1) {
      throw new NotSsdGraphException(
          "node '%s' not found, and scope '%s' has %d outputs %s (expected one: the anchors [N, 4])"
              .formatted(ANCHORS_NODE, SsdSignature.ANCHOR_SCOPE, outputs.size(), outputs));
    }
    return outputs.get(0);
  }
}
