package org.ssdbench.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.data.Percentage.withPercentage;

import java.util.List;
import org.junit.jupiter.api.Test;

final class GeneratedGraphStructureTest {
  private final ModelDescription d = TestGraphs.description(TestGraphs.DEFAULT);

  @Test
  void nodeCountIsWithinTenPercentOfTheExport() {
    assertThat(d.nodeCount()).isCloseTo(ReferenceFigures.NODES, withPercentage(10));
  }

  @Test
  void hasNinetyNonMaxSuppressionV3Ops() {
    assertThat(d.nmsOps()).isEqualTo(90);
    assertThat(d.nmsOp()).isEqualTo("NonMaxSuppressionV3");
  }

  @Test
  void hasTheBackboneAndHeadLayerCounts() {
    assertThat(d.conv2d()).isEqualTo(55);
    assertThat(d.depthwise()).isEqualTo(21);
    assertThat(d.relu6()).isEqualTo(47);
    assertThat(d.batchNorms()).isEqualTo(64);
    assertThat(d.ops("Rsqrt")).isEqualTo(64);
    assertThat(d.ops("BiasAdd")).isEqualTo(12);
  }

  @Test
  void hasTheGathersAndConcatsOfTheUnrolledNms() {
    assertThat(d.ops("GatherV2")).isGreaterThanOrEqualTo(540);
    assertThat(d.ops("ConcatV2")).isGreaterThanOrEqualTo(140);
    assertThat(d.ops("Select")).isPositive();
    assertThat(d.ops("Gather")).isZero();
    assertThat(d.ops("SelectV2")).isZero();
  }

  @Test
  void opHistogramFollowsTheExport() {
    for (String op : List.of("Const", "Identity", "Minimum", "Maximum", "Reshape", "Mul", "Add", "Sub", "Cast",
        "Greater", "Where", "Split", "Slice", "StridedSlice", "Pack", "Shape", "Unpack", "Squeeze", "ZerosLike")) {
      assertThat(d.ops(op)).as(op).isCloseTo(ReferenceFigures.OPS.get(op), withPercentage(15));
    }
    assertThat(d.ops("TensorArrayV3")).isEqualTo(11);
    assertThat(d.ops("TopKV2")).isEqualTo(1);
    assertThat(d.ops("ResizeBilinear")).isEqualTo(1);
  }

  @Test
  void scopesHoldRoughlyTheExportsNodeCounts() {
    assertThat(d.scopeNodes("FeatureExtractor")).isCloseTo(ReferenceFigures.FEATURE_EXTRACTOR_NODES, withPercentage(5));
    assertThat(d.scopeNodes("BoxPredictor_")).isEqualTo(ReferenceFigures.BOX_PREDICTOR_NODES);
    assertThat(d.scopeNodes("MultipleGridAnchorGenerator"))
        .isCloseTo(ReferenceFigures.ANCHOR_GENERATOR_NODES, withPercentage(5));
    assertThat(d.nmsLoopNodes()).isCloseTo(ReferenceFigures.NMS_LOOP_NODES, withPercentage(5));
    assertThat(d.preprocessorLoopNodes()).isCloseTo(ReferenceFigures.PREPROCESSOR_LOOP_NODES, withPercentage(20));
  }

  @Test
  void convolutionMultiplyAddsAreWithinOnePercent() {
    assertThat(d.convMacs()).isCloseTo(ReferenceFigures.CONV_MACS, withPercentage(1));
  }

  @Test
  void trainableParametersAreWithinOnePermille() {
    assertThat(d.trainableParams()).isCloseTo(ReferenceFigures.TRAINABLE_PARAMS, withPercentage(0.1));
    assertThat(d.paramsWithMovingStats())
        .isCloseTo(ReferenceFigures.PARAMS_WITH_MOVING_STATS, withPercentage(0.1));
  }

  @Test
  void anchorsAre1917Rows() {
    assertThat(d.anchors()).isEqualTo(1917);
  }

