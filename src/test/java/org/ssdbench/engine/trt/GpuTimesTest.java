package org.ssdbench.engine.trt;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.offset;

import org.junit.jupiter.api.Test;

final class GpuTimesTest {
  @Test
  void warmUpIterationsAreLeftOutOfThePercentilesButEachIterationKeepsItsSum() {
    GpuTimes t = new GpuTimes(100);
    t.startIteration();
    t.add(9f);
    t.add(9f);
    assertThat(t.iterationCalls()).isEqualTo(2);
    assertThat(t.iterationSumMillis()).isCloseTo(18, offset(1e-9));
    t.discardIteration(); // a warm-up iteration
    t.startIteration();
    for (int i = 1; i <= 4; i++) {
      t.add(i);
    }
    assertThat(t.kept()).isEqualTo(4);
    assertThat(t.percentile(50)).isEqualTo(2.0);
    assertThat(t.percentile(99)).isEqualTo(4.0);
  }

  @Test
  void pastItsCapacityItStillCountsButKeepsNoMore() {
    GpuTimes t = new GpuTimes(2);
    t.startIteration();
    t.add(1);
    t.add(2);
    t.add(3);
    assertThat(t.kept()).isEqualTo(2);
    assertThat(t.iterationCalls()).isEqualTo(3);
    assertThat(new GpuTimes(4).percentile(50)).isNaN();
  }
}
