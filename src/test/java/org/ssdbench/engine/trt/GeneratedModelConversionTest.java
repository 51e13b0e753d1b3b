package org.ssdbench.engine.trt;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.ssdbench.model.GeneratorOptions;
import org.ssdbench.model.ImageBatch;
import org.ssdbench.model.SsdGraphGenerator;
import org.ssdbench.model.SsdSignature;
import org.tensorflow.proto.GraphDef;

/** The converter on the full generated SSD MobileNet V2 export (about 8,500 nodes), checked against TF on the CPU. */
final class GeneratedModelConversionTest {
  @Test
  void convertsTheGeneratedExportAndMatchesTfBeforeNms() {
    GraphDef graph = SsdGraphGenerator.generate(GeneratorOptions.defaults());
    long t0 = System.nanoTime();
    NetworkDescription d = SsdGraphConverter.convert(graph, "generated");
    System.out.printf("converted in %d ms: %s%n", (System.nanoTime() - t0) / 1_000_000, d);

    assertThat(d.numAnchors()).isEqualTo(SsdSignature.NUM_ANCHORS);
    // 55 Conv2D (heads included) + 21 depthwise; 47 Relu6 + the clip to the image; 10 residual adds + 6 decode ops
    assertThat(d.layerCounts()).containsEntry("Conv", 76).containsEntry("Clip", 48).containsEntry("ElementWise", 16);
    assertThat(d.nms().scoreThreshold()).isEqualTo(0.3f);
    assertThat(d.nms().iouThreshold()).isEqualTo(0.6f);
    assertThat(d.nms().maxPerClass()).isEqualTo(100);

    ImageBatch images = CalibrationImages.generate(1, 300, 300, 5);
    TfCpuReference.Outputs expected;
    try (TfCpuReference reference = new TfCpuReference(graph)) {
      expected = reference.run(images);
    }
    float[][] actual = SsdGraphConverterTest.runRebuilt(d, 1, HostPreprocessing.toNchw(images, 300, 300),
        List.of(SsdGraphConverter.RAW_BOX_ENCODINGS, SsdGraphConverter.CLASS_SCORES, SsdGraphConverter.DECODED_BOXES));
    SsdGraphConverterTest.assertClose("raw box encodings", actual[0], expected.rawBoxEncodings(), 1e-4);
    SsdGraphConverterTest.assertClose("class scores", actual[1], expected.classScores(), 1e-4);
    SsdGraphConverterTest.assertClose("decoded boxes", actual[2], expected.decodedBoxes(), 1e-4);
    assertThat(expected.detections()).isNotNull();
    System.out.printf("TF detections: %d%n", expected.detections().count(0));
  }
}
