package org.ssdbench.engine.trt;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.ssdbench.report.analysis.Ladder;

/** The -nmsfp16 step: its name, its engine key, and its place on the ladder. */
final class TrtConfigNmsPrecisionTest {
  private static EngineKey key(String nms) {
    return new EngineKey("ab".repeat(32), "g", "9.0", "10.6.0", "int8", 1, 0.3f, true, 2, EngineKey.FORMAT, "f32", nms);
  }

  @ParameterizedTest
  @ValueSource(strings = {"trt-fp16-nmsfp16-graph", "trt-int8-nmsfp16", "trt-fp16-u8-nmsfp16-graph"})
  void nameRoundTripsThroughParse(String name) {
    assertThat(TrtInferenceEngine.Config.parse(name, 1).name()).isEqualTo(name);
  }

  @Test
  void theStepPinsTheNmsAndKeepsEverythingElse() {
    var c = TrtInferenceEngine.Config.parse("trt-int8-nmsfp16-graph", 1, TrtNetworkBuilder.Options.DEFAULT_LEVEL);
    assertThat(c.nms()).isEqualTo(NmsPrecision.FP16);
    assertThat(c.precision()).isEqualTo(Precision.INT8);
    assertThat(c.input()).isEqualTo(InputFormat.FLOAT_NCHW);
    assertThat(c.cudaGraph()).isTrue();
    assertThat(c.builderLevel()).isEqualTo(TrtInferenceEngine.Config.INT8_DEFAULT_LEVEL);
    assertThat(TrtInferenceEngine.Config.parse("trt-int8-graph", 1).nms()).isEqualTo(NmsPrecision.CHOSEN);
  }

  @Test
  void strictFp32HasNoFp16ToPinTheNmsTo() {
    assertThatThrownBy(() -> TrtInferenceEngine.Config.parse("trt-fp32-nmsfp16-graph", 1))
        .hasMessageContaining("trt-fp32-nmsfp16-graph").hasMessageContaining("-nmsfp16 goes with fp16 or int8");
    assertThatThrownBy(() -> TrtInferenceEngine.Config.parse("trt-fp16-nmsfp16-u8", 1))
        .hasMessageContaining("Unknown TensorRT config");
  }

  @Test
  void thePinnedEngineHasItsOwnCacheFileAndTheOthersKeepTheirs() {
    assertThat(key("fp16").fileStem()).startsWith("int8-nmsfp16-b1-");
    assertThat(key("auto").fileStem()).isEqualTo(new EngineKey("ab".repeat(32), "g", "9.0", "10.6.0", "int8", 1, 0.3f,
        true, 2, EngineKey.FORMAT, "f32").fileStem()).startsWith("int8-b1-");
    assertThat(key("fp16")).isNotEqualTo(key("auto"));
  }

  @Test
  void aSidecarWrittenBeforeTheFieldReadsAsTheBuildersChoice() throws Exception {
    ObjectMapper json = new ObjectMapper();
    var tree = json.valueToTree(key("auto"));
    ((com.fasterxml.jackson.databind.node.ObjectNode) tree).remove("nmsPrecision");

    assertThat(json.treeToValue(tree, EngineKey.class)).isEqualTo(key("auto"));
  }

  @Test
  void theLadderPutsEachPinBetweenItsPrecisionsFloatAndUint8Steps() {
    assertThat(Ladder.PATH).containsSubsequence("trt-fp16-graph", "trt-fp16-nmsfp16-graph", "trt-fp16-u8-graph",
        "trt-int8-graph", "trt-int8-nmsfp16-graph", "trt-int8-u8-graph");
    Ladder.PATH.stream().filter(c -> c.startsWith("trt-"))
        .forEach(c -> assertThat(TrtInferenceEngine.Config.parse(c, 1).name()).isEqualTo(c));
  }
}
