package org.ssdbench.ops;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class NetTimeTest {
  @Test
  void isCallMinusControlWithTheHalfWidthsInQuadrature() {
    NetTime t = NetTime.of(40, 3, 15, 4);
    assertThat(t.micros()).isEqualTo(25);
    assertThat(t.halfWidth()).isCloseTo(5, within(1e-12));
    assertThat(t.toldApartFromZero()).isTrue();
  }

  @Test
  void aNegativeTimeWithinItsUncertaintyStandsButIsNotToldApartFromZero() {
    // GatherV2 on empty tensors on an H200's CPU: -5.68 +- 6.26 us
    NetTime t = new NetTime(-5.68, 6.26);
    assertThat(t.controlExceedsCall()).isFalse();
    assertThat(t.micros()).isEqualTo(-5.68);
    assertThat(t.toldApartFromZero()).isFalse();
  }

  @Test
  void aControlSlowerBeyondTheUncertaintyLeavesNoTime() {
    NetTime t = NetTime.of(30, 2, 50, 2);
    assertThat(t.controlExceedsCall()).isTrue();
    assertThat(t.micros()).isNaN();
    assertThat(t.toldApartFromZero()).isFalse();
  }

  @Test
  void withoutAControlThereIsNoTime() {
    NetTime t = NetTime.of(30, 2, Double.NaN, Double.NaN);
    assertThat(t.micros()).isNaN();
    assertThat(t.toldApartFromZero()).isFalse();
  }

  @Test
  void aTimeWithoutAKnownIntervalCountsAsToldApartWhenPositive() {
    assertThat(NetTime.toldApartFromZero(3, Double.NaN)).isTrue();
    assertThat(NetTime.toldApartFromZero(0, Double.NaN)).isFalse();
    assertThat(NetTime.toldApartFromZero(Double.NaN, 1)).isFalse();
  }
}
