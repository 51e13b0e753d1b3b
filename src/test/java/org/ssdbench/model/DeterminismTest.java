package org.ssdbench.model;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.tensorflow.proto.GraphDef;
import org.tensorflow.proto.NodeDef;

final class DeterminismTest {
  @Test
  void sameSeedGivesIdenticalBytes() {
    LoadedModel again = ModelLoader.generate(TestGraphs.DEFAULT);
    assertThat(again.sha256()).isEqualTo(TestGraphs.model(TestGraphs.DEFAULT).sha256());
    assertThat(again.source()).isEqualTo("generated(seed=42,batch=1,threshold=0.3,nms=V3)");
  }

  @Test
  void differentSeedGivesDifferentWeightsAndTheSameStructure() {
    GraphDef a = TestGraphs.model(TestGraphs.DEFAULT).graphDef();
    GraphDef b = ModelLoader.generate(TestGraphs.DEFAULT.withSeed(7)).graphDef();
    assertThat(b.getNodeCount()).isEqualTo(a.getNodeCount());
    NodeDef wa = node(a, "FeatureExtractor/MobilenetV2/Conv/weights");
    NodeDef wb = node(b, "FeatureExtractor/MobilenetV2/Conv/weights");
    assertThat(wb.getAttrOrThrow("value").getTensor().getTensorContent())
        .isNotEqualTo(wa.getAttrOrThrow("value").getTensor().getTensorContent());
    for (int i = 0; i < a.getNodeCount(); i++) {
      assertThat(b.getNode(i).getName()).isEqualTo(a.getNode(i).getName());
    }
  }

  @Test
  void generationIsFast() {
    long t0 = System.nanoTime();
    ModelLoader.generate(TestGraphs.DEFAULT.withSeed(3));
    assertThat((System.nanoTime() - t0) / 1e9).isLessThan(10.0);
  }

  private static NodeDef node(GraphDef g, String name) {
    return g.getNodeList().stream().filter(n -> n.getName().equals(name)).findFirst().orElseThrow();
  }
}
