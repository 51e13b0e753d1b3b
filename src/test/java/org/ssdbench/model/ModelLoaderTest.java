package org.ssdbench.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tensorflow.proto.AttrValue;
import org.tensorflow.proto.DataType;
import org.tensorflow.proto.GraphDef;
import org.tensorflow.proto.NodeDef;

final class ModelLoaderTest {
  @TempDir Path dir;

  @Test
  void loadsAWrittenGraphWithTheSameHash() throws Exception {
    LoadedModel generated = TestGraphs.model(TestGraphs.DEFAULT);
    Path file = dir.resolve("frozen_inference_graph.pb");
    Files.write(file, generated.graphDef().toByteArray());
    LoadedModel loaded = ModelLoader.load(file);
    assertThat(loaded.sha256()).isEqualTo(generated.sha256());
    assertThat(loaded.source()).isEqualTo(file.toString());
    assertThat(loaded.graphDef().getNodeCount()).isEqualTo(generated.graphDef().getNodeCount());
  }

  @Test
  void failsOnMissingFile() {
    Path missing = dir.resolve("nope.pb");
    assertThatThrownBy(() -> ModelLoader.load(missing)).isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("Model file not found").hasMessageContaining(missing.toString())
        .hasMessageContaining("frozen_inference_graph.pb");
  }

  @Test
  void failsOnDirectory() {
    assertThatThrownBy(() -> ModelLoader.load(dir)).isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("not a readable file").hasMessageContaining(dir.toString());
  }

  @Test
  void failsOnCorruptProtobuf() throws Exception {
    Path file = dir.resolve("corrupt.pb");
    Files.write(file, new byte[] {(byte) 0x0a, (byte) 0xff, (byte) 0xff, (byte) 0xff, 0x7f, 1, 2, 3});
    assertThatThrownBy(() -> ModelLoader.load(file)).isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("is not a GraphDef protobuf").hasMessageContaining(file.toString());
  }

  @Test
  void failsOnEmptyFile() throws Exception {
    Path file = dir.resolve("empty.pb");
    Files.write(file, new byte[0]);
    assertThatThrownBy(() -> ModelLoader.load(file)).isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("holds no nodes").hasMessageContaining(file.toString());
  }

  @Test
  void failsOnAGraphWithoutTheSsdSignature() throws Exception {
    Path file = dir.resolve("classifier.pb");
    GraphDef foreign = GraphDef.newBuilder().addNode(placeholder("input")).addNode(placeholder("logits")).build();
    Files.write(file, foreign.toByteArray());
    assertThatThrownBy(() -> ModelLoader.load(file)).isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("is not an SSD detection export").hasMessageContaining(file.toString())
        .hasMessageContaining("image_tensor").hasMessageContaining("num_detections");
  }

  @Test
  void failsOnAGraphWithoutTheNmsScope() throws Exception {
    Path file = dir.resolve("no-nms.pb");
    GraphDef.Builder g = GraphDef.newBuilder().addNode(placeholder(SsdSignature.INPUT));
    SsdSignature.OUTPUTS.forEach(o -> g.addNode(placeholder(o)));
    Files.write(file, g.build().toByteArray());
    assertThatThrownBy(() -> ModelLoader.load(file)).isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("no nodes under " + SsdSignature.NMS_SCOPE).hasMessageContaining(file.toString());
  }

  @Test
  void generatedModelRecordsItsOptionsAndHash() {
    LoadedModel m = TestGraphs.model(TestGraphs.DEFAULT);
    assertThat(m.source()).isEqualTo("generated(seed=42,batch=1,threshold=0.3,nms=V3)");
    assertThat(m.sha256()).hasSize(64).isEqualTo(LoadedModel.sha256(m.graphDef().toByteArray()));
  }

  @Test
  void optionsRejectBadValuesNamingThem() {
    assertThatThrownBy(() -> TestGraphs.DEFAULT.withBatch(0)).hasMessageContaining("batch must be in 1..1024, got 0");
    assertThatThrownBy(() -> TestGraphs.DEFAULT.withScoreThreshold(1.5f)).hasMessageContaining("got 1.5");
    assertThatThrownBy(() -> TestGraphs.DEFAULT.withInputSize(10, 300)).hasMessageContaining("10x300");
  }

  private static NodeDef placeholder(String name) {
    return NodeDef.newBuilder().setName(name).setOp("Placeholder")
        .putAttr("dtype", AttrValue.newBuilder().setType(DataType.DT_FLOAT).build()).build();
  }
}
