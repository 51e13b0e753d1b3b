package org.ssdbench.diff;

import java.util.Map;
import java.util.Objects;

/**
 * One benchmark in a baseline run and in another run. Values that could not be computed are NaN.
 *
 * @param benchmark fully qualified benchmark method
 * @param name class simple name and method
 * @param params the parameter set
 * @param mode JMH mode short name
 * @param unit the score unit (as in the baseline)
 * @param baselineRun label of the baseline run
 * @param run label of the other run
 * @param baselineMedian median of the baseline's raw samples
 * @param median median of the other run's raw samples
 * @param ratio median / baselineMedian
 * @param ciLow low end of the ratio's 95% bootstrap interval
 * @param ciHigh high end of the ratio's 95% bootstrap interval
 * @param pValue two-sided Mann-Whitney U p-value on the raw samples
 * @param baselineSamples samples behind the baseline median
 * @param samples samples behind the other median
 * @param change the verdict
 */
public record Comparison(
    String benchmark,
    String name,
    Map<String, String> params,
    String mode,
    String unit,
    String baselineRun,
    String run,
    double baselineMedian,
    double median,
    double ratio,
    double ciLow,
    double ciHigh,
    double pValue,
    long baselineSamples,
    long samples,
    Change change) {

  public Comparison {
    Objects.requireNonNull(benchmark, "benchmark");
    Objects.requireNonNull(change, "change");
    params = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(params));
  }
}
