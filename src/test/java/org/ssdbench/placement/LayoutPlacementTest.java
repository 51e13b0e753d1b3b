package org.ssdbench.placement;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.ssdbench.model.ExportLayout;
import org.ssdbench.model.GeneratorOptions;
import org.ssdbench.model.SsdGraphGenerator;
import org.ssdbench.model.SsdSignature;
import org.tensorflow.proto.GraphDef;
import org.tensorflow.proto.NodeDef;

/**
 * The placement rules on every generated exporter layout (batch 1): how many nodes each configuration pins to the CPU and
 * leaves to TF, and that the NMS ops and the NMS scope, whatever their spelling, are where the configuration says.
 */
final class LayoutPlacementTest {
  private static Map<String, Long> perDevice(GraphDef placed) {
    Map<String, Long> out = new TreeMap<>();
    for (NodeDef n : placed.getNodeList()) {
      out.merge(n.getDevice().isEmpty() ? "default" : n.getDevice(), 1L, Long::sum);
    }
    return out;
  }

  @ParameterizedTest
  @CsvSource({
      "2018, 8568, 5951",
      "2019, 8656, 6534",
      "2019-dynamic, 8861, 6684"})
  void pinsTheNodeCountsOfEachConfigurationAndTheNmsOpsOfEveryVersion(String layoutName, long nodes, long nmsScope) {
    GraphDef graph = SsdGraphGenerator.generate(GeneratorOptions.defaults().withLayout(ExportLayout.byName(layoutName)));
    String cpu = Placement.CPU_DEVICE;
    assertThat(perDevice(Placement.TF_CPU.apply(graph))).containsExactly(Map.entry(cpu, nodes));
    assertThat(perDevice(Placement.TF_GPU.apply(graph))).containsExactly(Map.entry("default", nodes));
    GraphDef postproc = Placement.TF_GPU_POSTPROC_CPU.apply(graph);
    assertThat(perDevice(postproc)).containsExactly(Map.entry(cpu, nmsScope), Map.entry("default", nodes - nmsScope));
    assertThat(perDevice(Placement.TF_GPU_NMS_CPU.apply(graph)))
        .containsExactly(Map.entry(cpu, 90L), Map.entry("default", nodes - 90));
    for (NodeDef n : postproc.getNodeList()) {
      boolean pinned = !n.getDevice().isEmpty();
      if (n.getOp().startsWith("NonMaxSuppression") || n.getOp().equals("TopKV2")) {
        assertThat(pinned).as(n.getName()).isTrue();
      }
      if (SsdSignature.inScope(n.getName(), SsdSignature.FEATURE_EXTRACTOR_SCOPE)
          || SsdSignature.inScope(n.getName(), SsdSignature.PREPROCESSOR_SCOPE)
          || n.getName().startsWith("Postprocessor/raw_box") || n.getName().startsWith("raw_detection")) {
        assertThat(pinned).as(n.getName()).isFalse();
      }
    }
  }
}
