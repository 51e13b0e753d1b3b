package org.ssdbench.model;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.tensorflow.Result;
import org.tensorflow.types.TFloat32;

final class GeneratedGraphInferenceTest {
  private static final ImageBatch IMAGE = SyntheticImage.create(1, 1, 300, 300);

  @Test
  void anchorsComputedByOpsEqualTheClosedFormGenerator() {
    float[] expected = AnchorGrid.anchors();
    try (Result r = TestGraphs.session(TestGraphs.DEFAULT).session().runner().fetch("Concatenate/concat").run()) {
      TFloat32 t = (TFloat32) r.get(0);
      assertThat(t.shape().asArray()).containsExactly(1917L, 4L);
      float[] actual = new float[1917 * 4];
      t.asRawTensor().data().asFloats().read(actual);
      for (int i = 0; i < actual.length; i++) {
        assertThat(actual[i]).as("anchor %d coordinate %d", i / 4, i % 4).isCloseTo(expected[i],
            org.assertj.core.api.Assertions.within(1e-5f));
      }
    }
  }

  @Test
  void runsOnCpuAndReturnsValidDetections() {
    TestGraphs.Outputs out = TestGraphs.run(TestGraphs.DEFAULT, IMAGE);
    assertThat(out.boxShape()).containsExactly(1L, 100L, 4L);
    assertThat(out.scores()).hasSize(100);
    assertThat(out.classes()).hasSize(100);
    assertThat(out.num()).hasSize(1);
    int n = (int) out.num()[0];
    assertThat(n).isBetween(1, 100);
    for (float v : out.boxes()) {
      assertThat(v).isBetween(0f, 1f);
    }
    for (int i = 1; i < 100; i++) {
      assertThat(out.scores()[i]).isLessThanOrEqualTo(out.scores()[i - 1]);
    }
    for (int i = 0; i < n; i++) {
      assertThat(out.scores()[i]).isGreaterThan(GeneratorOptions.DEFAULT_SCORE_THRESHOLD);
      assertThat(out.classes()[i]).isBetween(1f, 90f);
      assertThat(out.classes()[i]).isEqualTo((float) Math.round(out.classes()[i]));
    }
    for (int i = n; i < 100; i++) {
      assertThat(out.scores()[i]).isZero();
    }
  }

  @Test
  void calibratedScoresGiveTensOfCandidatesAtTheZooThreshold() {
    TestGraphs.Outputs out = TestGraphs.run(TestGraphs.DEFAULT, IMAGE);
    assertThat(out.allScores()).hasSize(1917 * 90);
    int candidates = TestGraphs.countAbove(out.allScores(), 0.3f);
    assertThat(candidates).isBetween(5, 300);
    assertThat((int) out.num()[0]).isBetween(1, candidates);
    for (float v : out.allScores()) {
      assertThat(Float.isFinite(v)).isTrue();
    }
  }

  @Test
  void worstCaseThresholdMakesEveryPairACandidateAndFillsTheBatch() {
    ImageBatch two = SyntheticImage.create(1, 2, 300, 300);
    TestGraphs.Outputs out = TestGraphs.run(TestGraphs.WORST_CASE_BATCH_2, two);
    assertThat(out.boxShape()).containsExactly(2L, 100L, 4L);
    assertThat(out.num()).containsExactly(100f, 100f);
    assertThat(TestGraphs.countAbove(out.allScores(), GeneratorOptions.WORST_CASE_SCORE_THRESHOLD))
        .isEqualTo(2 * 1917 * 90);
    for (int i = 0; i < 100; i++) {
      assertThat(out.scores()[i]).isEqualTo(out.scores()[100 + i]);
    }
  }
}
