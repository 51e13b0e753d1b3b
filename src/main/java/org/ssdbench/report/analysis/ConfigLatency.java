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
 * @param workload what was timed ({@link org.ssdbench.results.WorkloadKey}); empty when unknown
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
    double gpuMillis,
    String workload) {

  /** A latency whose workload is not known (all such compare with each other). */
  public ConfigLatency(String config, String benchmark, String mode, double millis, double errorMillis, double p50,
      double p90, double p99, double p999, double gpuMillis) {
    this(config, benchmark, mode, millis, errorMillis, p50, p90, p99, p999, gpuMillis, "");
  }

  /**
   * {@code base}'s typical latency over this one's: how many times faster this configuration is; NaN when the two timed
   * different workloads ({@link org.ssdbench.results.WorkloadKey}), since such a ratio compares different work.
   */
  public double speedupOver(ConfigLatency base) {
    return base.workload().equals(workload) ? base.typicalMillis() / typicalMillis() : Double.NaN;
  }

  public ConfigLatency {
    Objects.requireNonNull(config, "config");
    workload = workload == null ? "" : workload;
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
