package org.ssdbench.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.assertj.core.data.Offset;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.tensorflow.Result;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.ndarray.buffer.DataBuffers;
import org.tensorflow.proto.GraphDef;
import org.tensorflow.proto.NodeDef;
import org.tensorflow.types.TFloat32;
import org.tensorflow.types.TUint8;

/** The newer exporter layouts: their structure, and that they compute what the 2018 layout computes. */
final class ExportLayoutTest {
  static final GeneratorOptions NEWER = GeneratorOptions.defaults().withLayout(ExportLayout.EXPORT_2019);
  static final GeneratorOptions DYNAMIC = GeneratorOptions.defaults().withLayout(ExportLayout.EXPORT_2019_DYNAMIC);
  static final GeneratorOptions NEWER_V4 = NEWER.withNms(NmsVersion.V4);

  private static Map<String, Integer> ops(GraphDef g) {
    return g.getNodeList().stream().collect(Collectors.toMap(NodeDef::getOp, n -> 1, Integer::sum));
  }

  private static boolean has(GraphDef g, String name) {
    return g.getNodeList().stream().anyMatch(n -> n.getName().equals(name));
  }

  private static long under(GraphDef g, String scope) {
    return g.getNodeList().stream().filter(n -> SsdSignature.inScope(n.getName(), scope)).count();
  }

  @Test
  void newerLayoutFusesBatchNormAddsIdentitiesAndExtraOutputsAndUnrollsTheLoops() {
    GraphDef g = TestGraphs.model(NEWER).graphDef();
    Map<String, Integer> ops = ops(g);
    assertThat(ops).containsEntry("FusedBatchNormV3", 64).containsEntry("NonMaxSuppressionV5", 90)
        .containsEntry("StopGradient", 1).doesNotContainKeys("Rsqrt", "NonMaxSuppressionV3", "TensorArrayV3", "Enter");
    assertThat(List.of("Postprocessor/raw_box_encodings", "Postprocessor/raw_box_locations",
        "Postprocessor/raw_box_scores", "Preprocessor/ResizeImage/resize_images/ResizeBilinear",
        ExportLayout.RAW_DETECTION_BOXES, ExportLayout.RAW_DETECTION_SCORES, ExportLayout.DETECTION_MULTICLASS_SCORES))
        .allSatisfy(n -> assertThat(has(g, n)).as(n).isTrue());
    assertThat(under(g, "Preprocessor/map")).isZero();
    assertThat(under(g, SsdSignature.NMS_SCOPE + "/map")).isZero();
    assertThat(under(g, SsdSignature.NMS_SCOPE + "/MultiClassNonMaxSuppression")).isGreaterThan(5000);
  }

  @Test
  void dynamicLayoutKeepsBothWhileLoopsWithTheResizeInsideAndAnUnknownInputShape() {
    GraphDef g = TestGraphs.model(DYNAMIC).graphDef();
    NodeDef input = g.getNodeList().stream().filter(n -> n.getName().equals(SsdSignature.INPUT)).findFirst().orElseThrow();
    assertThat(input.getAttrOrThrow("shape").getShape().getDimList()).extracting(d -> d.getSize())
        .containsExactly(-1L, -1L, -1L, 3L);
    assertThat(has(g, "Preprocessor/map/while/ResizeImage/resize_images/ResizeBilinear")).isTrue();
    assertThat(under(g, SsdSignature.NMS_SCOPE + "/map/while")).isGreaterThan(5000);
    assertThat(ops(g)).containsEntry("FusedBatchNormV3", 64).containsEntry("NonMaxSuppressionV5", 90);
  }

  @Test
  void v4LayoutSlicesThePaddedIndicesToTheValidCount() {
    Map<String, Integer> ops = ops(TestGraphs.model(NEWER_V4).graphDef());
    assertThat(ops).containsEntry("NonMaxSuppressionV4", 90).doesNotContainKey("NonMaxSuppressionV5");
  }

  @ParameterizedTest
  @EnumSource(value = ExportLayout.class, names = {"EXPORT_2019", "EXPORT_2019_DYNAMIC"})
  void newerLayoutsDetectWhatThe2018LayoutDetects(ExportLayout layout) {
    ImageBatch image = SyntheticImage.create(1, 1, 300, 300);
    TestGraphs.Outputs expected = TestGraphs.run(TestGraphs.DEFAULT, image);
    TestGraphs.Outputs actual = TestGraphs.run(GeneratorOptions.defaults().withLayout(layout), image);
    assertThat(actual.num()).containsExactly(expected.num());
    assertThat(expected.num()[0]).isGreaterThan(0);
    assertThat(actual.boxShape()).containsExactly(1, 100, 4);
    assertThat(actual.scores()).containsExactly(expected.scores(), Offset.offset(1e-5f));
    assertThat(actual.classes()).containsExactly(expected.classes());
    assertThat(actual.boxes()).containsExactly(expected.boxes(), Offset.offset(1e-5f));
  }

  @Test
  void extraOutputsHoldTheRawBoxesAndScoresAndTheDetectionsMulticlassRows() {
    ImageBatch image = SyntheticImage.create(1, 1, 300, 300);
    TestGraphs.Outputs detections = TestGraphs.run(NEWER, image);
    try (TUint8 in = TUint8.tensorOf(Shape.of(image.shape()), DataBuffers.of(image.pixels(), true, false));
        Result r = TestGraphs.session(NEWER).session().runner().feed(SsdSignature.INPUT, in)
            .fetch(ExportLayout.RAW_DETECTION_BOXES).fetch(ExportLayout.RAW_DETECTION_SCORES)
            .fetch(ExportLayout.DETECTION_MULTICLASS_SCORES).run()) {
      assertThat(r.get(0).shape().asArray()).containsExactly(1, SsdSignature.NUM_ANCHORS, 4);
      assertThat(r.get(1).shape().asArray()).containsExactly(1, SsdSignature.NUM_ANCHORS, 91);
      assertThat(r.get(2).shape().asArray()).containsExactly(1, 100, 91);
      TFloat32 multi = (TFloat32) r.get(2);
      int n = (int) detections.num()[0];
      for (int i = 0; i < n; i++) {
        int cls = (int) detections.classes()[i];
        // detection_classes is class + 1, which is the column of that class in the 91 scores with background
        assertThat(multi.getFloat(0, i, cls)).as("row %d", i).isCloseTo(detections.scores()[i], Offset.offset(1e-6f));
      }
      assertThat(multi.getFloat(0, n, 5)).isZero();
    }
  }

  @Test
  void softNmsSigmaNeedsV5AndLayoutNamesAreListed() {
    assertThatThrownBy(() -> GeneratorOptions.defaults().withSoftNmsSigma(0.5f))
        .hasMessageContaining("sigma 0.5").hasMessageContaining("V5").hasMessageContaining("V3");
    assertThatThrownBy(() -> ExportLayout.byName("2020")).hasMessageContaining("'2020'")
        .hasMessageContaining("2018, 2019, 2019-dynamic");
    assertThat(NEWER.withSoftNmsSigma(0.5f).describe())
        .isEqualTo("generated(seed=42,batch=1,threshold=0.3,nms=V5,soft_nms_sigma=0.5,layout=2019)");
  }
}
