package org.ssdbench.engine.trt;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.data.Offset.offset;

import org.junit.jupiter.api.Test;

final class BatchNormFoldingTest {
  @Test
  void scalesEachOutputChannelAndShiftsTheBias() {
    // two output channels, two weights each
    float[] w = {1, 2, 3, 4};
    float[] gamma = {2, 0.5f};
    float[] beta = {1, -1};
    float[] mean = {0.5f, 2};
    float[] var = {3.999f, 0.249f};
    var folded = BatchNormFolding.fold(w, null, gamma, beta, mean, var, 0.001f);
    // scale = gamma / sqrt(var + eps): 2 / 2 = 1, 0.5 / 0.5 = 1... use distinct values below
    assertThat(folded.weights()).containsExactly(new float[] {1, 2, 3, 4}, offset(1e-6f));
    assertThat(folded.bias()[0]).isCloseTo(1 - 0.5f, offset(1e-6f));
    assertThat(folded.bias()[1]).isCloseTo(-1 - 2f, offset(1e-6f));

    var f2 = BatchNormFolding.fold(w, new float[] {1, 1}, new float[] {3, 1}, beta, mean, new float[] {0.999f, 3.999f},
        0.001f);
    assertThat(f2.weights()).containsExactly(new float[] {3, 6, 1.5f, 2}, offset(1e-5f));
    // b' = beta + (b - mean) * scale
    assertThat(f2.bias()[0]).isCloseTo(1 + (1 - 0.5f) * 3, offset(1e-5f));
    assertThat(f2.bias()[1]).isCloseTo(-1 + (1 - 2f) * 0.5f, offset(1e-5f));
  }

  @Test
  void failsWhenParameterSizesDisagree() {
    assertThatThrownBy(() -> BatchNormFolding.fold(new float[6], null, new float[2], new float[3], new float[2],
        new float[2], 1e-3f))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("beta 3");
  }
}
