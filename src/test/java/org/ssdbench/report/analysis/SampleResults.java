package org.ssdbench.report.analysis;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.ssdbench.report.jmh.BenchmarkResult;
import org.ssdbench.report.jmh.Metric;
import org.ssdbench.report.jmh.Mode;
import org.ssdbench.report.jmh.RunSettings;

/** SampleTime results made up for the analysis tests: one fork of three iterations around a given p50. */
final class SampleResults {
  private SampleResults() {}

  static BenchmarkResult sample(String benchmark, String config, String batch, double p50) {
    return sample(benchmark, config, batch, p50, "ms/op");
  }

  /** {@link #sample} with the {@code workload} param: a run folder's workload path, or {@code none} (the sweep's). */
  static BenchmarkResult sampleWithWorkload(String benchmark, String config, String batch, double p50, String workload) {
    BenchmarkResult r = sample(benchmark, config, batch, p50, "ms/op");
    Map<String, String> params = new LinkedHashMap<>(r.params());
    params.put("workload", workload);
    return new BenchmarkResult(r.benchmark(), r.mode(), params, r.primary(), r.secondary(), r.run());
  }

  static BenchmarkResult sample(String benchmark, String config, String batch, double p50, String unit) {
    TreeMap<Double, Double> percentiles = new TreeMap<>();
    percentiles.put(50.0, p50);
    percentiles.put(99.0, p50 * 1.2);
    Metric m = new Metric(p50, 0.01, p50 - 0.01, p50 + 0.01, percentiles, unit,
        List.of(List.of(p50, p50 * 1.01, p50 * 0.99)), List.of());
    Map<String, String> params = new LinkedHashMap<>();
    params.put("config", config);
    params.put("batch", batch);
    return new BenchmarkResult(benchmark, Mode.SAMPLE_TIME, params, m, Map.of(),
        new RunSettings("1.37", null, List.of(), null, null, 1, 1, 1, null, 3, null));
  }
}
