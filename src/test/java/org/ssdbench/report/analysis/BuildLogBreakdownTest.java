package org.ssdbench.report.analysis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import org.junit.jupiter.api.Test;

class BuildLogBreakdownTest {
  /** Shaped like an H200 INT8 build's log: library load, a convolution search, reformat searches, assembly. */
  private static final List<String> LOG = List.of(
      "2.481 kINFO [MemUsageChange] Init CUDA: CPU +0, GPU +0, now: CPU 211, GPU 526 (MiB)",
      "6575.975 kINFO [MemUsageChange] Init builder kernel library: CPU +4648, GPU +1292, now: CPU 5015, GPU 1818 (MiB)",
      "7000.000 kINFO Global timing cache in use. Profiling results in this builder pass will be stored.",
      "7100.000 kVERBOSE --------------- Timing Runner: expanded_conv/project (CaskConvolution)",
      "7200.000 kVERBOSE Tactic: 0x0000000000000013 Time: 0.0128661",
      "7300.000 kVERBOSE Tactic: 0x0000000000000017 Time: 0.0104162",
      "8100.000 kVERBOSE --------------- Timing Runner: Optimizer Reformat(<in> -> BoxPredictor_1/to_anchors) (Reformat)",
      "8200.000 kVERBOSE Tactic: 0x00000000000003e8 Time: 0.00421",
      "9100.000 kVERBOSE --------------- Timing Runner: PWN(scores_with_background) (PointWiseV2[0x80000028])",
      "  a message's own second line",
      "9600.000 kVERBOSE --------------- Timing Runner: Optimizer Reformat(<in> -> BoxPredictor_1/to_anchors) (Reformat)",
      "11600.000 kVERBOSE =============== Computing costs for decode",
      "52100.000 kINFO Detected 1 inputs and 4 output network tensors.",
      "56400.000 kINFO Engine generation completed in 49.4238 seconds.",
      "56523.471 kINFO Serialized 13503 timing cache entries");

  @Test
  void addsUpTheTacticSearchesByRunnerAndLeavesTheRestToLibraryAndOther() {
    BuildLogBreakdown b = BuildLogBreakdown.of(LOG);

    assertThat(b.totalMillis()).isEqualTo(56523.471);
    assertThat(b.libraryMillis()).isEqualTo(6575.975);
    assertThat(b.tacticMillisByRunner()).containsExactly(
        java.util.Map.entry("Reformat", 3000.0), java.util.Map.entry("CaskConvolution", 1000.0),
        java.util.Map.entry("PointWiseV2", 500.0));
    assertThat(b.convolutionMillis()).isEqualTo(1000.0);
    assertThat(b.reformatMillis()).isEqualTo(3000.0);
    assertThat(b.otherTacticMillis()).isEqualTo(500.0);
    assertThat(b.otherMillis()).isCloseTo(56523.471 - 6575.975 - 4500.0, within(1e-6));
    assertThat(b.tacticsTimed()).isEqualTo(3);
    assertThat(b.slowestLayer()).isEqualTo("Optimizer Reformat(<in> -> BoxPredictor_1/to_anchors)");
    assertThat(b.slowestLayerMillis()).isEqualTo(3000.0);
    assertThat(b.finished()).isTrue();
  }

  @Test
  void aLogCutOffInASearchEndsThatSearchAtItsLastLine() {
    BuildLogBreakdown b = BuildLogBreakdown.of(List.of(
        "10.0 kVERBOSE --------------- Timing Runner: conv (CaskGemmConvolution)",
        "40.0 kVERBOSE Tactic: 0x01 Time: 0.01"));

    assertThat(b.tacticMillisByRunner()).containsExactly(java.util.Map.entry("CaskGemmConvolution", 30.0));
    assertThat(b.libraryMillis()).isZero();
    assertThat(b.finished()).isFalse();
  }

  @Test
  void refusesTextThatIsNotABuildLog() {
    assertThatThrownBy(() -> BuildLogBreakdown.of(List.of("hello", "world")))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("not a TensorRT build log");
  }
}
