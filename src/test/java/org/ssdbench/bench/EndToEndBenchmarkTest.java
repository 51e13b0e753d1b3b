package org.ssdbench.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.Collection;
import java.util.List;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.results.format.ResultFormatType;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.openjdk.jmh.runner.options.TimeValue;
import org.ssdbench.engine.tf.TfDevices;
import org.ssdbench.report.jmh.BenchmarkResult;
import org.ssdbench.report.jmh.JmhJsonReader;

final class EndToEndBenchmarkTest {
  @Test
  void shortJmhRunOfTfCpuSamplesEveryCallAndWritesJsonTheReportReads(@TempDir Path dir) throws Exception {
    Path json = dir.resolve("jmh-e2e.json");
    Collection<RunResult> results = new Runner(new OptionsBuilder()
        .include(EndToEndBenchmark.class.getName() + ".infer$")
        .param("config", "tf-cpu")
        .forks(0)
        .warmupIterations(1).warmupTime(TimeValue.seconds(1))
        .measurementIterations(1).measurementTime(TimeValue.seconds(2))
        .shouldFailOnError(true)
        .resultFormat(ResultFormatType.JSON)
        .result(json.toString())
        .build()).run();

    RunResult result = results.iterator().next();
    assertThat(result.getParams().getParam("config")).isEqualTo("tf-cpu");
    assertThat(result.getParams().getParam("model")).isEqualTo("generated");
    assertThat(result.getPrimaryResult().getScoreUnit()).isEqualTo("ms/op");
    assertThat(result.getPrimaryResult().getStatistics().getN()).isPositive();
    assertThat(result.getPrimaryResult().getStatistics().getPercentile(50)).isBetween(0.1, 10_000.0);

    List<BenchmarkResult> read = new JmhJsonReader().read(json);
    assertThat(read).singleElement().satisfies(r -> assertThat(r.params()).containsEntry("config", "tf-cpu"));
    assertThat(Summary.of(results).rows()).singleElement()
        .satisfies(row -> assertThat(row.config()).isEqualTo("tf-cpu"));
  }

  @Test
  void aForkThatBuiltItsOwnWorkloadRecordsItsGateInTheRunFolderItWasGiven(@TempDir Path run) throws Exception {
    // The throughput sweep's forks: workload=none, the run folder only as a system property.
    EndToEndBenchmark bench = new EndToEndBenchmark();
    bench.config = "tf-cpu";
    bench.batch = 2;
    bench.model = ModelRequest.GENERATED;
    bench.scoreThreshold = 0.3f;
    bench.image = ModelRequest.SYNTHETIC;
    bench.workload = InferenceBenchmark.NO_WORKLOAD;
    String before = System.getProperty(org.ssdbench.engine.trt.TrtBuildsCsv.RUN_DIR_PROPERTY);
    System.setProperty(org.ssdbench.engine.trt.TrtBuildsCsv.RUN_DIR_PROPERTY, run.toString());
    try {
      bench.setUp();
    } finally {
      bench.tearDown();
      if (before == null) {
        System.clearProperty(org.ssdbench.engine.trt.TrtBuildsCsv.RUN_DIR_PROPERTY);
      } else {
        System.setProperty(org.ssdbench.engine.trt.TrtBuildsCsv.RUN_DIR_PROPERTY, before);
      }
    }

    var gate = org.ssdbench.report.csv.CsvTable.read(run.resolve(org.ssdbench.results.GateCsv.FILE));
    assertThat(gate.rows()).hasSize(2).allSatisfy(row -> assertThat(row.subList(0, 2)).containsExactly("tf-cpu", "2"));
    assertThat(run.resolve("detections.csv")).as("hundreds of images per batch: the gate only").doesNotExist();
  }

  @Test
  void gpuConfigurationFailsSetupWithTheReasonOnAMachineWithoutOne() {
    Assumptions.assumeFalse(TfDevices.hasGpu(), "this machine has a GPU");
    EndToEndBenchmark bench = new EndToEndBenchmark();
    bench.config = "tf-gpu-postproc-cpu";
    bench.batch = 1;
    bench.model = ModelRequest.GENERATED;
    bench.scoreThreshold = 0.3f;
    bench.image = ModelRequest.SYNTHETIC;
    assertThatThrownBy(bench::setUp)
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("'tf-gpu-postproc-cpu' needs a GPU")
        .hasMessageContaining("-Pgpu");
  }
}
