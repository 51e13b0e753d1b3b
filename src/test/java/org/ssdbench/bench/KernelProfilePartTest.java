package org.ssdbench.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

final class KernelProfilePartTest {
  @Test
  void profilesBatchOneWhenTheRunTimedIt() {
    assertThat(KernelProfilePart.batch(Profile.byName("full"))).isEqualTo(1);
    assertThat(KernelProfilePart.batch(Profile.byName("quick").withBatches(List.of(8, 32)))).isEqualTo(8);
  }

  @Test
  void profilesOnlyTheEnginesThatWereTimed() {
    Summary timed = new Summary(List.of(new Summary.Row("trt-fp16-graph", 1, 0.45, 0.47, 100, "ms"),
        new Summary.Row("trt-int8-graph", 8, 1.2, 1.3, 100, "ms")));

    assertThat(KernelProfilePart.configs(List.of("trt-fp32", "trt-fp16-graph", "trt-int8-graph"), timed, 1))
        .containsExactly("trt-fp16-graph");
    assertThat(KernelProfilePart.configs(List.of("trt-fp32"), new Summary(List.of()), 1)).isEmpty();
  }

  @Test
  void withNoEngineTimedAtItsBatchItProfilesNothingAndSaysWhy() {
    KernelProfilePart.Outcome outcome = KernelProfilePart.run(Profile.byName("quick"), List.of("trt-fp32"),
        new Summary(List.of()), 1, null, List.of(), System.out);

    assertThat(outcome.skipped()).isEqualTo("no TensorRT configuration was timed at batch 1 (see the errors above)");
    assertThat(outcome.ran()).isEmpty();
  }
}
