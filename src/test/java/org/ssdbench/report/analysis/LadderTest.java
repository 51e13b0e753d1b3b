package org.ssdbench.report.analysis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;
import static org.ssdbench.report.analysis.SampleResults.sample;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.ssdbench.report.jmh.BenchmarkResult;
import org.ssdbench.report.jmh.HistogramBin;
import org.ssdbench.report.run.RunLoader;
import org.ssdbench.testing.Fixtures;

final class LadderTest {
  @TempDir Path dir;

  @Test
  void goesFromTfGpuToTheFastestThroughTheStepsTheRunHas() throws Exception {
    List<BenchmarkResult> results = new RunLoader().load(Fixtures.copyOfRun("h100-run", dir)).results();

    List<Ladder.Step> steps = Ladder.of(results);

    assertThat(steps).extracting(Ladder.Step::config)
        .containsExactly("tf-gpu", "tf-gpu-postproc-cpu", "trt-fp32", "trt-fp16-graph");
    assertThat(steps.get(0).gain()).isNaN();
    assertThat(steps.get(1).gain()).isCloseTo(8.95 / 6.4, within(1e-9));
    assertThat(steps.get(3).overBaseline()).isCloseTo(8.95 / 1.5, within(1e-9));
    assertThat(steps.get(1).article()).contains("1.3x");
    assertThat(steps.get(2).article()).contains("4x");
    assertThat(steps.get(3).article()).isEmpty();
    for (Ladder.Step s : steps.subList(1, steps.size())) {
      assertThat(s.gainInterval().known()).as(s.config()).isTrue();
      assertThat(s.gainInterval().low()).as(s.config()).isLessThanOrEqualTo(s.gainInterval().high()).isPositive();
    }
  }

  @Test
  void leavesOutOtherBatchSizesAndThePeer() {
    List<BenchmarkResult> results = List.of(
        sample("org.ssdbench.bench.EndToEndBenchmark.infer", "tf-gpu", "1", 10.0),
        sample("org.ssdbench.bench.TensorRtBenchmark.infer", "trt-fp16-graph", "1", 0.5),
        sample("org.ssdbench.bench.TensorRtBenchmark.infer", "trt-fp16-graph", "32", 0.1),
        sample("peers.TorchSsd.infer", "torch-fp16-graph", "1", 0.05));

    List<Ladder.Step> steps = Ladder.of(results);

    assertThat(steps).extracting(Ladder.Step::config).containsExactly("tf-gpu", "trt-fp16-graph");
    assertThat(steps.get(1).millis()).isEqualTo(0.5);
    assertThat(Ladder.of(List.of())).isEmpty();
  }

  @Test
  void appendsTheFastestWhenItIsNotOnThePath() {
    List<BenchmarkResult> results = List.of(
        sample("org.ssdbench.bench.EndToEndBenchmark.infer", "tf-gpu", "1", 10.0),
        sample("org.ssdbench.bench.TensorRtBenchmark.infer", "trt-fp16", "1", 0.6),
        sample("org.ssdbench.bench.TensorRtBenchmark.infer", "trt-fp32", "1", 1.0));

    assertThat(Ladder.of(results)).extracting(Ladder.Step::config).containsExactly("tf-gpu", "trt-fp32", "trt-fp16");
  }

  @Test
  void bootstrapIntervalCoversTheRatioOfMeansAndNeedsTwoIterations() {
    IterationInterval ci = IterationInterval.ofRatio(new double[] {2.0, 2.1, 1.9, 2.0}, new double[] {1.0, 1.05, 0.95, 1.0});
    assertThat(ci.low()).isLessThanOrEqualTo(2.0);
    assertThat(ci.high()).isGreaterThanOrEqualTo(2.0);
    assertThat(ci.high() - ci.low()).isLessThan(0.5);
    assertThat(IterationInterval.ofRatio(new double[] {2.0}, new double[] {1.0, 1.1}).known()).isFalse();
    assertThat(IterationInterval.median(List.of(new HistogramBin(3, 1), new HistogramBin(1, 2), new HistogramBin(2, 1))))
        .isEqualTo(1.0);
  }

