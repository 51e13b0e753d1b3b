package org.ssdbench.results;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Times the phases of a run that follow one another (setup, traces, TensorFlow, TensorRT, ...): each {@link #lap}
 * closes the phase that ran since the previous lap, so the phases add up to the run's time. A phase that comes back
 * adds to its earlier time.
 */
public final class PhaseClock {
  private final Clock clock;
  private final Map<String, Duration> phases = new LinkedHashMap<>();
  private Instant last;

  public PhaseClock(Clock clock) {
    this.clock = clock;
    this.last = clock.instant();
  }

  public static PhaseClock start() {
    return new PhaseClock(Clock.systemUTC());
  }

  /** Closes {@code phase}: the time since the previous lap (or the start) is counted as its. */
  public void lap(String phase) {
    Instant now = clock.instant();
    phases.merge(phase, Duration.between(last, now), Duration::plus);
    last = now;
  }

  /** The phases lapped so far, in the order they first ran. */
  public Map<String, Duration> phases() {
    return new LinkedHashMap<>(phases);
  }
}