  @Test
  void outputsHaveTheExportsNamesDtypesAndShapes() {
    assertThat(d.outputs()).extracting(ModelDescription.Output::name).containsExactlyElementsOf(SsdSignature.OUTPUTS);
    assertThat(d.outputs()).extracting(ModelDescription.Output::dtype).containsOnly("DT_FLOAT");
    // The batch dimension comes from TensorArraySizeV3 at run time, so shape inference leaves it unknown (-1),
    // as in the export; the run-time shapes are checked in GeneratedGraphInferenceTest.
    assertThat(d.outputs().get(0).shape()).containsExactly(-1L, 100L, 4L);
    assertThat(d.outputs().get(1).shape()).containsExactly(-1L, 100L);
    assertThat(d.outputs().get(2).shape()).containsExactly(-1L, 100L);
    assertThat(d.outputs().get(3).shape()).containsExactly(-1L);
  }

  @Test
  void inputIsFixedUint8OfTheRequestedBatch() {
    var input = TestGraphs.model(TestGraphs.DEFAULT).graphDef().getNodeList().stream()
        .filter(n -> n.getName().equals(SsdSignature.INPUT)).findFirst().orElseThrow();
    assertThat(input.getOp()).isEqualTo("Placeholder");
    assertThat(input.getAttrOrThrow("dtype").getType().name()).isEqualTo("DT_UINT8");
    assertThat(input.getAttrOrThrow("shape").getShape().getDimList())
        .extracting(org.tensorflow.proto.TensorShapeProto.Dim::getSize).containsExactly(1L, 300L, 300L, 3L);
  }

  @Test
  void weightsAreReadThroughIdentitiesAndNoNodeIsPlaced() {
    var nodes = TestGraphs.model(TestGraphs.DEFAULT).graphDef().getNodeList();
    assertThat(nodes).filteredOn(n -> n.getName().equals("FeatureExtractor/MobilenetV2/Conv/weights/read"))
        .singleElement().satisfies(n -> {
          assertThat(n.getOp()).isEqualTo("Identity");
          assertThat(n.getInputList()).containsExactly("FeatureExtractor/MobilenetV2/Conv/weights");
        });
    assertThat(nodes).allSatisfy(n -> assertThat(n.getDevice()).isEmpty());
  }

  @Test
  void constsInsideTheNmsLoopHangOnItsPivot() {
    var nodes = TestGraphs.model(TestGraphs.DEFAULT).graphDef().getNodeList();
    String prefix = GraphDescriber.NMS_LOOP + "/MultiClassNonMaxSuppression/non_max_suppression_5/";
    assertThat(nodes).filteredOn(n -> n.getName().equals(prefix + "iou_threshold")).singleElement()
        .satisfies(n -> assertThat(n.getInputList()).containsExactly("^" + GraphDescriber.NMS_LOOP + "/Identity"));
    assertThat(nodes).filteredOn(n -> n.getName().equals(prefix + "NonMaxSuppressionV3")).hasSize(1);
  }

  @Test
  void nmsV2OptionEmitsTheOlderOpWithoutScoreThreshold() {
    ModelDescription v2 = GraphDescriber.describe(ModelLoader.generate(TestGraphs.DEFAULT.withNms(NmsVersion.V2)));
    assertThat(v2.nmsOp()).isEqualTo("NonMaxSuppressionV2");
    assertThat(v2.nmsOps()).isEqualTo(90);
    assertThat(v2.ops("NonMaxSuppressionV3")).isZero();
    assertThat(v2.ops("Const")).isEqualTo(d.ops("Const") - 90);
  }

  @Test
  void otherInputSizesAreResizedTo300() {
    ModelDescription d2 = GraphDescriber.describe(ModelLoader.generate(TestGraphs.DEFAULT.withInputSize(480, 640)));
    assertThat(d2.convMacs()).isEqualTo(d.convMacs());
    assertThat(d2.anchors()).isEqualTo(1917);
    assertThat(d2.nodeCount()).isEqualTo(d.nodeCount());
  }
}
