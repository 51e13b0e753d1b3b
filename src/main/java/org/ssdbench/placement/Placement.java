package org.ssdbench.placement;

import java.util.Arrays;
import java.util.List;
import java.util.function.Predicate;
import org.ssdbench.model.SsdSignature;
import org.tensorflow.proto.GraphDef;
import org.tensorflow.proto.NodeDef;

/**
 * The article's TensorFlow configurations, each a pure rewrite of a GraphDef's {@code NodeDef.device} fields done before the
 * graph is imported. Nodes are chosen by scope or op type, never by position, so the 2018 zoo export and a re-export (or our
 * generated graph) are handled alike.
 */
public enum Placement {
  /** Everything on the CPU: the baseline, and all that runs on a machine without a GPU. */
  TF_CPU("tf-cpu", false, node -> true),
  /** The export as it is: TF's default placement (GPU wherever a kernel exists) with soft placement. The article's step 0. */
  TF_GPU("tf-gpu", true, node -> false),
  /** Every node under the Postprocessor's BatchMultiClassNonMaxSuppression scope on the CPU. The article's step 1. */
  TF_GPU_POSTPROC_CPU("tf-gpu-postproc-cpu", true, node -> SsdSignature.inScope(node.getName(), SsdSignature.NMS_SCOPE)),
  /**
   * Only the NonMaxSuppression ops on the CPU: what TF 1.x did for lack of a GPU kernel. TF 2.18 has a GPU kernel for V3, so
   * this isolates the cost of the round trips the article saw.
   */
  TF_GPU_NMS_CPU("tf-gpu-nms-cpu", true, node -> node.getOp().startsWith("NonMaxSuppression"));

  public static final String CPU_DEVICE = "/device:CPU:0";

  private final String configName;
  private final boolean usesGpu;
  private final Predicate<NodeDef> pinnedToCpu;

  Placement(String configName, boolean usesGpu, Predicate<NodeDef> pinnedToCpu) {
    this.configName = configName;
    this.usesGpu = usesGpu;
    this.pinnedToCpu = pinnedToCpu;
  }

  /** The name used in results and on the command line, e.g. {@code tf-gpu-postproc-cpu}. */
  public String configName() {
    return configName;
  }

  /** Whether this configuration needs a GPU; {@link #TF_CPU} is the only one that runs without. */
  public boolean usesGpu() {
    return usesGpu;
  }

  /** Whether this rule pins {@code node} to the CPU. */
  public boolean pinsToCpu(NodeDef node) {
    return pinnedToCpu.test(node);
  }

  /**
   * Returns a copy of {@code graph} with this configuration's nodes pinned to {@link #CPU_DEVICE}. Device fields of the other
   * nodes are kept as the export wrote them (empty in the zoo's files), so TF places them.
   */
  public GraphDef apply(GraphDef graph) {
    GraphDef.Builder out = graph.toBuilder();
    for (int i = 0; i < out.getNodeCount(); i++) {
      NodeDef node = out.getNode(i);
      if (pinnedToCpu.test(node)) {
        out.setNode(i, node.toBuilder().setDevice(CPU_DEVICE));
      }
    }
    return out.build();
  }

  /** How many nodes of {@code graph} this rule pins to the CPU. */
  public long pinnedCount(GraphDef graph) {
    return graph.getNodeList().stream().filter(pinnedToCpu).count();
  }

  public static Placement byName(String name) {
    for (Placement p : values()) {
      if (p.configName.equals(name)) {
        return p;
      }
    }
    throw new IllegalArgumentException(
        "Unknown TensorFlow configuration '%s'; available: %s".formatted(name, names()));
  }

  public static List<String> names() {
    return Arrays.stream(values()).map(Placement::configName).toList();
  }
}
