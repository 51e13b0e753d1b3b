package org.ssdbench.report.analysis;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.ssdbench.report.jmh.BenchmarkResult;
import org.ssdbench.report.jmh.Metric;
import org.ssdbench.report.jmh.Mode;

/**
 * The optimization ladder of one run at batch 1: from {@code tf-gpu} through the steps that each remove one cost down
 * to the fastest configuration, each step's latency (p50, the score where JMH kept no percentiles) and its gain over
 * the step before, with a {@link IterationInterval} from the iterations. Only batch-1 end-to-end results take part
 * (the same workload); the PyTorch peer times its network alone and stays out.
 *
 * <p>The path is {@link #PATH} with the steps this run lacks left out; when the fastest configuration is not on it, it
 * is the last step.
 */
public final class Ladder {
  /** The steps in order; each removes one cost of the one before. */
  public static final List<String> PATH = List.of(
      "tf-gpu", "tf-gpu-postproc-cpu", "trt-fp32", "trt-fp32-graph", "trt-fp16-graph", "trt-fp16-nmsfp16-graph",
      "trt-fp16-u8-graph", "trt-fp16-u8-graph-l5", "trt-int8-graph", "trt-int8-nmsfp16-graph", "trt-int8-u8-graph",
      "trt-int8-u8-graph-l5");

  /**
   * One rung.
   *
   * @param millis typical latency in ms (p50)
   * @param gain previous step's latency / this one's; NaN for the first
   * @param gainInterval the gain's interval from iterations
   * @param overBaseline the first step's latency / this one's
   * @param article the article's claim this step stands for, or empty
   */
  public record Step(String config, double millis, double gain, IterationInterval gainInterval, double overBaseline,
      String article) {}

  private static final List<Mode> MODES = List.of(Mode.SAMPLE_TIME, Mode.AVERAGE_TIME, Mode.SINGLE_SHOT);

  private Ladder() {}

  /** The ladder of {@code results}; empty when no batch-1 end-to-end result is there. */
  public static List<Step> of(List<BenchmarkResult> results) {
    Map<String, BenchmarkResult> byConfig = batchOne(results);
    if (byConfig.isEmpty()) {
      return List.of();
    }
    List<String> configs = new ArrayList<>(PATH.stream().filter(byConfig::containsKey).toList());
    String fastest = byConfig.keySet().stream().min(Comparator.comparingDouble(c -> typical(byConfig.get(c)))).get();
    if (!configs.contains(fastest)) {
      configs.add(fastest);
    }
    if (configs.size() == 1 && !configs.get(0).equals(fastest)) {
      configs.add(fastest);
    }
    List<Step> steps = new ArrayList<>();
    double base = typical(byConfig.get(configs.get(0)));
    BenchmarkResult previous = null;
    for (String config : configs) {
      BenchmarkResult r = byConfig.get(config);
      double millis = typical(r);
      double gain = previous == null ? Double.NaN : typical(previous) / millis;
      IterationInterval interval = previous == null ? new IterationInterval(Double.NaN, Double.NaN)
          : IterationInterval.ofMedianRatio(inMillis(previous), inMillis(r));
      steps.add(new Step(config, millis, gain, interval, base / millis, article(configs.get(0), config)));
      previous = r;
    }
    return List.copyOf(steps);
  }

  private static String article(String first, String config) {
    if (!first.equals(EndToEnd.BASELINE)) {
      return "";
    }
    return switch (config) {
      case "tf-gpu-postproc-cpu" -> "article step 1: 1.3x over tf-gpu";
      case "trt-fp32" -> "article step 2: 4x over tf-gpu";
      default -> "";
    };
  }

  /** Batch-1 (or batch-less) end-to-end results of the suite's own benchmarks, one per config, SampleTime first. */
  static Map<String, BenchmarkResult> batchOne(List<BenchmarkResult> results) {
    Map<String, BenchmarkResult> best = new LinkedHashMap<>();
    SameKeyResults.runWorkloadFirst(results).stream()
        .filter(EndToEnd::isEndToEnd)
        .filter(r -> !r.benchmarkClass().equals(EndToEnd.PEER_TORCH))
        .filter(r -> r.param("batch") == null || r.param("batch").equals("1"))
        .filter(r -> MODES.contains(r.mode()))
        .filter(r -> !r.param("config").isBlank())
        .filter(r -> typical(r) > 0 && Double.isFinite(typical(r)))
        .sorted(Comparator.comparingInt(r -> MODES.indexOf(r.mode())))
        .forEach(r -> best.putIfAbsent(r.param("config"), r));
    // One workload per ladder: the first step's (tf-gpu where present), so every gain compares the same work.
    String first = PATH.stream().filter(best::containsKey).findFirst().orElse(null);
    if (first != null) {
      String workload = org.ssdbench.results.WorkloadKey.of(best.get(first)::param);
      best.values().removeIf(r -> !org.ssdbench.results.WorkloadKey.of(r::param).equals(workload));
    }
    return best;
  }

  /** p50 in ms where there is one, else the score in ms. */
  static double typical(BenchmarkResult r) {
    Metric m = r.primary();
    double p50 = Units.toMillisPerOp(m.percentile(50.0), m.unit());
    return Double.isNaN(p50) ? Units.toMillisPerOp(m.score(), m.unit()) : p50;
  }

  /** The primary metric with its iteration data in ms, so ratios of two results are unit-free. */
  static Metric inMillis(BenchmarkResult r) {
    Metric m = r.primary();
    double scale = Units.toMillisPerOp(1.0, m.unit());
    if (Double.isNaN(scale) || Units.isThroughput(m.unit())) {
      return new Metric(m.score(), m.scoreError(), m.ciLow(), m.ciHigh(), m.percentiles(), m.unit(), List.of(), List.of());
    }
    return new Metric(m.score() * scale, m.scoreError() * scale, m.ciLow() * scale, m.ciHigh() * scale,
        m.percentiles(), "ms/op",
        m.rawData().stream().map(f -> f.stream().map(v -> v * scale).toList()).toList(),
        m.rawDataHistogram().stream().map(f -> f.stream().map(it -> it.stream()
            .map(b -> new org.ssdbench.report.jmh.HistogramBin(b.value() * scale, b.count())).toList()).toList())
            .toList());
  }
}
