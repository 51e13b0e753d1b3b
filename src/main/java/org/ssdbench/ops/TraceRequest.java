package org.ssdbench.ops;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.ssdbench.model.SsdSignature;
import org.tensorflow.proto.AttrValue;
import org.tensorflow.proto.GraphDef;
import org.tensorflow.proto.NodeDef;
import org.tensorflow.proto.TensorShapeProto;

/**
 * What to feed and fetch in the one traced run that completes the shapes static inference leaves unknown (the number of
 * boxes after each {@code Where}, NMS output sizes) and counts how often each node runs.
 */
public record TraceRequest(Map<String, HostArray> feeds, List<String> fetches) {
  public TraceRequest {
    feeds = Map.copyOf(feeds);
    fetches = List.copyOf(fetches);
    if (fetches.isEmpty()) {
      throw new IllegalArgumentException("a traced run needs at least one fetch");
    }
  }

  /**
   * Feeds {@code image_tensor} of an SSD export with seeded random pixels (shape from the placeholder, unknown sizes taken
   * as batch 1 and 300x300) and fetches the four detection outputs.
   *
   * @throws IllegalArgumentException if the graph has no {@code image_tensor} placeholder
   */
  public static TraceRequest ssd(GraphDef graph, long seed) {
    NodeDef input = graph.getNodeList().stream()
        .filter(n -> n.getName().equals(SsdSignature.INPUT))
        .findFirst()
        .orElseThrow(() -> new IllegalArgumentException(
            "The graph has no '%s' node; it is not an SSD Object Detection export".formatted(SsdSignature.INPUT)));
    long[] dims = {1, 300, 300, 3};
    AttrValue shape = input.getAttrMap().get("shape");
    if (shape != null && !shape.getShape().getUnknownRank() && shape.getShape().getDimCount() == 4) {
      List<TensorShapeProto.Dim> d = shape.getShape().getDimList();
      for (int i = 0; i < 3; i++) {
        if (d.get(i).getSize() > 0) {
          dims[i] = d.get(i).getSize();
        }
      }
    }
    byte[] pixels = new byte[Math.toIntExact(dims[0] * dims[1] * dims[2] * dims[3])];
    new Random(seed).nextBytes(pixels);
    Map<String, HostArray> feeds = new LinkedHashMap<>();
    feeds.put(SsdSignature.INPUT, new HostArray(TensorSpec.of(DType.U8, dims), pixels));
    return new TraceRequest(feeds, SsdSignature.OUTPUTS);
  }
}
