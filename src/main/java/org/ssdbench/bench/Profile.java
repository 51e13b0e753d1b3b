package org.ssdbench.bench;

import java.util.List;

/**
 * How long and how wide a run measures. {@link #QUICK} takes minutes and is the default; {@link #FULL} runs every batch
 * size, two forks and longer iterations, for numbers to publish.
 */
public record Profile(String name, int forks, int warmupIterations, int warmupSeconds, int measurementIterations,
    int measurementSeconds, List<Integer> batches, int opSignatures) {

  public static final Profile QUICK = new Profile("quick", 1, 2, 3, 3, 5, List.of(1), 1);
  public static final Profile FULL = new Profile("full", 2, 3, 5, 5, 10, List.of(1, 8, 32), 3);

  public Profile {
    if (forks < 1 || warmupIterations < 0 || measurementIterations < 1 || warmupSeconds < 1 || measurementSeconds < 1) {
      throw new IllegalArgumentException("profile '%s' needs forks >= 1, measurement iterations >= 1 and times >= 1 s"
          .formatted(name));
    }
    batches = List.copyOf(batches);
  }

  public static Profile byName(String name) {
    return switch (name) {
      case "quick" -> QUICK;
      case "full" -> FULL;
      default -> throw new IllegalArgumentException("Unknown profile '%s'; available: quick, full".formatted(name));
    };
  }

  /** This profile with other batch sizes (a --batch option overrides the profile's list). */
  public Profile withBatches(List<Integer> other) {
    return new Profile(name, forks, warmupIterations, warmupSeconds, measurementIterations, measurementSeconds, other,
        opSignatures);
  }

  /**
   * Shorter iterations for the per-op benchmarks: one op call takes microseconds, so a second per iteration already
   * gathers thousands of samples, and there are dozens of (signature, device, variant) trials.
   */
  public Profile forOps() {
    return new Profile(name + "-ops", forks, 1, 1, forks > 1 ? 3 : 2, 1, batches, opSignatures);
  }
}
