package org.ssdbench.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.offset;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.ssdbench.model.ImageBatch;

final class DetectionMatchTest {
  private static final GateCriteria TF = GateCriteria.tensorFlow();

  /** Detections of one image: (class, score, box) rows. */
  static Detections detections(float[][] rows) {
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

  static float[][] reference() {
    return new float[][] {
      {1, 0.95f, 0.1f, 0.1f, 0.5f, 0.5f},
      {18, 0.80f, 0.2f, 0.3f, 0.9f, 0.7f},
      {3, 0.40f, 0.0f, 0.0f, 0.2f, 0.3f},
    };
  }

  private static DetectionMatch match(float[][] ref, float[][] cand, GateCriteria c) {
    return DetectionMatch.of(detections(ref), detections(cand), 0, c.minIou(), c.maxScoreDiff());
  }

  @Test
  void identicalDetectionsMatchEveryOne() {
    DetectionMatch m = match(reference(), reference(), TF);
    assertThat(m.misses()).isEmpty();
    assertThat(m.matched()).isEqualTo(3);
    assertThat(m.meanIou()).isCloseTo(1.0, offset(1e-6));
    assertThat(m.passes(TF)).isTrue();
  }

  @Test
  void smallTf32SizedDifferencesAreTolerated() {
    float[][] cand = reference();
    cand[0][1] += 0.004f;
    cand[1][2] += 0.001f;
    assertThat(match(reference(), cand, TF).passes(TF)).isTrue();
  }

  @Test
  void aPlantedClassMismatchIsCaughtAndNamed() {
    float[][] cand = reference();
    cand[1][0] = 19;
    assertThat(match(reference(), cand, TF).misses())
        .anySatisfy(d -> assertThat(d).contains("reference detection #1").contains("class 18"))
        .anySatisfy(d -> assertThat(d).contains("candidate detection #1").contains("class 19"));
  }

  @Test
  void aShiftedBoxIsCaughtByTensorFlowsToleranceButNotByTensorRtFp32s() {
    float[][] cand = reference();
    cand[0][4] = 0.45f; // ymax 0.5 -> 0.45: IoU 0.875
    DetectionMatch strict = match(reference(), cand, TF);
    assertThat(strict.misses()).hasSize(2)
        .anySatisfy(d -> assertThat(d).contains("closest of that class: #0 IoU 0.8750"))
        .anySatisfy(d -> assertThat(d).contains("candidate detection #0").contains("is not in the reference"));
    assertThat(strict.passes(TF)).isFalse();
    cand[0][4] = 0.48f; // IoU 0.95
    assertThat(match(reference(), cand, GateCriteria.tensorRtFp32()).passes(GateCriteria.tensorRtFp32())).isTrue();
  }

  @Test
  void aScoreOffByMoreThanTheToleranceIsCaught() {
    float[][] cand = reference();
    cand[0][1] = 0.90f;
    assertThat(match(reference(), cand, TF).passes(TF)).isFalse();
  }

  @Test
  void aMissingBorderlineDetectionIsTolerated() {
    float[][] ref = {reference()[0], reference()[1], {3, 0.305f, 0, 0, 0.2f, 0.3f}};
    float[][] cand = {reference()[0], reference()[1]};
    // The candidate's lowest score is 0.80, so only detections below 0.81 may go missing: 0.305 qualifies.
    DetectionMatch m = match(ref, cand, TF);
    assertThat(m.misses()).isEmpty();
    // 2 of 3 matched and no miss: the line says why, so "2/3 ... OK" does not read as a gate that failed to count
    assertThat(m.unmatchedAtTheCut()).isOne();
    assertThat(m.toString()).startsWith("2/3 reference detections matched (candidate has 2)")
        .contains("; 1 unmatched at the score cut (within the score tolerance of the lowest score kept), not counted"
            + " as misses");
  }

  @Test
  void aMissingConfidentDetectionIsCaught() {
    float[][] cand = {reference()[1], reference()[2]};
    DetectionMatch m = match(reference(), cand, TF);
    assertThat(m.misses()).singleElement().asString().contains("reference detection #0").contains("score 0.9500");
    assertThat(m.unmatchedAtTheCut()).isZero();
    assertThat(m.toString()).doesNotContain("at the score cut");
  }

  @Test
  void tensorRtCriteriaAllowFivePercentOfTheDetectionsToGoUnmatched() {
    assertThat(GateCriteria.tensorRtFp16().allowedMisses(40)).isEqualTo(2);
    assertThat(GateCriteria.tensorRtFp16().allowedMisses(3)).isZero();
    assertThat(TF.allowedMisses(100)).isZero();
  }

  @Test
  void measuredOnlyCriteriaNeverFailButStillCount() {
    GateCriteria int8 = GateCriteria.measuredOnly("TensorRT INT8");
    float[][] cand = {reference()[1]};
    DetectionMatch m = match(reference(), cand, int8);
    assertThat(m.passes(int8)).isTrue();
    assertThat(m.matched()).isEqualTo(1);
    assertThat(m.fraction()).isCloseTo(1 / 3.0, offset(1e-9));
  }

  @Test
  void iouOfKnownBoxes() {
    assertThat(DetectionMatch.iou(new float[] {0, 0, 1, 1}, new float[] {0, 0, 1, 1})).isEqualTo(1.0);
    assertThat(DetectionMatch.iou(new float[] {0, 0, 1, 1}, new float[] {0, 0.5f, 1, 1.5f})).isCloseTo(1 / 3.0,
        offset(1e-9));
    assertThat(DetectionMatch.iou(new float[] {0, 0, 1, 1}, new float[] {2, 2, 3, 3})).isZero();
  }

  @Test
  void relativeTensorErrorIsTheL2NormAndNaNNeverPasses() {
    TensorError e = TensorError.of(new float[] {0.5f, 100.1f}, new float[] {0.5005f, 100f});
    assertThat(e.relativeL2()).isCloseTo(0.1 / 100.00125, offset(1e-6));
    assertThat(e.within(2e-3)).isTrue();
    assertThat(TensorError.of(new float[] {Float.NaN}, new float[] {1}).within(1)).isFalse();
  }

  /** A stand-in engine with fixed outputs: the gate is one class, and the engine's own criteria decide. */
  private record FixedEngine(String name, GateCriteria criteria, Detections out, float[][] preNms)
      implements InferenceEngine {
    @Override
    public Detections detect(ImageBatch images) {
      return out;
    }

    @Override
    public Optional<float[][]> preNmsTensors() {
      return Optional.ofNullable(preNms);
    }

    @Override
    public float infer() {
      return 0;
    }

    @Override
    public void prepare(ImageBatch images) {}

    @Override
    public void close() {}
  }

  @Test
  void theGateAppliesEachEnginesCriteriaAndNamesTheConfigurationWhenItRefuses() {
    ImageBatch images = new ImageBatch(new byte[3], 1, 1, 1);
    float[] enc = {1, 2, 3, 4};
    float[] scores = {0.5f, 0.25f};
    ReferenceOutputs reference = new ReferenceOutputs(enc, scores, detections(reference()));
    float[][] cand = reference();
    cand[0][4] = 0.48f; // IoU 0.95: fine for TensorRT, not for TensorFlow

    var trt = new FixedEngine("trt-fp16", GateCriteria.tensorRtFp16(), detections(cand),
        new float[][] {{1, 2, 3, 4.01f}, {0.5f, 0.25f}});
    CorrectnessGate.Report ok = CorrectnessGate.require(CorrectnessGate.check(trt, reference, images));
    assertThat(ok.passed()).isTrue();
    assertThat(ok.toString()).contains("raw box encodings").contains("OK");

    var tf = new FixedEngine("tf-gpu", GateCriteria.tensorFlow(), detections(cand), null);
    assertThatThrownBy(() -> CorrectnessGate.require(CorrectnessGate.check(tf, reference, images)))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("tf-gpu disagrees with tf-cpu, so it is not timed")
        .hasMessageContaining("IoU >= 0.98");

    var badPreNms = new FixedEngine("trt-fp32", GateCriteria.tensorRtFp32(), detections(reference()),
        new float[][] {{1, 2, 3, 5}, {0.5f, 0.25f}});
    assertThat(CorrectnessGate.check(badPreNms, reference, images).passed()).isFalse();
  }

  @Test
  void batchesOfDifferentSizeAreRefused() {
    Detections two = new Detections(2, new float[2 * Detections.MAX * 4], new float[2 * Detections.MAX],
        new float[2 * Detections.MAX], new float[2]);
    assertThatThrownBy(() -> DetectionMatch.of(detections(reference()), two, 0.5, 0.1))
        .hasMessageContaining("batch differs");
    assertThat(List.of(TF.toString())).singleElement().asString().contains("100% matched");
  }
}
