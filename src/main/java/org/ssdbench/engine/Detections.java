package org.ssdbench.engine;

import java.util.Objects;

/**
 * The model's four outputs for one batch, copied to the heap. Arrays are flattened row-major:
 * boxes {@code [batch][100][4]} (ymin, xmin, ymax, xmax), scores and classes {@code [batch][100]}, num {@code [batch]}.
 */
public record Detections(int batch, float[] boxes, float[] scores, float[] classes, float[] numDetections) {
  public static final int MAX = org.ssdbench.model.SsdSignature.MAX_DETECTIONS;

  public Detections {
    Objects.requireNonNull(boxes, "boxes");
    Objects.requireNonNull(scores, "scores");
    Objects.requireNonNull(classes, "classes");
    Objects.requireNonNull(numDetections, "numDetections");
    check("boxes", boxes.length, batch * MAX * 4);
    check("scores", scores.length, batch * MAX);
    check("classes", classes.length, batch * MAX);
    check("num_detections", numDetections.length, batch);
  }

  private static void check(String what, int actual, int expected) {
    if (actual != expected) {
      throw new IllegalArgumentException("%s has %d values, expected %d".formatted(what, actual, expected));
    }
  }

  public int count(int image) {
    return (int) numDetections[image];
  }

  public float score(int image, int row) {
    return scores[image * MAX + row];
  }

  public int classId(int image, int row) {
    return Math.round(classes[image * MAX + row]);
  }

  /** ymin, xmin, ymax, xmax of one detection. */
  public float[] box(int image, int row) {
    int at = (image * MAX + row) * 4;
    return new float[] {boxes[at], boxes[at + 1], boxes[at + 2], boxes[at + 3]};
  }
}
