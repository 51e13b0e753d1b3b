package org.ssdbench.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.ssdbench.ops.ModelGraphs;
import org.ssdbench.ops.SignatureTable;

final class RunPlanTest {
  private static final SignatureTable MODEL = ModelGraphs.defaultModelSignatures();

  @Test
  void theQuickProfileOnAGpuMachineCountsItsTrialsAndIterations() {
    int opTrials = PerOpPart.trials(Profile.QUICK, MODEL, 2);
    RunPlan plan = RunPlan.of(Profile.QUICK, 4, 7, null, List.of(), opTrials, 7);

    // five op types at their heaviest signature, on CPU and GPU, host-fed, each with its control
    assertThat(opTrials).isEqualTo(20);
    // (4 + 7) configurations x 2 forks x 7 s, and 20 op trials x 2 forks x (1 + 3) s
    assertThat(plan.iterations()).isEqualTo(Duration.ofSeconds(11 * 2 * 7 + 20 * 2 * 4));
    // fork starts: 8 x 12 s, 14 x 5 s, 40 x 2 s, and 7 kernel profiles of 6 s
    assertThat(plan.estimate()).isEqualTo(plan.iterations().plusSeconds(96 + 70 + 80 + 42));
    assertThat(plan.lines()).anyMatch(l -> l.contains("TensorRT end to end") && l.contains("7 configurations x 1 batch size = 7 trials x 2 forks x 7 s"))
        .last().asString().contains("JMH iterations alone: 5 min 14 s").contains("about 10 min 2 s");
  }

  @Test
  void theFullProfileAddsTheSweepAndTakesHours() {
    int opTrials = PerOpPart.trials(Profile.FULL, MODEL, 2);
    RunPlan plan = RunPlan.of(Profile.FULL, 4, 7, ThroughputSweep.DEFAULT_CONFIG, ThroughputSweep.BATCHES, opTrials, 7);

    assertThat(plan.parts()).extracting(RunPlan.Part::name).containsExactly("TensorFlow end to end",
        "TensorRT end to end", "throughput sweep", "kernel profiles", "per op");
    assertThat(plan.parts().get(2).trialCount()).isEqualTo(2 * ThroughputSweep.BATCHES.size());
    // named, since --trt-configs does not choose it: --throughput=CONFIG does
    assertThat(plan.lines()).anyMatch(l -> l.contains("throughput sweep")
        && l.contains("trt-fp16-u8-graph at batch 1, 8, 32, 128, 256, one and two batches in flight"));
    assertThat(plan.estimate()).isGreaterThan(Duration.ofHours(3));
    assertThat(RunPlan.describe(Duration.ofSeconds(3 * 3600 + 29 * 60 + 5))).isEqualTo("3 h 29 min");
  }

  @Test
  void aPartThatWillNotRunIsNamedWithItsReason() {
    RunPlan plan = RunPlan.of(Profile.QUICK, 1, 0, null, List.of(), 10, 0).notRunning("TensorRT: no GPU on this machine");

    assertThat(plan.lines()).contains("  not run here: TensorRT: no GPU on this machine")
        .anyMatch(l -> l.contains("1 configuration x 1 batch size = 1 trial x 2 forks x 7 s"));
    assertThat(plan.parts()).extracting(RunPlan.Part::name).containsExactly("TensorFlow end to end", "per op");
  }
}
