package org.ssdbench.engine.trt;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeFalse;

import org.junit.jupiter.api.Test;

final class TensorRtAvailabilityTest {
  @Test
  void explainsWhatIsMissingWhenTensorRtCannotRun() {
    String reason = TensorRtAvailability.check();
    assumeFalse(reason.isEmpty(), "TensorRT is available here");
    assertThat(reason).containsAnyOf("-Pgpu", "libcudart.so.12", "libnvinfer.so.10", "libnvinfer_plugin.so.10",
        "no CUDA GPU", "libcuda.so.1");
    System.out.println("TensorRT unavailable: " + reason);
  }

  @Test
  void answersTheSameEachTime() {
    assertThat(TensorRtAvailability.check()).isEqualTo(TensorRtAvailability.check());
  }
}
