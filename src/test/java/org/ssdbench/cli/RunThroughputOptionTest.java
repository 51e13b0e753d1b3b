package org.ssdbench.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.ssdbench.bench.ThroughputSweep;

final class RunThroughputOptionTest {
  @Test
  void refusesAnUnknownSweepConfigBeforeWritingAnything(@TempDir Path dir) throws Exception {
    StringWriter err = new StringWriter();
    int code = Main.commandLine().setErr(new PrintWriter(err))
        .execute("run", "--throughput=trt-fp64", "--no-tf", "--results", dir.toString());
    assertThat(code).isEqualTo(2);
    assertThat(err.toString()).contains("--throughput: Unknown TensorRT config 'trt-fp64'").contains("trt-fp16-u8-graph");
    try (var files = Files.list(dir)) {
      assertThat(files).isEmpty();
    }
  }

  @Test
  void refusesTheSweepWithoutTensorRt(@TempDir Path dir) {
    StringWriter err = new StringWriter();
    int code = Main.commandLine().setErr(new PrintWriter(err))
        .execute("run", "--throughput", "--no-trt", "--results", dir.toString());
    assertThat(code).isEqualTo(2);
    assertThat(err.toString()).contains("--throughput and --no-trt contradict each other");
  }

  @Test
  void sweepsTheFastestGatedPrecisionOverTheIssuesBatches() {
    var params = ThroughputSweep.params(ThroughputSweep.DEFAULT_CONFIG, "generated", ThroughputSweep.BATCHES);
    assertThat(params.get("config")).containsExactly("trt-fp16-u8-graph");
    assertThat(params.get("batch")).containsExactly("1", "8", "32", "128", "256");
    assertThat(params.get("model")).containsExactly("generated");
  }

  @Test
  void sweepRejectsAnEmptyOrNonPositiveBatchList() {
    org.assertj.core.api.Assertions.assertThatThrownBy(
            () -> ThroughputSweep.params("trt-fp16-graph", "generated", java.util.List.of(8, 0)))
        .hasMessageContaining("throughput batches must be >= 1, got [8, 0]");
  }

  @Test
  void theSweepsEnginesTakeTheRunsBuilderLevelThresholdAndImage() {
    assertThat(RunCommand.sweepParams("0.3", "synthetic", 1))
        .containsEntry("builderLevel", "1").containsEntry("scoreThreshold", "0.3").containsEntry("image", "synthetic");
  }

  @Test
  void sweepBatchesNeedASweepAndAreCheckedBeforeWritingAnything(@TempDir Path dir) throws Exception {
    StringWriter err = new StringWriter();
    int code = Main.commandLine().setErr(new PrintWriter(err))
        .execute("run", "--throughput-batches", "256", "--no-tf", "--results", dir.toString());
    assertThat(code).isEqualTo(2);
    assertThat(err.toString()).contains("this run has no sweep: add --throughput");

    StringWriter err2 = new StringWriter();
    int code2 = Main.commandLine().setErr(new PrintWriter(err2))
        .execute("run", "--throughput", "--throughput-batches", "256,0", "--no-tf", "--results", dir.toString());
    assertThat(code2).isEqualTo(2);
    assertThat(err2.toString()).contains("throughput batches must be >= 1, got [256, 0]");
    try (var files = Files.list(dir)) {
      assertThat(files).isEmpty();
    }
  }

  @Test
  void theSweepTakesTheBatchesGivenElseTheIssuesFive() {
    RunCommand run = new RunCommand();
    assertThat(run.sweepBatches()).isEqualTo(ThroughputSweep.BATCHES);
    run.throughputBatches = java.util.List.of(256);
    assertThat(run.sweepBatches()).containsExactly(256);
  }
}
