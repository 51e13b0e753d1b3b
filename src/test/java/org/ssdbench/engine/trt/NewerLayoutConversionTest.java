package org.ssdbench.engine.trt;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.api.Test;
import org.ssdbench.model.ExportLayout;
import org.ssdbench.model.GeneratorOptions;
import org.ssdbench.model.ImageBatch;
import org.ssdbench.model.NmsVersion;
import org.ssdbench.model.SsdGraphGenerator;
import org.ssdbench.model.SsdSignature;
import org.ssdbench.placement.Placement;
import org.tensorflow.Graph;
import org.tensorflow.Result;
import org.tensorflow.Session;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.ndarray.buffer.DataBuffers;
import org.tensorflow.proto.GraphDef;
import org.tensorflow.proto.NodeDef;
import org.tensorflow.types.TUint8;

/**
 * The converter and the TF CPU reference on the exporter layouts after 2019: Identity/StopGradient in the postprocessor,
 * FusedBatchNormV3, NonMaxSuppressionV4/V5, unrolled loops or a dynamic input. Batch 1 keeps the CPU work small.
 */
final class NewerLayoutConversionTest {
  @ParameterizedTest
  @EnumSource(value = ExportLayout.class, names = {"EXPORT_2019", "EXPORT_2019_DYNAMIC"})
  void convertsAndMatchesTfBeforeNmsAndTheReferenceComputesDetections(ExportLayout layout) {
    GraphDef graph = SsdGraphGenerator.generate(GeneratorOptions.defaults().withLayout(layout));
    NetworkDescription d = SsdGraphConverter.convert(graph, layout.cliName());
    assertThat(d.numAnchors()).isEqualTo(SsdSignature.NUM_ANCHORS);
    // the same network as the 2018 layout: 76 convolutions with FusedBatchNormV3 folded, 48 clips, 16 elementwise
    assertThat(d.layerCounts()).containsEntry("Conv", 76).containsEntry("Clip", 48).containsEntry("ElementWise", 16);
    assertThat(d.nms().scoreThreshold()).isEqualTo(0.3f);
    assertThat(d.nms().iouThreshold()).isEqualTo(0.6f);
    assertThat(d.nms().maxPerClass()).isEqualTo(100);
    assertThat(d.nms().origin()).contains("NonMaxSuppressionV5 input 4");

    ImageBatch images = CalibrationImages.generate(1, 300, 300, 5);
    TfCpuReference.Outputs expected;
    try (TfCpuReference reference = new TfCpuReference(graph)) {
      assertThat(reference.hasDetections()).isTrue();
      expected = reference.run(images);
    }
    float[][] actual = SsdGraphConverterTest.runRebuilt(d, 1, HostPreprocessing.toNchw(images, 300, 300),
        List.of(SsdGraphConverter.RAW_BOX_ENCODINGS, SsdGraphConverter.CLASS_SCORES, SsdGraphConverter.DECODED_BOXES));
    SsdGraphConverterTest.assertClose("raw box encodings", actual[0], expected.rawBoxEncodings(), 1e-4);
    SsdGraphConverterTest.assertClose("class scores", actual[1], expected.classScores(), 1e-4);
    SsdGraphConverterTest.assertClose("decoded boxes", actual[2], expected.decodedBoxes(), 1e-4);
    assertThat(expected.classScores()).hasSize(SsdSignature.NUM_ANCHORS * SsdSignature.NUM_CLASSES);
    assertThat(expected.detections()).isNotNull();
    assertThat(expected.detections().count(0)).isPositive();
  }

  @Test
  void readsNmsSettingsFromNonMaxSuppressionV4() {
    GraphDef v4 = SsdGraphGenerator.generate(GeneratorOptions.defaults().withLayout(ExportLayout.EXPORT_2019)
        .withNms(NmsVersion.V4).withScoreThreshold(1e-8f));
    NmsSettings nms = SsdGraphConverter.readNmsSettings(v4);
    assertThat(nms.scoreThreshold()).isEqualTo(1e-8f);
    assertThat(nms.iouThreshold()).isEqualTo(0.6f);
    assertThat(nms.maxPerClass()).isEqualTo(100);
    assertThat(nms.origin()).contains("NonMaxSuppressionV4 input 4");
  }

  @Test
  void refusesSoftNmsForTensorRtNamingTheSigma() {
    GraphDef soft = SsdGraphGenerator.generate(GeneratorOptions.defaults().withLayout(ExportLayout.EXPORT_2019)
        .withSoftNmsSigma(0.5f));
    assertThatThrownBy(() -> SsdGraphConverter.convert(soft, "soft"))
        .isInstanceOf(NotSsdGraphException.class)
        .hasMessageContaining("'soft' cannot be converted for TensorRT")
        .hasMessageContaining("soft_nms_sigma 0.5")
        .hasMessageContaining("TensorFlow configurations still run it");
  }

  /** The mini export with its box coder's Exp replaced (a coder other than faster_rcnn). */
  private static GraphDef otherBoxCoder() {
    GraphDef.Builder b = MiniSsdGraph.build(3, MiniSsdGraph.NmsVersion.V3, 0.3f).toBuilder();
    for (int i = 0; i < b.getNodeCount(); i++) {
      NodeDef n = b.getNode(i);
      if (n.getOp().equals("Exp") && n.getName().startsWith("Postprocessor/Decode/")) {
        b.setNode(i, n.toBuilder().setOp("Square"));
      }
    }
    return b.build();
  }

  @Test
  void refusesAnotherBoxCoderForTensorRtWhileTheTfConfigurationRunsIt() {
    GraphDef graph = otherBoxCoder();
    assertThatThrownBy(() -> SsdGraphConverter.convert(graph, "coder", new float[MiniSsdGraph.numAnchors() * 4], null))
        .isInstanceOf(NotSsdGraphException.class)
        .hasMessageContaining("faster_rcnn box coder")
        .hasMessageContaining("no Exp of the box sizes under scope 'Postprocessor/Decode'");
    ImageBatch images = SsdGraphConverterTest.randomImages(1, 3);
    try (Graph g = new Graph()) {
      g.importGraphDef(Placement.TF_CPU.apply(graph));
      try (Session s = new Session(g);
          TUint8 in = TUint8.tensorOf(Shape.of(images.shape()), DataBuffers.of(images.pixels(), true, false));
          Result r = s.runner().feed(SsdSignature.INPUT, in).fetch("Postprocessor/Slice").run()) {
        assertThat(r.get(0).shape().asArray()).containsExactly(1, MiniSsdGraph.numAnchors(), MiniSsdGraph.CLASSES - 1);
      }
    }
  }
}
