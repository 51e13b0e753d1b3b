package org.ssdbench.diff;

import java.util.Map;
import java.util.Objects;

/**
 * One benchmark in a baseline run and in another run. Values that could not be computed are NaN. Both runs' numbers are
 * in {@code unit} (the other run's scores converted where its unit differs).
 *
 * @param benchmark fully qualified benchmark method
 * @param name class simple name and method
 * @param params the parameter set
 * @param mode JMH mode short name (the baseline's)
 * @param unit the score unit (the baseline's)
 * @param baselineRun label of the baseline run
 * @param run label of the other run
 * @param baselineMedian median of the baseline's iteration scores
 * @param median median of the other run's iteration scores
 * @param ratio median / baselineMedian
 * @param ciLow low end of the ratio's 95% interval (Moses, on log scores); NaN when the sizes cannot give one
 * @param ciHigh high end of that interval
 * @param pValue two-sided Wilcoxon-Mann-Whitney p-value on the iteration scores (exact for small samples)
 * @param baselineSamples iteration scores of the baseline (all forks)
 * @param samples iteration scores of the other run (all forks)
 * @param baselineForks forks behind the baseline's scores
 * @param forks forks behind the other run's scores
 * @param change the verdict
 * @param note why the verdict is what it is where the symbol alone does not say (too few iterations, not comparable,
 *     units converted); empty otherwise
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
    int baselineForks,
    int forks,
    Change change,
    String note) {

  public Comparison {
    Objects.requireNonNull(benchmark, "benchmark");
    Objects.requireNonNull(change, "change");
    params = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(params));
    note = note == null ? "" : note;
  }

  /** The verdict as printed: the change's symbol, with the note in brackets, e.g. {@code ~ (too few iterations to tell: 3 vs 3)}. */
  public String verdict() {
    return note.isEmpty() ? change.symbol() : change.symbol() + " (" + note + ")";
  }
}
