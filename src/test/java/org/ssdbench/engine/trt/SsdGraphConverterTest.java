package org.ssdbench.engine.trt;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.ssdbench.model.ImageBatch;
import org.tensorflow.Graph;
import org.tensorflow.Result;
import org.tensorflow.Session;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.ndarray.buffer.DataBuffers;
import org.tensorflow.proto.DataType;
import org.tensorflow.proto.GraphDef;
import org.tensorflow.types.TFloat32;

final class SsdGraphConverterTest {
  private static GraphDef graph;
  private static NetworkDescription description;

  @BeforeAll
  static void convert() {
    graph = MiniSsdGraph.build(42, MiniSsdGraph.NmsVersion.V3, 0.3f);
    description = SsdGraphConverter.convert(graph, "mini");
  }

  @Test
  void rebuiltDescriptionGivesTheGraphsEncodingsScoresAndBoxesOnTheSameInput() {
    int batch = 2;
    ImageBatch images = randomImages(batch, 7);
    TfCpuReference.Outputs expected;
    try (TfCpuReference reference = new TfCpuReference(graph)) {
      expected = reference.run(images);
    }
    float[] nchw = HostPreprocessing.toNchw(images, 300, 300);
    List<String> fetches = List.of(SsdGraphConverter.RAW_BOX_ENCODINGS, SsdGraphConverter.CLASS_SCORES,
        SsdGraphConverter.DECODED_BOXES);
    float[][] actual = runRebuilt(description, batch, nchw, fetches);

    int anchors = MiniSsdGraph.numAnchors();
    assertThat(actual[0]).hasSize(batch * anchors * 4);
    assertThat(actual[1]).hasSize(batch * anchors * (MiniSsdGraph.CLASSES - 1));
    assertClose("raw box encodings", actual[0], expected.rawBoxEncodings(), 1e-4);
    assertClose("class scores", actual[1], expected.classScores(), 1e-4);
    assertClose("decoded boxes", actual[2], expected.decodedBoxes(), 1e-4);
  }

  @Test
  void describesTheNetworkWithFoldedBatchNormAndNoBatchNormLayers() {
    assertThat(description.input()).isEqualTo(SsdGraphConverter.INPUT);
    assertThat(description.layerCounts()).containsEntry("Conv", 11).containsKey("Clip").containsEntry("Unary", 2);
    var shapes = description.shapes(3);
    assertThat(shapes.get(SsdGraphConverter.RAW_BOX_ENCODINGS)).containsExactly(3, MiniSsdGraph.numAnchors(), 4);
    assertThat(shapes.get(SsdGraphConverter.CLASS_SCORES)).containsExactly(3, MiniSsdGraph.numAnchors(), 4);
    assertThat(shapes.get(description.boxes())).containsExactly(3, MiniSsdGraph.numAnchors(), 4);
    var first = (NetworkDescription.Conv) description.layer(
        "FeatureExtractor/MobilenetV2/Conv/BatchNorm/batchnorm/add_1");
    assertThat(first.stride()).isEqualTo(2);
    assertThat(first.pads(300, 3)).containsExactly(0, 1);
    assertThat(first.origin()).isEqualTo("FeatureExtractor/MobilenetV2/Conv/weights/read");
    var depthwise = (NetworkDescription.Conv) description.layer(
        "FeatureExtractor/MobilenetV2/expanded_conv/depthwise/BatchNorm/batchnorm/add_1");
    assertThat(depthwise.groups()).isEqualTo(8);
  }

  @Test
  void clipsBoxesToTheImageWhenTheGraphClipsToTheWindow() {
    assertThat(description.boxes()).isEqualTo(SsdGraphConverter.BOXES);
    var clip = (NetworkDescription.Clip) description.layer(SsdGraphConverter.BOXES);
    assertThat(clip.input()).isEqualTo(SsdGraphConverter.DECODED_BOXES);
    assertThat(clip.lo()).isZero();
    assertThat(clip.hi()).isEqualTo(1f);
  }

  @Test
  void evaluatesTheAnchorSubgraphOnce() {
    float[] anchors = AnchorExtractor.evaluate(graph, new int[] {300, 300});
    assertThat(anchors).hasSize(MiniSsdGraph.numAnchors() * 4);
    // first anchor of the 38x38 map: centre (0.5/38, 0.5/38), h 0.1, w 0.1 + 0.03 * 3
    float c = 0.5f / 38;
    assertThat(anchors[0]).isCloseTo(c - 0.05f, org.assertj.core.data.Offset.offset(1e-6f));
    assertThat(anchors[1]).isCloseTo(c - 0.095f, org.assertj.core.data.Offset.offset(1e-6f));
    assertThat(description.anchors()).containsExactly(anchors);
  }