  @Test
  void floorIsTheLongerOfWeightsAndComputePlusCopyAndLaunch() {
    HardwareFloor.Gpu h200 = HardwareFloor.gpu("NVIDIA H200").orElseThrow();
    assertThat(h200.memoryGBs()).isEqualTo(4800);
    assertThat(HardwareFloor.gpu("NVIDIA H100 80GB HBM3").orElseThrow().name()).isEqualTo("H100 SXM");
    assertThat(HardwareFloor.gpu("NVIDIA H100 PCIe").orElseThrow().name()).isEqualTo("H100 PCIe");
    assertThat(HardwareFloor.gpu("Some Card")).isEmpty();

    HardwareFloor fp16 = HardwareFloor.of(h200, "trt-fp16-u8-graph", 1);
    assertThat(fp16.memoryMillis()).isCloseTo(16_837_567 * 2 / 4800e9 * 1e3, within(1e-9));
    assertThat(fp16.computeMillis()).isCloseTo(3.75e9 / 989.4e12 * 1e3, within(1e-9));
    assertThat(fp16.copyMillis()).isCloseTo(270_000 / 64e9 * 1e3, within(1e-9));
    assertThat(fp16.millis()).isCloseTo(
        Math.max(fp16.memoryMillis(), fp16.computeMillis()) + fp16.copyMillis() + HardwareFloor.LAUNCH_MILLIS, within(1e-12));
    assertThat(HardwareFloor.of(h200, "trt-fp16-graph", 1).copyMillis()).isCloseTo(4 * fp16.copyMillis(), within(1e-12));
    assertThat(HardwareFloor.of(h200, "trt-int8-u8-graph", 1).memoryMillis()).isCloseTo(fp16.memoryMillis() / 2, within(1e-12));
    assertThat(fp16.explain()).contains("H200 SXM").contains("trt-fp16-u8-graph").contains("989 TFLOPS at FP16");
    assertThat(HardwareFloor.of(h200, "trt-int8-u8-graph", 1).explain()).contains("1979 TOPS at INT8, 1-byte weights");

    // TensorFlow's float32 graph: 4-byte weights on TF32 tensor cores; a strict FP32 engine: no tensor cores.
    HardwareFloor tf = HardwareFloor.of(h200, "tf-gpu-postproc-cpu", 1);
    assertThat(tf.memoryMillis()).isCloseTo(2 * fp16.memoryMillis(), within(1e-12));
    assertThat(tf.computeMillis()).isCloseTo(3.75e9 / 494.7e12 * 1e3, within(1e-9));
    assertThat(tf.explain()).contains("495 TFLOPS at TF32, 4-byte weights");
    assertThat(HardwareFloor.of(h200, "trt-fp32", 1).computeMillis()).isCloseTo(3.75e9 / 67e12 * 1e3, within(1e-9));
    assertThat(HardwareFloor.of(h200, "torch-fp16-graph", 1).computeMillis()).isCloseTo(fp16.computeMillis(), within(1e-12));
    assertThatThrownBy(() -> HardwareFloor.of(h200, "trt-fp16", 0)).hasMessageContaining("batch must be >= 1, got 0");
  }

  @Test
  void throughputIsBatchOverP50PerConfigWithSeveralBatches() throws Exception {
    List<BenchmarkResult> results = List.of(
        sample("org.ssdbench.bench.TensorRtBenchmark.infer", "trt-fp16-graph", "1", 0.5),
        sample("org.ssdbench.bench.TensorRtBenchmark.infer", "trt-fp16-graph", "128", 6.4),
        sample("org.ssdbench.bench.TensorRtBenchmark.infer", "trt-fp32", "1", 1.0));
    Files.createDirectories(dir);

    List<Throughput.Point> points = Throughput.points(results);

    assertThat(points).extracting(Throughput.Point::batch).containsExactly(1, 128);
    assertThat(points.get(1).imagesPerSecond()).isCloseTo(20_000, within(1e-6));
    assertThat(Throughput.best(points, false).orElseThrow().batch()).isEqualTo(128);
    assertThat(Throughput.best(points, true)).isEmpty();
  }
}
