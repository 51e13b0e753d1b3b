package org.ssdbench.report.analysis;

import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.ssdbench.report.jmh.BenchmarkResult;
import org.ssdbench.report.jmh.Metric;

/** Finds the GPU time a benchmark reports as a secondary metric, named like {@code gpuTimeMs} or {@code gpu_time}. */
public final class GpuTime {
  private GpuTime() {}

  /** The first secondary metric whose name, letters only and lower-cased, starts with {@code gputime}. */
  public static Optional<Map.Entry<String, Metric>> of(BenchmarkResult result) {
    return result.secondary().entrySet().stream()
        .filter(e -> e.getKey().toLowerCase(Locale.ROOT).replaceAll("[^a-z]", "").startsWith("gputime"))
        .findFirst();
  }
}
