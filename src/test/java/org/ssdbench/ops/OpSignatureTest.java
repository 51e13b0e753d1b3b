package org.ssdbench.ops;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

final class OpSignatureTest {
  @ParameterizedTest
  @ValueSource(strings = {
    "conv2d:1x150x150x32*3x3x32x64/s1/SAME",
    "conv2d:1x10x10x8*3x3x8x8/s1x2/VALID/d2",
    "concatv2:100x4^90/axis0",
    "concatv2:1917x1^2*1917x2/axis1",
    "nmsv3:1917x4*1917/max100/iou0.6/score1E-8",
    "minimum:scalar.i32^2",
    "topkv2:9000/k100/sorted0",
  })
  void idsRoundTrip(String id) {
    assertThat(OpSignature.parse(id).id()).isEqualTo(id);
  }

  @Test
  void repeatsExpandToOneInputEach() {
    assertThat(OpSignature.parse("concatv2:100x4^90/axis0").inputs()).hasSize(90);
  }

  @Test
  void failsOnUnknownKeyNamingTheValidOnes() {
    assertThatThrownBy(() -> OpSignature.parse("gather:1917x4*1917.i32/axis0"))
        .hasMessageContaining("'gather'").hasMessageContaining("gatherv2");
  }

  @Test
  void failsOnBadElementTypeNamingTheValidOnes() {
    assertThatThrownBy(() -> OpSignature.parse("gatherv2:1917x4*1917.int/axis0"))
        .hasMessageContaining("'int'").hasMessageContaining("i32");
  }

  @Test
  void failsOnMissingAttributeNamingIt() {
    assertThatThrownBy(() -> OpSignature.parse("gatherv2:1917x4*1917.i32"))
        .hasMessageContaining("axis").hasMessageContaining("gatherv2:1917x4*1917.i32");
  }

  @Test
  void failsOnShapesThatDoNotFitTheOp() {
    assertThatThrownBy(() -> OpSignature.parse("nmsv3:1917x4*100/max100/iou0.6/score0.3"))
        .hasMessageContaining("boxes [N,4] and scores [N]");
    assertThatThrownBy(() -> OpSignature.parse("where:10.bool/n11")).hasMessageContaining("n=11").hasMessageContaining("0..10");
  }

  @Test
  void estimatesConvolutionWorkAsMultiplyAdds() {
    OpSignature s = OpSignature.parse("conv2d:1x19x19x576*3x3x576x273/s1/SAME");
    assertThat(s.kind().work(s)).isEqualTo(19 * 19 * 273 * 9 * 576.0);
  }
}
