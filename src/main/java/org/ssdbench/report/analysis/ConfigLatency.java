package org.ssdbench.report.analysis;

import java.util.Objects;

/**
 * The end-to-end latency of one configuration, in milliseconds per inference. Unknown values are NaN.
 *
 * @param config e.g. {@code tf-gpu}, {@code trt-fp16}
 * @param benchmark the benchmark it came from, e.g. {@code TensorRtBenchmark.infer}
 * @param mode JMH mode short name of the chosen result
 * @param millis the score
 * @param errorMillis half-width of the 95% Student-t interval of the mean, from the iteration scores of every fork
 * @param p50 … p999 percentiles; NaN outside SampleTime
 * @param gpuMillis the {@code gpuTime} secondary metric in ms, when the benchmark reports one
 */
public record ConfigLatency(
    String config,
    String benchmark,
    String mode,
    double millis,
    double errorMillis,
    double p50,
    double p90,
    double p99,
    double p999,
    double gpuMillis) {

  public ConfigLatency {
    Objects.requireNonNull(config, "config");
    if (!(millis > 0)) {
      throw new IllegalArgumentException("latency of '" + config + "' must be a positive number of ms, got " + millis);
    }
  }

  public boolean hasPercentiles() {
    return !Double.isNaN(p50);
  }

  /**
   * The latency speedups are formed from: the median where JMH sampled every call (SampleTime), as the run's summary
   * does, since a few slow calls pull the mean of a skewed latency distribution; the score otherwise.
   */
  public double typicalMillis() {
    return hasPercentiles() ? p50 : millis;
  }
}
