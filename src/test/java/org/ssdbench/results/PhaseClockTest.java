package org.ssdbench.results;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

class PhaseClockTest {
  /** A clock that stands still until the test moves it. */
  private static final class HandClock extends Clock {
    private Instant now = Instant.parse("2026-12-04T05:08:03Z");

    void advance(int seconds) {
      now = now.plusSeconds(seconds);
    }

    @Override
    public Instant instant() {
      return now;
    }

    @Override
    public ZoneId getZone() {
      return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
      return this;
    }
  }

  @Test
  void eachLapCountsTheTimeSinceThePreviousOneAndThePhasesAddUpToTheWhole() {
    HandClock hand = new HandClock();
    PhaseClock clock = new PhaseClock(hand);

    hand.advance(85);
    clock.lap("setup");
    hand.advance(151);
    clock.lap("TensorFlow");
    hand.advance(466);
    clock.lap("TensorRT");

    assertThat(clock.phases()).containsExactly(
        java.util.Map.entry("setup", Duration.ofSeconds(85)),
        java.util.Map.entry("TensorFlow", Duration.ofSeconds(151)),
        java.util.Map.entry("TensorRT", Duration.ofSeconds(466)));
    assertThat(clock.phases().values().stream().reduce(Duration.ZERO, Duration::plus)).hasSeconds(702);
  }

  @Test
  void aPhaseThatComesBackAddsToItsEarlierTimeInItsFirstPlace() {
    HandClock hand = new HandClock();
    PhaseClock clock = new PhaseClock(hand);

    hand.advance(10);
    clock.lap("TensorRT");
    hand.advance(5);
    clock.lap("kernel profile");
    hand.advance(20);
    clock.lap("TensorRT");

    assertThat(clock.phases().keySet()).containsExactly("TensorRT", "kernel profile");
    assertThat(clock.phases().get("TensorRT")).hasSeconds(30);
  }
}
