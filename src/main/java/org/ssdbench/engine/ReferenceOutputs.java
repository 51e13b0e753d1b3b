package org.ssdbench.engine;

import java.util.Objects;

/**
 * What the {@code tf-cpu} reference computed for one batch, the outputs every configuration is checked against: the raw
 * box encodings {@code [B, N, 4]} and class scores without background {@code [B, N, 90]} before NMS (null where the
 * graph's roles could not be found), and the four detection outputs. Arrays are flat, row-major.
 */
public record ReferenceOutputs(float[] rawBoxEncodings, float[] classScores, Detections detections) {
  public ReferenceOutputs {
    Objects.requireNonNull(detections, "detections");
    if ((rawBoxEncodings == null) != (classScores == null)) {
      throw new IllegalArgumentException("the pre-NMS tensors come together: both or neither");
    }
  }

  public boolean hasPreNms() {
    return rawBoxEncodings != null;
  }
}
