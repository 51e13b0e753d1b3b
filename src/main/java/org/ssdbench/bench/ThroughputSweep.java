package org.ssdbench.bench;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.RunnerException;
import org.ssdbench.engine.trt.TrtInferenceEngine;

/**
 * Throughput at batch: one TensorRT configuration (default {@link #DEFAULT_CONFIG}, FP16, the fastest precision that
 * the correctness gate checks) timed by {@link TensorRtBenchmark} at each of {@link #BATCHES}, SampleTime, so each
 * result has p50, p99 and mean per call; images/s = batch / mean. One engine per batch size is built (or loaded from the
 * cache): the first sweep on a GPU takes the builds' minutes. Then the same engines with two batches in flight
 * ({@link TensorRtTwoInFlightBenchmark}: two instances on two streams taking turns), whose time per call is the
 * time between two batches completing, into {@code jmh-throughput-2inflight.json}.
 *
 * <pre>{@code
 * run --throughput                       # the sweep of trt-fp16-u8-graph, beside the run's other work
 * run --throughput=trt-fp16-graph --no-tf --no-ops
 * java -jar target/benchmarks.jar TensorRtBenchmark -p config=trt-fp16-u8-graph -p batch=1,8,32,128,256
 * }</pre>
 */
public final class ThroughputSweep {
  public static final List<Integer> BATCHES = List.of(1, 8, 32, 128, 256);
  public static final String DEFAULT_CONFIG = "trt-fp16-u8-graph";
  /** The JMH result file's name in the run folder: {@code jmh-throughput.json}. */
  public static final String JSON_NAME = "throughput";
  /** The two-in-flight sweep's file: {@code jmh-throughput-2inflight.json}. */
  public static final String TWO_IN_FLIGHT_JSON_NAME = "throughput-2inflight";

  private ThroughputSweep() {}

  /** TensorRtBenchmark's params for the sweep of {@code config}; fails at once for a config name it cannot parse. */
  public static Map<String, List<String>> params(String config, String model, List<Integer> batches) {
    TrtInferenceEngine.Config.parse(config, 1);
    if (batches.isEmpty() || batches.stream().anyMatch(b -> b < 1)) {
      throw new IllegalArgumentException("throughput batches must be >= 1, got " + batches);
    }
    Map<String, List<String>> params = new LinkedHashMap<>();
    params.put("config", List.of(config));
    params.put("batch", batches.stream().map(String::valueOf).toList());
    params.put("model", List.of(model));
    return params;
  }

  /**
   * Runs the sweep into {@code json} with the run's threshold and image ({@code workloadParams}; each batch builds its
   * own workload in the fork, since the run folder's holds the profile's batches only), prints images/s, p50 and p99 per batch, returns JMH's results. */
  public static Collection<RunResult> run(String config, String model, List<Integer> batches,
      Map<String, String> workloadParams, Profile profile, Path json, Path twoInFlightJson, List<String> jvmArgs,
      PrintStream log) throws RunnerException {
    Map<String, List<String>> params = params(config, model, batches);
    workloadParams.forEach((k, v) -> params.put(k, List.of(v)));
    Collection<RunResult> results = JmhLauncher.run(TensorRtBenchmark.class, params, profile, json, jvmArgs);
    print("Throughput of " + config, json, results, false, log);
    Collection<RunResult> twoInFlight =
        JmhLauncher.run(TensorRtTwoInFlightBenchmark.class, params, profile, twoInFlightJson, jvmArgs);
    print("Throughput of " + config + " with two batches in flight", twoInFlightJson, twoInFlight, true, log);
    return results;
  }

  private static void print(String title, Path json, Collection<RunResult> results, boolean twoInFlight,
      PrintStream log) {
    log.printf("%n%s (wrote %s):%n", title, json);
    for (RunResult r : results) {
      int batch = Integer.parseInt(r.getParams().getParam("batch"));
      var stats = r.getPrimaryResult().getStatistics();
      double toMs = millisPer(r.getPrimaryResult().getScoreUnit());
      log.println(twoInFlight ? twoInFlightLine(batch, stats.getMean() * toMs)
          : line(batch, stats.getPercentile(50) * toMs, stats.getPercentile(99) * toMs, stats.getMean() * toMs));
    }
  }

  /** One line of the printed table: batch, p50, p99, mean and images/s (the batch over the mean time per call). */
  static String line(int batch, double p50Millis, double p99Millis, double meanMillis) {
    return String.format(Locale.ROOT, "  batch %3d: p50 %8.3f ms, p99 %8.3f ms, mean %8.3f ms, %,10.0f images/s",
        batch, p50Millis, p99Millis, meanMillis, batch / meanMillis * 1000);
  }

  /**
   * One line for two batches in flight: a call waits for the batch started one call before, so calls alternate between
   * about two batches' time and almost nothing; only their mean is a figure (p50 would fall between the two).
   */
  static String twoInFlightLine(int batch, double meanMillis) {
    return String.format(Locale.ROOT,
        "  batch %3d: mean %8.3f ms per call (a batch is in flight two calls, %.3f ms), %,10.0f images/s", batch,
        meanMillis, 2 * meanMillis, batch / meanMillis * 1000);
  }

  private static double millisPer(String unit) {
    return switch (unit) {
      case "us/op" -> 1e-3;
      case "ns/op" -> 1e-6;
      case "s/op" -> 1e3;
      default -> 1.0;
    };
  }
}
