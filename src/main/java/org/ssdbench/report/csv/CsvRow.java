package org.ssdbench.report.csv;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import org.ssdbench.report.analysis.GpuTime;
import org.ssdbench.report.jmh.BenchmarkResult;
import org.ssdbench.report.jmh.Metric;
import org.ssdbench.report.stats.IterationScores;
import org.ssdbench.report.stats.MeanInterval;
import org.ssdbench.results.Environment;

/**
 * One row of {@code results.csv}: one benchmark, parameter set and mode of one run. Numbers JMH could not compute, or
 * that the result does not have (percentiles of a throughput run), are NaN and written as empty cells. The columns are
 * described in {@link ResultsCsv}.
 *
 * @param secondary secondary metrics by name, each as {@code "score unit"}
 * @param iterations the iteration scores of all forks (the independent measurements)
 * @param ci95Low low end of the 95% Student-t interval of the mean iteration score ({@link MeanInterval}); NaN with
 *     fewer than two iterations
 * @param ci95High high end of that interval
 */
public record CsvRow(
    String run,
    String benchmark,
    String name,
    Map<String, String> params,
    String mode,
    String unit,
    double score,
    double error,
    double ciLow,
    double ciHigh,
    double p50,
    double p90,
    double p99,
    double p999,
    long samples,
    int forks,
    int threads,
    double gpuTime,
    String gpuTimeUnit,
    Map<String, String> secondary,
    EnvColumns env,
    int iterations,
    double ci95Low,
    double ci95High) {

  public CsvRow {
    Objects.requireNonNull(benchmark, "benchmark");
    Objects.requireNonNull(mode, "mode");
    Objects.requireNonNull(env, "env");
    params = Collections.unmodifiableMap(new LinkedHashMap<>(params));
    secondary = Collections.unmodifiableMap(new LinkedHashMap<>(secondary));
    if (samples < 0) {
      throw new IllegalArgumentException("samples cannot be negative: " + samples + " for " + benchmark);
    }
  }

  /** The row for {@code result} of the run named {@code run}, with the columns of {@code env} (may be null). */
  public static CsvRow of(String run, BenchmarkResult result, Environment env) {
    Metric primary = result.primary();
    Map<String, String> secondary = new LinkedHashMap<>();
    result.secondary().forEach((name, metric) -> secondary.put(name, metric.score() + " " + metric.unit()));
    Map.Entry<String, Metric> gpu = GpuTime.of(result).orElse(null);
    MeanInterval interval = interval(primary);
    return new CsvRow(
        run,
        result.benchmark(),
        result.shortName(),
        result.params(),
        result.mode().shortName(),
        primary.unit(),
        primary.score(),
        primary.scoreError(),
        primary.ciLow(),
        primary.ciHigh(),
        primary.percentile(50.0),
        primary.percentile(90.0),
        primary.percentile(99.0),
        primary.percentile(99.9),
        primary.sampleCount(),
        result.run().forks(),
        result.run().threads(),
        gpu == null ? Double.NaN : gpu.getValue().score(),
        gpu == null ? null : gpu.getValue().unit(),
        secondary,
        EnvColumns.of(env),
        interval.n(),
        interval.low(),
        interval.high());
  }

  /** The 95% interval from the iteration scores; none where the unit is not one the statistics know. */
  private static MeanInterval interval(Metric primary) {
    try {
      return MeanInterval.of(IterationScores.of(primary));
    } catch (IllegalArgumentException unknownUnit) {
      return new MeanInterval(Double.NaN, Double.NaN, Double.NaN, 0);
    }
  }
}
