package org.ssdbench.bench;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

final class ThroughputSweepTest {
  @Test
  void printedLineGivesImagesPerSecondAsBatchOverP50() {
    assertThat(ThroughputSweep.line(128, 6.4, 7.0))
        .isEqualTo("  batch 128: p50    6.400 ms, p99    7.000 ms,     20,000 images/s");
  }
}
