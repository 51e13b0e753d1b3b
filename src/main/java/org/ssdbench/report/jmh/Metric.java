package org.ssdbench.report.jmh;

import java.util.List;
import java.util.Objects;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * One JMH metric: the {@code primaryMetric} of a result or one of its {@code secondaryMetrics}. Values JMH could not
 * compute (its {@code "NaN"}) are {@link Double#NaN}.
 *
 * @param score the metric's score in {@code unit}
 * @param scoreError half-width of the 99.9% confidence interval; NaN with too few iterations
 * @param ciLow low end of {@code scoreConfidence}
 * @param ciHigh high end of {@code scoreConfidence}
 * @param percentiles {@code scorePercentiles}: percentile (0.0 … 100.0) to value; empty when JMH wrote none
 * @param unit e.g. {@code "ms/op"}, {@code "ops/s"}
 * @param rawData per fork, per iteration: the iteration's score
 * @param rawDataHistogram SampleTime only (else empty): per fork, per iteration, the samples as value/count pairs
 */
public record Metric(
    double score,
    double scoreError,
    double ciLow,
    double ciHigh,
    SortedMap<Double, Double> percentiles,
    String unit,
    List<List<Double>> rawData,
    List<List<List<HistogramBin>>> rawDataHistogram) {

  public Metric {
    Objects.requireNonNull(unit, "unit");
    percentiles = java.util.Collections.unmodifiableSortedMap(new TreeMap<>(percentiles));
    rawData = rawData.stream().map(List::copyOf).toList();
    rawDataHistogram = rawDataHistogram.stream().map(fork -> fork.stream().map(List::copyOf).toList()).toList();
  }

  /** The value at {@code percentile} (e.g. 99.9), or NaN when JMH did not write it. */
  public double percentile(double percentile) {
    return percentiles.getOrDefault(percentile, Double.NaN);
  }

  /**
   * How many measurements the metric stands on: the samples of the histogram when there is one (SampleTime), else the
   * iterations of {@code rawData}.
   */
  public long sampleCount() {
    if (!rawDataHistogram.isEmpty()) {
      return rawDataHistogram.stream()
          .flatMap(List::stream)
          .flatMap(List::stream)
          .mapToLong(HistogramBin::count)
          .sum();
    }
    return rawData.stream().mapToLong(List::size).sum();
  }
}
