package org.ssdbench.report.jmh;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

final class BenchmarkResultKeyTest {
  private static BenchmarkResult result(Map<String, String> params) {
    Metric m = new Metric(1, 0.01, 0.99, 1.01, new TreeMap<>(Map.of(50.0, 1.0)), "ms/op", List.of(List.of(1.0)), List.of());
    return new BenchmarkResult("org.ssdbench.bench.EndToEndBenchmark.infer", Mode.SAMPLE_TIME, params, m, Map.of(),
        new RunSettings("1.37", null, List.of(), null, null, 1, 1, 1, null, 3, null));
  }

  @Test
  void twoRunsOfTheSameWorkMatchWhereverTheirWorkloadFoldersLay() {
    Map<String, String> a = new LinkedHashMap<>(Map.of("config", "tf-gpu", "batch", "1", "scoreThreshold", "0.3"));
    Map<String, String> b = new LinkedHashMap<>(a);
    a.put("workload", "/root/res/run-a/workload");
    b.put("workload", "/home/me/results/run-b/workload");
    assertThat(result(a).key()).isEqualTo(result(b).key()).doesNotContain("workload");
    b.put("scoreThreshold", "1.0E-8");
    assertThat(result(a).key()).isNotEqualTo(result(b).key());
  }
}
