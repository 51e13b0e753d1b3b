package org.ssdbench.report.analysis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.ssdbench.report.analysis.SampleResults.sample;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.ssdbench.report.jmh.BenchmarkResult;

final class PeerComparisonTest {
  @Test
  void setsTheFastestTensorRtBesideTheFastestPeerAtBatchOne() {
    List<BenchmarkResult> results = List.of(
        sample("org.ssdbench.bench.EndToEndBenchmark.infer", "tf-gpu", "1", 32.0, "ms/op"),
        sample("org.ssdbench.bench.TensorRtBenchmark.infer", "trt-fp16-graph", "1", 451.1, "us/op"),
        sample("org.ssdbench.bench.TensorRtBenchmark.infer", "trt-fp16-u8-graph", "1", 0.4291, "ms/op"),
        sample("org.ssdbench.bench.TensorRtBenchmark.infer", "trt-fp16-u8-graph", "32", 0.2, "ms/op"),
        sample("peers.TorchSsd.infer", "torch-fp16-eager", "1", 9.686, "ms/op"),
        sample("peers.TorchSsd.infer", "torch-fp16-graph", "1", 1.165, "ms/op"));

    PeerComparison peer = PeerComparison.of(results).orElseThrow();

    assertThat(peer.trtConfig()).isEqualTo("trt-fp16-u8-graph");
    assertThat(peer.peerConfig()).isEqualTo("torch-fp16-graph");
    assertThat(peer.ratio()).isCloseTo(1.165 / 0.4291, within(1e-9));
    assertThat(peer.interval().known()).isTrue();
    assertThat(peer.interval().low()).isLessThan(peer.ratio()).isGreaterThan(2.5);
    assertThat(peer.interval().high()).isGreaterThan(peer.ratio()).isLessThan(3.0);
    assertThat(peer.trtIterations()).isEqualTo(3);
    assertThat(peer.trtForks()).isEqualTo(1);
  }

  @Test
  void theLatencyTableListsTensorRtByPrecisionAndThePeerLast() {
    List<BenchmarkResult> results = List.of(
        sample("peers.TorchSsd.infer", "torch-fp16-graph", "1", 1.165, "ms/op"),
        sample("org.ssdbench.bench.TensorRtBenchmark.infer", "trt-int8-u8-graph", "1", 0.44, "ms/op"),
        sample("org.ssdbench.bench.TensorRtBenchmark.infer", "trt-fp32-graph", "1", 0.98, "ms/op"),
        sample("org.ssdbench.bench.TensorRtBenchmark.infer", "trt-fp16-u8-graph", "1", 0.43, "ms/op"),
        sample("org.ssdbench.bench.TensorRtBenchmark.infer", "trt-fp16-l5", "1", 0.43, "ms/op"),
        sample("org.ssdbench.bench.EndToEndBenchmark.infer", "tf-gpu", "1", 32.0, "ms/op"));

    assertThat(EndToEnd.latencies(results)).extracting(ConfigLatency::config).containsExactly("tf-gpu",
        "trt-fp32-graph", "trt-fp16-u8-graph", "trt-int8-u8-graph", "trt-fp16-l5", "torch-fp16-graph");
  }

  @Test
  void nothingWithoutBothSides() {
    assertThat(PeerComparison.of(List.of(
        sample("org.ssdbench.bench.TensorRtBenchmark.infer", "trt-fp16-graph", "1", 0.45, "ms/op")))).isEmpty();
    assertThat(PeerComparison.of(List.of(
        sample("peers.TorchSsd.infer", "torch-fp16-graph", "1", 1.165, "ms/op")))).isEmpty();
  }
}
