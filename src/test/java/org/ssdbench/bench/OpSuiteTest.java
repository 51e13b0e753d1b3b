package org.ssdbench.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.ssdbench.ops.DefaultSignatures;

final class OpSuiteTest {
  @Test
  void listsEveryOpBenchmarkMethodWithItsDefaultSignaturesInOrder() {
    List<OpSuite> all = OpSuite.all();
    assertThat(all).extracting(OpSuite::method).containsExactly("conv2d", "depthwiseConv2dNative", "gatherV2",
        "concatV2", "select", "nonMaxSuppressionV3", "where", "minimum", "maximum", "reshape", "topKV2");
    assertThat(all.get(0).signatures())
        .containsExactly(DefaultSignatures.CONV2D_1, DefaultSignatures.CONV2D_2, DefaultSignatures.CONV2D_3);
    assertThat(all.get(0).topSignatures(1)).containsExactly(DefaultSignatures.CONV2D_1);
    assertThat(all.get(5).topSignatures(3)).containsExactly(DefaultSignatures.NMS_1);
  }

  @Test
  void includePatternSelectsOnlyThatMethod() {
    OpSuite gather = OpSuite.all().get(2);
    assertThat("org.ssdbench.bench.OpBenchmark.gatherV2").matches(gather.include());
    assertThat("org.ssdbench.bench.OpBenchmark.gatherV2Extra").doesNotMatch(gather.include());
  }
}
