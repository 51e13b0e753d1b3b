package org.ssdbench.report.jmh;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Collectors;

/**
 * One element of a JMH JSON result file: one benchmark method, one parameter set, one mode.
 *
 * @param benchmark the fully qualified method, e.g. {@code org.ssdbench.bench.EndToEndBenchmark.infer}
 * @param mode the benchmark mode
 * @param params {@code @Param} values in JMH's order; empty without parameters
 * @param primary the primary metric
 * @param secondary secondary metrics by name (e.g. {@code gpuTimeMs} from {@code @AuxCounters}, {@code
 *     gc.alloc.rate}); empty when there are none
 * @param run how JMH ran it: JVM, forks, threads, iterations
 */
public record BenchmarkResult(
    String benchmark,
    Mode mode,
    Map<String, String> params,
    Metric primary,
    Map<String, Metric> secondary,
    RunSettings run) {

  public BenchmarkResult {
    if (benchmark == null || benchmark.isBlank()) {
      throw new IllegalArgumentException("benchmark name cannot be blank: '" + benchmark + "'");
    }
    Objects.requireNonNull(mode, "mode");
    Objects.requireNonNull(primary, "primary");
    Objects.requireNonNull(run, "run");
    params = Collections.unmodifiableMap(new LinkedHashMap<>(params));
    secondary = Collections.unmodifiableMap(new LinkedHashMap<>(secondary));
  }

  /** The class's simple name and the method, e.g. {@code EndToEndBenchmark.infer}. */
  public String shortName() {
    int method = benchmark.lastIndexOf('.');
    int type = method > 0 ? benchmark.lastIndexOf('.', method - 1) : -1;
    return benchmark.substring(type + 1);
  }

  /** The fully qualified class, e.g. {@code org.ssdbench.bench.EndToEndBenchmark}. */
  public String benchmarkClass() {
    int method = benchmark.lastIndexOf('.');
    return method > 0 ? benchmark.substring(0, method) : benchmark;
  }

  /** The value of {@code @Param name}, or null when the benchmark has no such parameter. */
  public String param(String name) {
    return params.get(name);
  }

  /**
   * The param that says where a run's workload folder lay ({@code workload}): it differs between any two runs and
   * says nothing about the work (model, image, score threshold and batch do), so it is no part of the key.
   */
  public static final String LOCATION_PARAM = "workload";

  /** The params that say what was measured: all but {@link #LOCATION_PARAM}, in JMH's order. */
  public Map<String, String> workParams() {
    Map<String, String> work = new LinkedHashMap<>(params);
    work.remove(LOCATION_PARAM);
    return Collections.unmodifiableMap(work);
  }

  /** A key that identifies the benchmark across runs: name, mode and every parameter but {@link #LOCATION_PARAM}. */
  public String key() {
    return benchmark + " [" + mode.shortName() + "]"
        + params.entrySet().stream().filter(e -> !e.getKey().equals(LOCATION_PARAM))
            .map(e -> e.getKey() + "=" + e.getValue()).collect(Collectors.joining(", ", " {", "}"));
  }
}
