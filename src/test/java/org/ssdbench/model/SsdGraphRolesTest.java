package org.ssdbench.model;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.tensorflow.proto.GraphDef;
import org.tensorflow.proto.NodeDef;

/** Roles found by scope and op type, through pass-through nodes, on every generated layout. */
final class SsdGraphRolesTest {
  private static SsdGraphRoles roles(GeneratorOptions o) {
    return new SsdGraphRoles(TestGraphs.model(o).graphDef());
  }

  @Test
  void findsThePreNmsTensorsInThe2018LayoutAndThroughIdentityAndStopGradientInTheNewer() {
    SsdGraphRoles old = roles(TestGraphs.DEFAULT);
    assertThat(old.rawBoxEncodings()).contains("Squeeze");
    assertThat(old.classScores()).contains("Postprocessor/Slice");
    assertThat(old.decodedBoxesCandidates()).containsExactly("Postprocessor/Decode/transpose_1");
    SsdGraphRoles newer = roles(ExportLayoutTest.NEWER);
    assertThat(newer.rawBoxEncodings()).contains("Squeeze");
    // Sigmoid -> raw_box_scores (Identity) -> StopGradient -> Slice
    assertThat(newer.classScores()).contains("Postprocessor/Slice");
    assertThat(newer.decodedBoxesCandidates()).containsExactly("Postprocessor/Decode/transpose_1");
    assertThat(newer.missingForTensorRt()).isEmpty();
  }

  @Test
  void readsTheScoreThresholdFromTheNmsInputOrFromFilterGreaterThanForV2() {
    assertThat(roles(TestGraphs.DEFAULT).scoreThreshold()).get()
        .satisfies(t -> assertThat(t.value()).isEqualTo(0.3f))
        .satisfies(t -> assertThat(t.origin()).endsWith("non_max_suppression/NonMaxSuppressionV3 input 4"));
    assertThat(roles(ExportLayoutTest.NEWER).scoreThreshold()).get()
        .satisfies(t -> assertThat(t.origin()).endsWith("NonMaxSuppressionV5 input 4"));
    SsdGraphRoles v2 = new SsdGraphRoles(SsdGraphGenerator.generate(
        GeneratorOptions.defaults().withNms(NmsVersion.V2).withScoreThreshold(1e-8f)));
    assertThat(v2.scoreThreshold()).get()
        .satisfies(t -> assertThat(t.value()).isEqualTo(1e-8f))
        .satisfies(t -> assertThat(t.origin()).endsWith("FilterGreaterThan/Greater"));
  }

  @Test
  void recognisesEachLayoutAndSaysWhatMatched() {
    assertThat(roles(TestGraphs.DEFAULT).layout().name()).isEqualTo("2018");
    SsdGraphRoles.Layout newer = roles(ExportLayoutTest.NEWER).layout();
    assertThat(newer.name()).isEqualTo("2019");
    assertThat(newer.matched()).contains("64 FusedBatchNormV3", "90 NonMaxSuppressionV5 (soft_nms_sigma 0.0)",
        "loops unrolled (1 MultiClassNonMaxSuppression blocks)", "input [1, 300, 300, 3]");
    SsdGraphRoles.Layout dynamic = roles(ExportLayoutTest.DYNAMIC).layout();
    assertThat(dynamic.name()).isEqualTo("2019-dynamic");
    assertThat(dynamic.matched()).contains("input [?, ?, ?, 3]");
  }

  @Test
  void aGraphWithPiecesOfBothLayoutsIsMixed() {
    GraphDef.Builder b = TestGraphs.model(TestGraphs.DEFAULT).graphDef().toBuilder();
    b.addNode(NodeDef.newBuilder().setName(ExportLayout.RAW_DETECTION_BOXES).setOp("Identity").addInput("Squeeze"));
    assertThat(new SsdGraphRoles(b.build()).layout().name()).isEqualTo("mixed");
  }

  @Test
  void namesEveryPieceTensorRtNeedsThatIsMissing() {
    GraphDef empty = GraphDef.newBuilder()
        .addNode(NodeDef.newBuilder().setName(SsdSignature.INPUT).setOp("Placeholder")).build();
    List<String> missing = new SsdGraphRoles(empty).missingForTensorRt();
    assertThat(String.join("\n", missing)).contains("convolutional box predictor").contains("sigmoid score converter")
        .contains("faster_rcnn box coder (no nodes under scope 'Postprocessor/Decode')")
        .contains("anchor generator output").contains("NonMaxSuppression op");
  }
}
