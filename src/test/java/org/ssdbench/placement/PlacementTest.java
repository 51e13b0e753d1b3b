package org.ssdbench.placement;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.tensorflow.proto.GraphDef;
import org.tensorflow.proto.NodeDef;

final class PlacementTest {
  private static final String NMS = "Postprocessor/BatchMultiClassNonMaxSuppression";

  /** A few nodes named as in both the 2018 export and a re-export, including look-alike names just outside the scope. */
  private static GraphDef graph() {
    return GraphDef.newBuilder()
        .addNode(node("image_tensor", "Placeholder"))
        .addNode(node("FeatureExtractor/MobilenetV2/Conv/Conv2D", "Conv2D"))
        .addNode(node(NMS + "/map/while/MultiClassNonMaxSuppression/non_max_suppression/NonMaxSuppressionV3",
            "NonMaxSuppressionV3"))
        .addNode(node(NMS + "/map/while/MultiClassNonMaxSuppression/non_max_suppression_1/NonMaxSuppressionV2",
            "NonMaxSuppressionV2"))
        .addNode(node(NMS + "/map/while/MultiClassNonMaxSuppression/FilterGreaterThan/Where", "Where"))
        .addNode(node(NMS, "NoOp"))
        .addNode(node(NMS + "Extra/Identity", "Identity"))
        .addNode(node("Postprocessor/Decode/transpose", "Transpose"))
        .addNode(node("detection_boxes", "Identity"))
        .build();
  }

  private static NodeDef node(String name, String op) {
    return NodeDef.newBuilder().setName(name).setOp(op).build();
  }

  private static Map<String, String> devices(GraphDef g) {
    return g.getNodeList().stream().collect(Collectors.toMap(NodeDef::getName, NodeDef::getDevice));
  }

  @Test
  void cpuPinsEveryNode() {
    GraphDef placed = Placement.TF_CPU.apply(graph());
    assertThat(devices(placed).values()).containsOnly(Placement.CPU_DEVICE);
  }

  @Test
  void gpuLeavesTheExportAsItIs() {
    assertThat(Placement.TF_GPU.apply(graph())).isEqualTo(graph());
  }

  @Test
  void postprocCpuPinsExactlyTheNodesUnderTheNmsScope() {
    Map<String, String> d = devices(Placement.TF_GPU_POSTPROC_CPU.apply(graph()));
    assertThat(d.entrySet().stream().filter(e -> !e.getValue().isEmpty()).map(Map.Entry::getKey))
        .containsExactlyInAnyOrder(
            NMS,
            NMS + "/map/while/MultiClassNonMaxSuppression/non_max_suppression/NonMaxSuppressionV3",
            NMS + "/map/while/MultiClassNonMaxSuppression/non_max_suppression_1/NonMaxSuppressionV2",
            NMS + "/map/while/MultiClassNonMaxSuppression/FilterGreaterThan/Where");
    assertThat(d.get(NMS + "Extra/Identity")).isEmpty();
    assertThat(d.get("Postprocessor/Decode/transpose")).isEmpty();
  }

  @Test
  void nmsCpuPinsOnlyNonMaxSuppressionOpsOfAnyVersion() {
    GraphDef placed = Placement.TF_GPU_NMS_CPU.apply(graph());
    assertThat(placed.getNodeList().stream().filter(n -> !n.getDevice().isEmpty()).map(NodeDef::getOp))
        .containsExactlyInAnyOrder("NonMaxSuppressionV3", "NonMaxSuppressionV2");
    assertThat(Placement.TF_GPU_NMS_CPU.pinnedCount(graph())).isEqualTo(2);
  }

  @Test
  void applyDoesNotChangeItsInput() {
    GraphDef original = graph();
    Placement.TF_CPU.apply(original);
    assertThat(devices(original).values()).containsOnly("");
  }

  @Test
  void onlyTheCpuConfigurationRunsWithoutAGpu() {
    assertThat(Placement.values()).filteredOn(p -> !p.usesGpu()).containsExactly(Placement.TF_CPU);
  }

  @Test
  void unknownNameListsTheValidOnes() {
    assertThatThrownBy(() -> Placement.byName("trt-cpu"))
        .hasMessageContaining("'trt-cpu'")
        .hasMessageContaining("tf-cpu, tf-gpu, tf-gpu-postproc-cpu, tf-gpu-nms-cpu");
    assertThat(Placement.byName("tf-gpu-postproc-cpu")).isEqualTo(Placement.TF_GPU_POSTPROC_CPU);
  }
}
