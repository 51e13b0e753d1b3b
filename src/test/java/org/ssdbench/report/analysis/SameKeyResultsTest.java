package org.ssdbench.report.analysis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.ssdbench.report.analysis.SampleResults.sample;
import static org.ssdbench.report.analysis.SampleResults.sampleWithWorkload;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.ssdbench.report.jmh.BenchmarkResult;

/** A run that timed trt-fp16-u8-graph at batch 1 twice: its own TensorRT part and the throughput sweep. */
final class SameKeyResultsTest {
  private static final String TRT = "org.ssdbench.bench.TensorRtBenchmark.infer";
  private static final String RUN_WORKLOAD = "/root/suite/results/vm-h200-20261204-064421/workload";
  // The sweep's file (jmh-throughput.json) is read before the run's (jmh-trt.json), and its fork was slower.
  private final BenchmarkResult sweepOne = sampleWithWorkload(TRT, "trt-fp16-u8-graph", "1", 0.4029, "none");
  private final BenchmarkResult sweepEight = sampleWithWorkload(TRT, "trt-fp16-u8-graph", "8", 0.7158, "none");
  private final BenchmarkResult runOne = sampleWithWorkload(TRT, "trt-fp16-u8-graph", "1", 0.3968, RUN_WORKLOAD);
  private final BenchmarkResult peer = sample("peers.TorchSsd.infer", "torch-fp16-graph", "1", 1.126);
  private final List<BenchmarkResult> results = List.of(sweepOne, sweepEight, runOne, peer);

  @Test
  void latencySectionsTakeTheRunsOwnMeasurementWhicheverFileCameFirst() {
    assertThat(SameKeyResults.runWorkloadFirst(results)).containsExactly(sweepEight, runOne, peer);
    assertThat(SameKeyResults.runWorkloadFirst(List.of(runOne, sweepOne))).containsExactly(runOne);
    assertThat(EndToEnd.find(EndToEnd.latencies(results), "trt-fp16-u8-graph").orElseThrow().p50())
        .isEqualTo(0.3968);
    assertThat(Ladder.batchOne(results).get("trt-fp16-u8-graph")).isSameAs(runOne);
  }

  @Test
  void thePeerComparisonDoesNotPickTheFasterOfTwoProcessesOfOneEngine() {
    BenchmarkResult fasterSweep = sampleWithWorkload(TRT, "trt-fp16-u8-graph", "1", 0.3900, "none");

    PeerComparison compared = PeerComparison.of(List.of(fasterSweep, runOne, peer)).orElseThrow();

    assertThat(compared.trtMillis()).isEqualTo(0.3968);
  }

  @Test
  void theThroughputTableTakesTheSweepsLineAndNamesWhatItLeftOut() {
    assertThat(SameKeyResults.sweepFirst(results)).containsExactly(sweepOne, sweepEight, peer);
    assertThat(Throughput.points(results)).extracting(Throughput.Point::p50).containsExactly(0.4029, 0.7158);
    assertThat(Throughput.timedAlsoByRun(results)).extracting(Throughput.Point::p50).containsExactly(0.3968);
  }

  @Test
  void resultsOfTheirOwnKeyPassThrough() {
    List<BenchmarkResult> distinct = List.of(sweepEight, runOne, peer);

    assertThat(SameKeyResults.runWorkloadFirst(distinct)).containsExactlyElementsOf(distinct);
    assertThat(SameKeyResults.sweepFirst(distinct)).containsExactlyElementsOf(distinct);
    assertThat(Throughput.timedAlsoByRun(distinct)).isEmpty();
  }
}
