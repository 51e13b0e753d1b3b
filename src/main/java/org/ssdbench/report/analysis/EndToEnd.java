package org.ssdbench.report.analysis;

import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.ssdbench.report.jmh.BenchmarkResult;
import org.ssdbench.report.jmh.Metric;
import org.ssdbench.report.stats.IterationScores;
import org.ssdbench.report.stats.MeanInterval;
import org.ssdbench.report.jmh.Mode;

/**
 * Picks the end-to-end results (benchmarks of {@link #CLASSES} with a {@code config} param) and gives one latency per
 * configuration, in the article's order of steps. Where a configuration ran in several modes or batch sizes, batch 1 (or
 * no batch param) wins, then SampleTime, average time, single shot, throughput.
 */
public final class EndToEnd {
  /** The PyTorch peer (peers/torch_ssd.py): the same network, network only, in JMH's JSON format. */
  public static final String PEER_TORCH = "peers.TorchSsd";

  /** The benchmark classes that time a whole inference (the peer: its network). */
  public static final Set<String> CLASSES =
      Set.of("org.ssdbench.bench.EndToEndBenchmark", "org.ssdbench.bench.TensorRtBenchmark", PEER_TORCH);

  /**
   * Configurations in the order the report shows them: TensorFlow, then TensorRT by precision, each plain, with a CUDA
   * graph, with the NMS plugin pinned to FP16, with uint8 input; other configurations follow by name, the PyTorch
   * peer's last.
   */
  public static final List<String> ORDER = List.of(
      "tf-cpu", "tf-gpu", "tf-gpu-postproc-cpu", "tf-gpu-nms-cpu",
      "trt-fp32", "trt-fp32-graph",
      "trt-fp16", "trt-fp16-graph", "trt-fp16-nmsfp16-graph", "trt-fp16-u8-graph",
      "trt-int8", "trt-int8-graph", "trt-int8-nmsfp16-graph", "trt-int8-u8-graph");

  /** Where the peer's configurations are named from: {@code torch-fp16-graph}. */
  private static final String PEER_PREFIX = "torch-";

  /** The baseline every speedup is measured against: the article's step 0. */
  public static final String BASELINE = "tf-gpu";

  private static final List<Mode> MODE_PREFERENCE =
      List.of(Mode.SAMPLE_TIME, Mode.AVERAGE_TIME, Mode.SINGLE_SHOT, Mode.THROUGHPUT);

  private EndToEnd() {}

  public static boolean isEndToEnd(BenchmarkResult result) {
    return CLASSES.contains(result.benchmarkClass()) && result.param("config") != null;
  }

  /**
   * One latency per configuration, ordered by {@link #ORDER}; where the run timed a configuration twice at the same
   * work (the sweep's batch 1), its own measurement ({@link SameKeyResults#runWorkloadFirst}).
   */
  public static List<ConfigLatency> latencies(List<BenchmarkResult> results) {
    Map<String, BenchmarkResult> best = new LinkedHashMap<>();
    SameKeyResults.runWorkloadFirst(results).stream()
        .filter(EndToEnd::isEndToEnd)
        .filter(r -> !Double.isNaN(Units.toMillisPerOp(r.primary().score(), r.primary().unit())))
        .sorted(Comparator.comparingInt(EndToEnd::preference))
        .forEach(r -> best.putIfAbsent(r.param("config"), r));
    return best.values().stream()
        .map(EndToEnd::latency)
        .sorted(Comparator.comparingInt((ConfigLatency c) -> orderOf(c.config())).thenComparing(ConfigLatency::config))
        .toList();
  }

  /** The latency of {@code config} among {@code latencies}. */
  public static Optional<ConfigLatency> find(List<ConfigLatency> latencies, String config) {
    return latencies.stream().filter(c -> c.config().equals(config)).findFirst();
  }

  private static int preference(BenchmarkResult r) {
    String batch = r.param("batch");
    int batchRank = batch == null || batch.equals("1") ? 0 : 1;
    return batchRank * 10 + MODE_PREFERENCE.indexOf(r.mode());
  }

  private static int orderOf(String config) {
    int i = ORDER.indexOf(config);
    return i >= 0 ? i : config.startsWith(PEER_PREFIX) ? ORDER.size() + 1 : ORDER.size();
  }

  private static ConfigLatency latency(BenchmarkResult r) {
    Metric m = r.primary();
    String unit = m.unit();
    double millis = Units.toMillisPerOp(m.score(), unit);
    double half = halfWidth(m);
    double error = Units.isThroughput(unit)
        ? Math.abs(Units.toMillisPerOp(m.score() - half, unit) - millis)
        : Units.toMillisPerOp(half, unit);
    Metric gpu = GpuTime.of(r).map(Map.Entry::getValue).orElse(null);
    double gpuMillis = gpu == null ? Double.NaN : Units.toMillisPerOp(gpu.score(), gpu.unit());
    return new ConfigLatency(
        r.param("config"),
        r.shortName(),
        r.mode().shortName(),
        millis,
        error,
        Units.toMillisPerOp(m.percentile(50.0), unit),
        Units.toMillisPerOp(m.percentile(90.0), unit),
        Units.toMillisPerOp(m.percentile(99.0), unit),
        Units.toMillisPerOp(m.percentile(99.9), unit),
        gpuMillis,
        org.ssdbench.results.WorkloadKey.of(r::param));
  }

  /** Half-width of the 95% interval of the mean iteration score (docs/statistics.md); NaN with fewer than two. */
  private static double halfWidth(Metric m) {
    try {
      return MeanInterval.of(IterationScores.of(m)).halfWidth();
    } catch (IllegalArgumentException unknownUnit) {
      return Double.NaN;
    }
  }
}
