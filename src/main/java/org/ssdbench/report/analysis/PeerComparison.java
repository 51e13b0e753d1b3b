package org.ssdbench.report.analysis;

import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import org.ssdbench.report.jmh.BenchmarkResult;
import org.ssdbench.report.jmh.Metric;
import org.ssdbench.report.jmh.Mode;

/**
 * TensorRT beside the PyTorch peer at batch 1, in one run: the fastest configuration of each (lowest p50), the ratio
 * of their p50s (how many times faster TensorRT is) and its {@link IterationInterval}. Not the same work: the peer
 * times its network alone (peers/torch_ssd.py: no preprocessing, copies or NMS), TensorRT the whole call, so the ratio
 * understates TensorRT's lead.
 *
 * @param ratio the peer's p50 over TensorRT's
 * @param interval the ratio's interval from both sides' iterations
 * @param trtIterations iteration values on TensorRT's side (all forks), {@code trtForks} its forks
 * @param peerIterations likewise on the peer's side
 */
public record PeerComparison(String trtConfig, double trtMillis, String peerConfig, double peerMillis, double ratio,
    IterationInterval interval, int trtIterations, int trtForks, int peerIterations, int peerForks) {

  private static final String TENSORRT = "org.ssdbench.bench.TensorRtBenchmark";

  /** The comparison of {@code results}; empty without a batch-1 SampleTime result on both sides. */
  public static Optional<PeerComparison> of(List<BenchmarkResult> results) {
    Optional<BenchmarkResult> trt = fastest(results, TENSORRT);
    Optional<BenchmarkResult> peer = fastest(results, EndToEnd.PEER_TORCH);
    if (trt.isEmpty() || peer.isEmpty()) {
      return Optional.empty();
    }
    Metric t = Ladder.inMillis(trt.get());
    Metric p = Ladder.inMillis(peer.get());
    double trtMillis = Ladder.typical(trt.get());
    double peerMillis = Ladder.typical(peer.get());
    return Optional.of(new PeerComparison(trt.get().param("config"), trtMillis, peer.get().param("config"), peerMillis,
        peerMillis / trtMillis, IterationInterval.ofMedianRatio(p, t), IterationInterval.values(t).length, forks(t),
        IterationInterval.values(p).length, forks(p)));
  }

  private static Optional<BenchmarkResult> fastest(List<BenchmarkResult> results, String benchmarkClass) {
    // The fastest configuration, but not the faster of two processes of one configuration (SameKeyResults).
    return SameKeyResults.runWorkloadFirst(results).stream()
        .filter(r -> r.benchmarkClass().equals(benchmarkClass))
        .filter(r -> r.mode() == Mode.SAMPLE_TIME)
        .filter(r -> r.param("config") != null && !r.param("config").isBlank())
        .filter(r -> r.param("batch") == null || r.param("batch").equals("1"))
        .filter(r -> Ladder.typical(r) > 0 && Double.isFinite(Ladder.typical(r)))
        .min(Comparator.comparingDouble(Ladder::typical));
  }

  private static int forks(Metric m) {
    return Math.max(m.rawDataHistogram().size(), m.rawData().size());
  }
}
