package org.ssdbench.engine.trt;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

final class BuilderLevelTest {
  private static final int DEFAULT = TrtNetworkBuilder.Options.DEFAULT_LEVEL;

  @Test
  void int8BuildsAtLevelTwoWhenNoLevelIsGiven() {
    assertThat(TrtInferenceEngine.Config.parse("trt-int8-graph", 1).builderLevel()).isEqualTo(2);
    assertThat(TrtInferenceEngine.Config.parse("trt-fp16", 1).builderLevel()).isEqualTo(DEFAULT);
  }

  @Test
  void aGivenLevelAppliesToEveryPrecision() {
    assertThat(TrtInferenceEngine.Config.parse("trt-int8", 1, 4).builderLevel()).isEqualTo(4);
    assertThat(TrtInferenceEngine.Config.parse("trt-fp32-graph", 1, 1).builderLevel()).isEqualTo(1);
  }

  @Test
  void aLevelTensorRtDoesNotHaveFailsNamingIt() {
    assertThatThrownBy(() -> TrtInferenceEngine.Config.parse("trt-fp16", 1, 7))
        .hasMessageContaining("0 to 5").hasMessageContaining("7");
  }
}
