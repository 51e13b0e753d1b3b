package org.ssdbench.engine.trt;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.ssdbench.report.analysis.Ladder;

/** The builder-level step (-l5): a configuration's own level, named only when it is not its precision's default. */
final class TrtConfigLevelTest {
  private static final int DEFAULT = TrtNetworkBuilder.Options.DEFAULT_LEVEL;

  @ParameterizedTest
  @ValueSource(strings = {"trt-fp16-u8-graph-l5", "trt-int8-u8-graph-l5", "trt-fp32-l0", "trt-int8-nmsfp16-graph-l3"})
  void nameRoundTripsThroughParse(String name) {
    assertThat(TrtInferenceEngine.Config.parse(name, 1, DEFAULT).name()).isEqualTo(name);
  }

  @Test
  void theNamedLevelIsTheEnginesAndPartOfItsKey() {
    var l5 = TrtInferenceEngine.Config.parse("trt-fp16-u8-graph-l5", 1, DEFAULT);
    var base = TrtInferenceEngine.Config.parse("trt-fp16-u8-graph", 1, DEFAULT);

    assertThat(l5.builderLevel()).isEqualTo(5);
    assertThat(base.builderLevel()).isEqualTo(DEFAULT);
    assertThat(l5.input()).isEqualTo(base.input());
    assertThat(l5.cudaGraph()).isTrue();
  }

  @Test
  void theDefaultLevelsAreNotNamed() {
    assertThat(TrtInferenceEngine.Config.parse("trt-int8-graph", 1, DEFAULT).name()).isEqualTo("trt-int8-graph");
    assertThat(TrtInferenceEngine.Config.parse("trt-int8-graph-l2", 1, DEFAULT).name()).isEqualTo("trt-int8-graph");
    assertThat(TrtInferenceEngine.Config.parse("trt-fp16-graph", 1, 1).name()).isEqualTo("trt-fp16-graph-l1");
  }

  @Test
  void aConfigurationsOwnLevelWinsOverTheRunsLevel() {
    assertThat(TrtInferenceEngine.Config.parse("trt-fp16-graph-l5", 1, 5).builderLevel()).isEqualTo(5);
    // the quick profile runs at level 1; its ladder's -l5 step is still built at 5
    assertThat(TrtInferenceEngine.Config.parse("trt-fp16-graph-l5", 1, 1).builderLevel()).isEqualTo(5);
    assertThat(TrtInferenceEngine.Config.parse("trt-fp16-graph", 1, 1).builderLevel()).isEqualTo(1);
    assertThat(TrtInferenceEngine.Config.parse("trt-int8-graph", 1, 1).builderLevel()).isEqualTo(1);
    assertThatThrownBy(() -> TrtInferenceEngine.Config.parse("trt-fp16-graph", 1, 6)).hasMessageContaining("6");
    assertThatThrownBy(() -> TrtInferenceEngine.Config.parse("trt-fp16-graph-l7", 1, DEFAULT))
        .hasMessageContaining("trt-fp16-graph-l7").hasMessageContaining("0 to 5");
  }

  @Test
  void theLadderTakesEachLevelStepAfterItsBase() {
    assertThat(Ladder.PATH).containsSubsequence("trt-fp16-u8-graph", "trt-fp16-u8-graph-l5", "trt-int8-u8-graph",
        "trt-int8-u8-graph-l5");
  }
}
