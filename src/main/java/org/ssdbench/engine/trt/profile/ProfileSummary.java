package org.ssdbench.engine.trt.profile;

import java.util.Objects;

/**
 * One engine's profile in a line of {@code trt-kernel-summary.csv}.
 *
 * @param inferences how many inferences were traced (and, before that, timed with CUDA events)
 * @param eventMicros the p50 CUDA-event GPU time per inference over as many untraced inferences
 * @param busyMicros the time per inference some kernel, copy or fill ran (the union of their intervals, so work
 *     overlapping on two streams counts once)
 * @param kernelMicros kernel time per inference, summed over kernels
 * @param copyMicros copy and fill time per inference, summed
 */
public record ProfileSummary(String config, int batch, int inferences, double eventMicros, double busyMicros,
    double kernelMicros, double copyMicros) {
  public ProfileSummary {
    Objects.requireNonNull(config, "config");
    if (inferences < 1) {
      throw new IllegalArgumentException("a profile needs at least 1 inference, got " + inferences);
    }
  }

  /** The share of the CUDA-event GPU time that some work was running; the rest are gaps between launches. */
  public double coverage() {
    return eventMicros > 0 ? busyMicros / eventMicros : Double.NaN;
  }
}