  @Test
  void readsTheScoreThresholdFromNonMaxSuppressionV3() {
    NmsSettings nms = SsdGraphConverter.readNmsSettings(graph);
    assertThat(nms.scoreThreshold()).isEqualTo(0.3f);
    assertThat(nms.iouThreshold()).isEqualTo(0.6f);
    assertThat(nms.maxPerClass()).isEqualTo(100);
    assertThat(nms.maxTotal()).isEqualTo(100);
    assertThat(nms.origin()).contains("NonMaxSuppressionV3 input 4");
  }

  @Test
  void readsTheScoreThresholdFromFilterGreaterThanWhenNmsHasNoThresholdInput() {
    GraphDef v2 = MiniSsdGraph.build(1, MiniSsdGraph.NmsVersion.V2_WITH_FILTER, 1e-8f);
    NmsSettings nms = SsdGraphConverter.readNmsSettings(v2);
    assertThat(nms.scoreThreshold()).isEqualTo(1e-8f);
    assertThat(nms.iouThreshold()).isEqualTo(0.6f);
    assertThat(nms.origin()).contains("FilterGreaterThan/Greater");
  }

  @Test
  void overriddenScoreThresholdWins() {
    NmsSettings nms = SsdGraphConverter.readNmsSettings(graph).withScoreThreshold(0.5f);
    assertThat(nms.scoreThreshold()).isEqualTo(0.5f);
    assertThat(nms.origin()).contains("overridden");
  }

  @Test
  void failsOnAGraphThatIsNotSsdNamingTheMissingNodeAndScope() {
    Nodes g = new Nodes();
    g.add("image_tensor", "Placeholder", List.of(), "dtype", DataType.DT_FLOAT);
    g.f("logits", "Relu", "image_tensor");
    assertThatThrownBy(() -> SsdGraphConverter.convert(g.build(), "classifier", new float[4], null))
        .isInstanceOf(NotSsdGraphException.class)
        .hasMessageContaining("BoxPredictor_0/BoxEncodingPredictor/BiasAdd")
        .hasMessageContaining("scope 'BoxPredictor_0'");
  }

  @Test
  void failsWhenAnchorCountDisagreesWithTheHeads() {
    assertThatThrownBy(() -> SsdGraphConverter.convert(graph, "mini", new float[40], null))
        .isInstanceOf(NotSsdGraphException.class)
        .hasMessageContaining("10 anchors")
        .hasMessageContaining(String.valueOf(MiniSsdGraph.numAnchors()));
  }

  @Test
  void hwioWeightsBecomeOihw() {
    // kh=1, kw=2, in=2, out=3: value encodes (y, x, i, o) as 1000y + 100x + 10i + o
    float[] hwio = new float[12];
    for (int x = 0; x < 2; x++) {
      for (int i = 0; i < 2; i++) {
        for (int o = 0; o < 3; o++) {
          hwio[(x * 2 + i) * 3 + o] = 100 * x + 10 * i + o;
        }
      }
    }
    float[] oihw = SsdGraphConverter.hwioToOihw(hwio, 1, 2, 2, 3);
    assertThat(oihw).containsExactly(0, 100, 10, 110, 1, 101, 11, 111, 2, 102, 12, 112);
  }

  static ImageBatch randomImages(int batch, long seed) {
    byte[] px = new byte[batch * 300 * 300 * 3];
    new Random(seed).nextBytes(px);
    return new ImageBatch(px, batch, 300, 300);
  }

  static float[][] runRebuilt(NetworkDescription d, int batch, float[] nchw, List<String> fetches) {
    try (Graph g = new Graph()) {
      g.importGraphDef(DescriptionAsTfGraph.build(d, batch));
      try (Session s = new Session(g);
          TFloat32 in = TFloat32.tensorOf(Shape.of(batch, 3, d.height(), d.width()), DataBuffers.of(nchw, true, false))) {
        Session.Runner r = s.runner().feed(d.input(), in);
        fetches.forEach(r::fetch);
        try (Result result = r.run()) {
          float[][] out = new float[fetches.size()][];
          for (int i = 0; i < fetches.size(); i++) {
            var t = (TFloat32) result.get(i);
            out[i] = new float[(int) t.shape().size()];
            t.copyTo(DataBuffers.of(out[i], false, false));
          }
          return out;
        }
      }
    }
  }

  static void assertClose(String what, float[] actual, float[] expected, double tolerance) {
    assertThat(actual).as(what + " length").hasSameSizeAs(expected);
    double worst = 0;
    int at = -1;
    for (int i = 0; i < actual.length; i++) {
      double err = Math.abs(actual[i] - expected[i]) / Math.max(1.0, Math.abs(expected[i]));
      if (err > worst) {
        worst = err;
        at = i;
      }
    }
    assertThat(worst)
        .as("%s: worst error %.3g at %d (%f vs %f)", what, worst, at, at < 0 ? 0 : actual[at], at < 0 ? 0 : expected[at])
        .isLessThanOrEqualTo(tolerance);
  }
}
