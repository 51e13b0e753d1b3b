package org.ssdbench.engine.trt;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.data.Offset.offset;

import org.junit.jupiter.api.Test;
import org.ssdbench.engine.Detections;

final class AgreementTest {
  private static Detections of(int n, float[][] boxes, float[] scores, float[] classes) {
    float[] b = new float[400];
    float[] s = new float[100];
    float[] c = new float[100];
    for (int i = 0; i < n; i++) {
      System.arraycopy(boxes[i], 0, b, i * 4, 4);
      s[i] = scores[i];
      c[i] = classes[i];
    }
    return new Detections(1, b, s, c, new float[] {n});
  }

  @Test
  void matchesDetectionsByClassAndIouInTfOrder() {
    Detections tf = of(3, new float[][] {{0, 0, .5f, .5f}, {.5f, .5f, 1, 1}, {0, 0, .2f, .2f}},
        new float[] {.9f, .8f, .7f}, new float[] {1, 2, 3});
    Detections trt = of(3, new float[][] {{.5f, .5f, 1, 1}, {0, 0, .5f, .51f}, {0, 0, .2f, .2f}},
        new float[] {.8f, .89f, .7f}, new float[] {2, 1, 4});
    Agreement.Match m = Agreement.detections(tf, trt, 0, 0.9);
    assertThat(m.matched()).isEqualTo(2); // third differs in class
    assertThat(m.fraction()).isCloseTo(2 / 3.0, offset(1e-9));
    assertThat(m.worstScoreDiff()).isCloseTo(0.01, offset(1e-6));
  }

  @Test
  void iouOfIdenticalBoxesIsOneAndOfDisjointBoxesZero() {
    assertThat(Agreement.iou(new float[] {0, 0, 1, 1}, new float[] {0, 0, 1, 1})).isEqualTo(1.0);
    assertThat(Agreement.iou(new float[] {0, 0, .5f, .5f}, new float[] {.5f, .5f, 1, 1})).isZero();
    assertThat(Agreement.iou(new float[] {0, 0, 1, 1}, new float[] {0, 0, 1, .5f})).isCloseTo(0.5, offset(1e-9));
  }

  @Test
  void relativeErrorIsAbsoluteBelowOneAndRelativeAbove() {
    var e = Agreement.relative(new float[] {0.5f, 100.1f}, new float[] {0.5005f, 100f});
    assertThat(e.worst()).isCloseTo(1e-3, offset(1e-5));
    assertThat(e.within(2e-3)).isTrue();
    assertThat(Agreement.relative(new float[] {Float.NaN}, new float[] {1}).within(1)).isFalse();
  }

  @Test
  void gateChecksTheRelativeL2NormWhileTheWorstElementIsReported() {
    float[] expected = new float[1000];
    float[] actual = new float[1000];
    for (int i = 0; i < expected.length; i++) {
      expected[i] = 1f;
      actual[i] = 1f;
    }
    actual[7] = 1.04f; // one element 4% off, as FP16 showed: the tensor as a whole is 0.13% off
    var e = Agreement.relative(actual, expected);
    assertThat(e.worst()).isCloseTo(0.04, offset(1e-6));
    assertThat(e.relativeL2()).isCloseTo(0.04 / Math.sqrt(1000), offset(1e-6));
    assertThat(e.within(2e-2)).isTrue();
    assertThat(e.toString()).contains("relative L2").contains("worst element 0.0400 at 7");
    for (int i = 0; i < actual.length; i++) {
      actual[i] = 1.03f; // every element 3% off: the tensor is wrong
    }
    assertThat(Agreement.relative(actual, expected).within(2e-2)).isFalse();
  }
}
