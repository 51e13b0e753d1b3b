package org.ssdbench.bench;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

final class ThroughputSweepTest {
  @Test
  void printedLineGivesImagesPerSecondAsBatchOverTheMeanCall() {
    assertThat(ThroughputSweep.line(128, 6.3, 7.0, 6.4))
        .isEqualTo("  batch 128: p50    6.300 ms, p99    7.000 ms, mean    6.400 ms,     20,000 images/s");
  }

  @Test
  void twoInFlightPrintsItsMeanCallAndTheTimeABatchIsInFlight() {
    assertThat(ThroughputSweep.twoInFlightLine(256, 8.365))
        .isEqualTo("  batch 256: mean    8.365 ms per call (a batch is in flight two calls, 16.730 ms),     30,604 images/s");
  }
}
