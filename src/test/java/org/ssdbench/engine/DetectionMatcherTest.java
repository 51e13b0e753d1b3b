package org.ssdbench.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

final class DetectionMatcherTest {
  private static final Tolerance TOL = Tolerance.tensorFlow();

  /** Three detections: (class, score, box). */
  private static Detections detections(float[][] rows) {
    float[] boxes = new float[Detections.MAX * 4];
    float[] scores = new float[Detections.MAX];
    float[] classes = new float[Detections.MAX];
    for (int i = 0; i < rows.length; i++) {
      classes[i] = rows[i][0];
      scores[i] = rows[i][1];
      System.arraycopy(rows[i], 2, boxes, i * 4, 4);
    }
    return new Detections(1, boxes, scores, classes, new float[] {rows.length});
  }

  private static float[][] reference() {
    return new float[][] {
      {1, 0.95f, 0.1f, 0.1f, 0.5f, 0.5f},
      {18, 0.80f, 0.2f, 0.3f, 0.9f, 0.7f},
      {3, 0.40f, 0.0f, 0.0f, 0.2f, 0.3f},
    };
  }

  @Test
  void identicalDetectionsMatch() {
    assertThat(DetectionMatcher.differences(detections(reference()), detections(reference()), TOL)).isEmpty();
  }

  @Test
  void smallTf32SizedDifferencesAreTolerated() {
    float[][] cand = reference();
    cand[0][1] += 0.004f;
    cand[1][2] += 0.001f;
    assertThat(DetectionMatcher.differences(detections(reference()), detections(cand), TOL)).isEmpty();
  }

  @Test
  void aPlantedClassMismatchIsCaughtAndNamed() {
    float[][] cand = reference();
    cand[1][0] = 19;
    assertThat(DetectionMatcher.differences(detections(reference()), detections(cand), TOL))
        .anySatisfy(d -> assertThat(d).contains("reference detection #1").contains("class 18"))
        .anySatisfy(d -> assertThat(d).contains("candidate detection #1").contains("class 19"));
  }

  @Test
  void aShiftedBoxIsCaught() {
    float[][] cand = reference();
    cand[0][4] = 0.45f; // ymax 0.5 -> 0.45: IoU 0.875
    assertThat(DetectionMatcher.differences(detections(reference()), detections(cand), TOL))
        .hasSize(2)
        .anySatisfy(d -> assertThat(d).contains("closest of that class: #0 IoU 0.8750"))
        .anySatisfy(d -> assertThat(d).contains("candidate detection #0").contains("is not in the reference"));
  }

  @Test
  void aScoreOffByMoreThanTheToleranceIsCaught() {
    float[][] cand = reference();
    cand[0][1] = 0.90f;
    assertThat(DetectionMatcher.differences(detections(reference()), detections(cand), TOL)).isNotEmpty();
  }

  @Test
  void aMissingBorderlineDetectionIsTolerated() {
    float[][] ref = {reference()[0], reference()[1], {3, 0.305f, 0, 0, 0.2f, 0.3f}};
    float[][] cand = {reference()[0], reference()[1]};
    cand[1][1] = 0.80f;
    // The candidate's lowest score is 0.80, so only detections below 0.81 may go missing: 0.305 qualifies.
    assertThat(DetectionMatcher.differences(detections(ref), detections(cand), TOL)).isEmpty();
  }

  @Test
  void aMissingConfidentDetectionIsCaught() {
    float[][] cand = {reference()[1], reference()[2]};
    assertThat(DetectionMatcher.differences(detections(reference()), detections(cand), TOL))
        .singleElement().asString().contains("reference detection #0").contains("score 0.9500");
  }

  @Test
  void requireMatchNamesBothConfigurationsAndTheTolerance() {
    float[][] cand = reference();
    cand[0][0] = 2;
    assertThatThrownBy(() ->
            DetectionMatcher.requireMatch("tf-cpu", detections(reference()), "tf-gpu", detections(cand), TOL))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("'tf-gpu' differ from 'tf-cpu'")
        .hasMessageContaining("IoU >= 0.98");
  }

  @Test
  void iouOfKnownBoxes() {
    assertThat(DetectionMatcher.iou(new float[] {0, 0, 1, 1}, new float[] {0, 0, 1, 1})).isEqualTo(1.0);
    assertThat(DetectionMatcher.iou(new float[] {0, 0, 1, 1}, new float[] {0, 0.5f, 1, 1.5f})).isCloseTo(1 / 3.0,
        org.assertj.core.data.Offset.offset(1e-9));
    assertThat(DetectionMatcher.iou(new float[] {0, 0, 1, 1}, new float[] {2, 2, 3, 3})).isZero();
  }
}
