package org.ssdbench.engine.trt;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.ssdbench.engine.trt.NetworkDescription.Conv;
import org.ssdbench.engine.trt.NetworkDescription.Layer;
import org.ssdbench.model.GeneratorOptions;
import org.ssdbench.model.SsdGraphGenerator;

/** The -pp32 configurations: which layers they pin, their names and their engine key. */
final class TrtConfigPostprocessingTest {
  private static EngineKey key(String post) {
    return new EngineKey("ab".repeat(32), "g", "9.0", "10.6.0", "int8", 1, 0.3f, true, 2, EngineKey.FORMAT, "u8",
        "auto", post);
  }

  @Test
  void pinsTheLayersFromTheBoxPredictorReshapesToTheNmsInputsAndNothingBefore() {
    NetworkDescription d = SsdGraphConverter.convert(SsdGraphGenerator.generate(GeneratorOptions.defaults()), "generated");

    Set<String> post = PostprocessingLayers.of(d);

    assertThat(post).contains(d.boxes(), d.classScores(), d.rawBoxEncodings());
    // the twelve box predictor convolutions (box and class, six feature maps) each feed one pinned reshape
    long reshapesOfConvs = d.layers().stream()
        .filter(l -> l instanceof NetworkDescription.Shuffle s && post.contains(s.name())
            && d.layers().stream().anyMatch(c -> c instanceof Conv && c.name().equals(s.input())))
        .count();
    assertThat(reshapesOfConvs).isEqualTo(12);
    for (Layer layer : d.layers()) {
      if (layer instanceof Conv || layer.name().startsWith("FeatureExtractor/")) {
        assertThat(post).as(layer.name()).doesNotContain(layer.name());
      }
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {"trt-int8-u8-pp32-graph", "trt-fp16-pp32", "trt-fp16-u8-nmsfp16-pp32-graph-l5"})
  void nameRoundTripsThroughParse(String name) {
    assertThat(TrtInferenceEngine.Config.parse(name, 1).name()).isEqualTo(name);
    assertThat(TrtInferenceEngine.Config.parse(name, 1).post()).isEqualTo(PostprocessingPrecision.FP32);
  }

  @Test
  void anFp32EngineHasNothingToPinAndTheSuffixHasItsPlace() {
    assertThatThrownBy(() -> TrtInferenceEngine.Config.parse("trt-fp32-pp32", 1))
        .hasMessageContaining("trt-fp32-pp32").hasMessageContaining("-pp32 goes with fp16 or int8");
    assertThatThrownBy(() -> TrtInferenceEngine.Config.parse("trt-fp16-pp32-nmsfp16", 1))
        .hasMessageContaining("Unknown TensorRT config");
    assertThat(TrtInferenceEngine.Config.parse("trt-int8-u8-graph", 1).post()).isEqualTo(PostprocessingPrecision.CHOSEN);
  }

  @Test
  void thePinnedEngineHasItsOwnCacheFileAndOlderSidecarsReadAsTheBuildersChoice() throws Exception {
    assertThat(key("fp32").fileStem()).startsWith("int8-u8-pp32-b1-");
    assertThat(key("auto").fileStem()).startsWith("int8-u8-b1-");
    assertThat(key("fp32")).isNotEqualTo(key("auto"));

    ObjectMapper json = new ObjectMapper();
    var tree = json.valueToTree(key("auto"));
    ((com.fasterxml.jackson.databind.node.ObjectNode) tree).remove("postprocessing");
    assertThat(json.treeToValue(tree, EngineKey.class)).isEqualTo(key("auto"));
  }
}
