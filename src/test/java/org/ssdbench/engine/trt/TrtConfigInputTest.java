package org.ssdbench.engine.trt;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

final class TrtConfigInputTest {
  @ParameterizedTest
  @ValueSource(strings = {"trt-fp16-u8", "trt-fp16-u8-graph", "trt-int8-u8-graph", "trt-fp32-u8", "trt-fp16-graph"})
  void nameRoundTripsThroughParse(String name) {
    assertThat(TrtInferenceEngine.Config.parse(name, 1).name()).isEqualTo(name);
  }

  @Test
  void u8MarksTheUint8InputAndKeepsPrecisionAndGraph() {
    var c = TrtInferenceEngine.Config.parse("trt-int8-u8-graph", 8);
    assertThat(c.input()).isEqualTo(InputFormat.UINT8_NHWC);
    assertThat(c.precision()).isEqualTo(Precision.INT8);
    assertThat(c.cudaGraph()).isTrue();
    assertThat(c.batch()).isEqualTo(8);
    assertThat(TrtInferenceEngine.Config.parse("trt-fp16", 1).input()).isEqualTo(InputFormat.FLOAT_NCHW);
    assertThat(new TrtInferenceEngine.Config(Precision.FP16, 1, true, null, true, -1).input())
        .isEqualTo(InputFormat.FLOAT_NCHW);
  }

  @Test
  void aMisplacedStepIsRejectedWithTheValidNames() {
    assertThatThrownBy(() -> TrtInferenceEngine.Config.parse("trt-fp16-graph-u8", 1))
        .hasMessageContaining("trt-fp16-graph-u8").hasMessageContaining("trt-fp16-u8-graph");
    assertThatThrownBy(() -> TrtInferenceEngine.Config.parse("trt-u8", 1))
        .hasMessageContaining("Unknown TensorRT config 'trt-u8'");
  }
}
