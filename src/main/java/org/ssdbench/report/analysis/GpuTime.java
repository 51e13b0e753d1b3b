package org.ssdbench.report.analysis;

import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.ssdbench.report.jmh.BenchmarkResult;
import org.ssdbench.report.jmh.Metric;

/**
 * Finds the GPU time a benchmark reports as secondary metrics: one named like {@code gpuTimeMs} or {@code gpu_time}, or
 * the pair of JMH event counters {@code gpuMicrosSum} and {@code gpuCalls} that TensorRtBenchmark records (CUDA-event
 * time summed over the calls of each iteration), read as their mean per call.
 */
public final class GpuTime {
  static final String MICROS_SUM = "gpuMicrosSum";
  static final String CALLS = "gpuCalls";
  static final String MEAN_PER_CALL = "gpuTimeMeanPerCall";

  private GpuTime() {}

  /** The first secondary metric whose name, letters only and lower-cased, starts with {@code gputime}; else the counters' mean. */
  public static Optional<Map.Entry<String, Metric>> of(BenchmarkResult result) {
    Optional<Map.Entry<String, Metric>> named = result.secondary().entrySet().stream()
        .filter(e -> e.getKey().toLowerCase(Locale.ROOT).replaceAll("[^a-z]", "").startsWith("gputime"))
        .findFirst();
    return named.isPresent() ? named : fromCounters(result.secondary());
  }

  private static Optional<Map.Entry<String, Metric>> fromCounters(Map<String, Metric> secondary) {
    Metric sum = secondary.get(MICROS_SUM);
    Metric calls = secondary.get(CALLS);
    if (sum == null || calls == null || !(calls.score() > 0)) {
      return Optional.empty();
    }
    double mean = sum.score() / calls.score();
    Metric perCall = new Metric(mean, Double.NaN, Double.NaN, Double.NaN, new java.util.TreeMap<>(), "us/op",
        java.util.List.of(), java.util.List.of());
    return Optional.of(Map.entry(MEAN_PER_CALL, perCall));
  }
}
