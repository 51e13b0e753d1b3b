package org.ssdbench.ops;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

final class DefaultSignaturesTest {
  private static SignatureTable table;

  private static synchronized SignatureTable table() {
    if (table == null) {
      table = ModelGraphs.defaultModelSignatures();
    }
    return table;
  }

  @ParameterizedTest
  @EnumSource(OpKind.class)
  void areStillTheGeneratedModelsTopSignatures(OpKind kind) {
    assertThat(DefaultSignatures.of(kind))
        .as("top %d %s signatures of %s; update DefaultSignatures and OpBenchmark's @Param lists",
            DefaultSignatures.TOP, kind.opType(), table().source())
        .containsExactlyElementsOf(table().top(kind, DefaultSignatures.TOP).stream().map(r -> r.signature().id()).toList());
  }

  @Test
  void parseBackToTheSameIdAndBuild() {
    for (String id : DefaultSignatures.all()) {
      OpSignature s = OpSignature.parse(id);
      assertThat(s.id()).isEqualTo(id);
      assertThat(SingleOpGraph.of(s, OpDevice.GPU, Variant.DEVICE_RESIDENT).graph().getNodeList())
          .anySatisfy(n -> assertThat(n.getName()).isEqualTo("op"));
    }
  }
}
