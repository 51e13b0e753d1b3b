package org.ssdbench.model;

import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * The figures of a frozen SSD graph, computed from its GraphDef by {@link GraphDescriber}: counts of nodes and ops, the
 * nodes under each top-level scope and under the two loops, the NMS op, the layer counts, the anchors, the convolution
 * multiply-adds per image, the parameters and the outputs.
 *
 * @param nmsOp the NonMaxSuppression op type found ({@code NonMaxSuppressionV2}, {@code NonMaxSuppressionV3}, ...)
 * @param anchors rows of {@code Concatenate/concat}'s static shape, -1 when unknown
 * @param convMacs multiply-adds of all Conv2D and DepthwiseConv2dNative ops for one 300x300 image, -1 when a shape is
 *     unknown
 * @param trainableParams elements of the Consts named weights, depthwise_weights, biases, gamma and beta
 * @param paramsWithMovingStats the above plus moving_mean and moving_variance
 */
public record ModelDescription(
    String source,
    String sha256,
    int nodeCount,
    SortedMap<String, Integer> opHistogram,
    SortedMap<String, Integer> nodesPerScope,
    int preprocessorLoopNodes,
    int nmsLoopNodes,
    int nmsLoopConsts,
    int nmsOps,
    String nmsOp,
    int conv2d,
    int depthwise,
    int relu6,
    int batchNorms,
    long anchors,
    long convMacs,
    long trainableParams,
    long paramsWithMovingStats,
    List<Output> outputs) {

  /** One model output as the graph declares it; -1 marks a dimension that shape inference leaves unknown. */
  public record Output(String name, String dtype, List<Long> shape) {}

  public ModelDescription {
    opHistogram = java.util.Collections.unmodifiableSortedMap(new TreeMap<>(opHistogram));
    nodesPerScope = java.util.Collections.unmodifiableSortedMap(new TreeMap<>(nodesPerScope));
    outputs = List.copyOf(outputs);
  }

  public int ops(String type) {
    return opHistogram.getOrDefault(type, 0);
  }

  /** Nodes under top-level scopes starting with {@code prefix} (e.g. {@code BoxPredictor} sums BoxPredictor_0..5). */
  public int scopeNodes(String prefix) {
    int n = 0;
    for (Map.Entry<String, Integer> e : nodesPerScope.entrySet()) {
      if (e.getKey().startsWith(prefix)) {
        n += e.getValue();
      }
    }
    return n;
  }
}
