package org.ssdbench.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

final class ProfileTest {
  @Test
  void quickProfileMeasuresTheArticlesFiveOpTypesHostFed() {
    List<String> measured = OpSuite.all().stream().map(OpSuite::method).filter(Profile.QUICK::measuresOp).toList();
    assertThat(measured).containsExactly("conv2d", "gatherV2", "concatV2", "select", "nonMaxSuppressionV3");
    assertThat(Profile.QUICK.forOps().opVariants()).containsExactly("host-fed");
  }

  @Test
  void everyArticleOpIsAnOpBenchmarkMethod() {
    // a renamed method would otherwise drop out of the quick profile without a word
    assertThat(OpSuite.all().stream().map(OpSuite::method)).containsAll(Profile.ARTICLE_OPS);
  }

  @Test
  void fullProfileMeasuresEveryOpTypeBothWays() {
    assertThat(OpSuite.all()).allMatch(op -> Profile.FULL.measuresOp(op.method()));
    assertThat(Profile.FULL.forOps().opVariants()).containsExactly("host-fed", "device-resident");
  }

  @Test
  void theOpScopeSurvivesOtherBatches() {
    Profile p = Profile.QUICK.withBatches(List.of(8));
    assertThat(p.opMethods()).isEqualTo(Profile.ARTICLE_OPS);
    assertThat(p.opVariants()).isEqualTo(Profile.HOST_FED);
  }

  @Test
  void aProfileWithoutVariantsIsRefused() {
    assertThatThrownBy(() -> new Profile("x", 1, 0, 1, 1, 1, List.of(1), 1, List.of(), List.of(), 1))
        .hasMessageContaining("variant");
  }

  @Test
  void quickBuildsFastAndFullAtTensorRtsDefaultLevel() {
    assertThat(Profile.QUICK.trtBuilderLevel()).isEqualTo(Profile.QUICK_TRT_LEVEL);
    assertThat(Profile.QUICK.withBatches(List.of(8)).trtBuilderLevel()).isEqualTo(Profile.QUICK_TRT_LEVEL);
    assertThat(Profile.FULL.trtBuilderLevel()).isEqualTo(org.ssdbench.engine.trt.TrtNetworkBuilder.Options.DEFAULT_LEVEL);
    assertThatThrownBy(() -> new Profile("x", 1, 0, 1, 1, 1, List.of(1), 1, List.of(), List.of("host-fed"), 6))
        .hasMessageContaining("6");
  }
}
