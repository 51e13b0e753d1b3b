package org.ssdbench.report.analysis;

import java.util.Comparator;
import java.util.List;
import org.ssdbench.report.jmh.BenchmarkResult;
import org.ssdbench.report.jmh.Metric;
import org.ssdbench.report.jmh.Mode;

/**
 * Latency and throughput per configuration and batch size, from the SampleTime results that have a {@code batch}
 * param (TensorRT's batch sweep, the PyTorch peer): images/s = batch / mean time per call, i.e. the images of all calls
 * over their total time. The sweep with two batches in flight ({@link #TWO_IN_FLIGHT}) counts here and nowhere else:
 * its time per call is the time between two batches done, not a latency; its points are named {@code <config> x2 in
 * flight}. Its calls alternate between about a whole batch's time and almost nothing (the other batch, run alongside,
 * is done by then), so its median falls between the two modes and describes neither: only its mean is a figure.
 */
public final class Throughput {
  /** The benchmark of two batches in flight on two engine instances. */
  public static final String TWO_IN_FLIGHT = "org.ssdbench.bench.TensorRtTwoInFlightBenchmark";
  /** What its points' configuration names end with. */
  public static final String TWO_IN_FLIGHT_SUFFIX = " x2 in flight";

  /**
   * @param p50 p50 time per call, ms (for two in flight, not a figure: see the class comment)
   * @param p99 p99 time per call, ms (likewise)
   * @param mean mean time per call, ms: total time over calls
   * @param imagesPerSecond batch / mean
   * @param imagesPerSecondInterval batch over the 95% interval of the mean time per call, resampling whole iterations
   *     ({@link IterationInterval#ofPooledMean}): the independent measurements' spread, not the samples'; unknown
   *     with fewer than two iterations
   * @param peer whether it is the PyTorch peer's network-only time
   * @param twoInFlight whether the time is between two batches done, two in flight (not a latency)
   */
  public record Point(String config, int batch, double p50, double p99, double mean, double imagesPerSecond,
      IterationInterval imagesPerSecondInterval, boolean peer, boolean twoInFlight) {
    /** The table's "what" column. */
    public String what() {
      return peer ? "PyTorch peer, network only"
          : twoInFlight ? "end to end, two batches in flight: a call is the time between two batches done, and a"
              + " batch is in flight for two calls" : "end to end";
    }

    /**
     * A batch's latency for the latency-versus-throughput chart: p50; with two in flight, the mean of a batch's two
     * calls (launched in one, awaited at the end of the next), since its own p50 falls between two modes.
     */
    public double latency() {
      return twoInFlight ? 2 * mean : p50;
    }
  }

  private Throughput() {}

  /**
   * Every (config, batch) SampleTime point, by config then batch. A config timed at a single batch size is left out
   * unless a sweep timed it (its forks built their own workload: {@code run --throughput-batches 256} sweeps one size).
   * Where the sweep and the run's own TensorRT part both timed a (config, batch), the sweep's point ({@link
   * SameKeyResults#sweepFirst}), so one configuration's line is one set of forks.
   */
  public static List<Point> points(List<BenchmarkResult> results) {
    List<BenchmarkResult> timed = SameKeyResults.sweepFirst(results).stream()
        .filter(r -> EndToEnd.isEndToEnd(r) || isTwoInFlight(r))
        .filter(r -> r.mode() == Mode.SAMPLE_TIME && r.param("batch") != null)
        .toList();
    java.util.Set<String> swept = timed.stream().filter(SameKeyResults::builtOwnWorkload).map(Throughput::label)
        .collect(java.util.stream.Collectors.toSet());
    List<Point> all = timed.stream()
        .map(Throughput::point)
        .filter(p -> p.mean() > 0)
        .sorted(Comparator.comparing(Point::config).thenComparingInt(Point::batch))
        .toList();
    return all.stream()
        .filter(p -> swept.contains(p.config())
            || all.stream().filter(q -> q.config().equals(p.config())).map(Point::batch).distinct().count() > 1)
        .toList();
  }

  /** The name a result's points go by: its config, with {@link #TWO_IN_FLIGHT_SUFFIX} for two in flight. */
  private static String label(BenchmarkResult r) {
    return r.param("config") + (isTwoInFlight(r) ? TWO_IN_FLIGHT_SUFFIX : "");
  }

  /**
   * The run's own measurements that {@link #points} left out because the sweep timed the same (config, batch): they
   * are in the latency tables instead, and the report says so beside the throughput table.
   */
  public static List<Point> timedAlsoByRun(List<BenchmarkResult> results) {
    return SameKeyResults.leftOutBySweep(results).stream()
        .filter(EndToEnd::isEndToEnd)
        .filter(r -> r.mode() == Mode.SAMPLE_TIME && r.param("batch") != null)
        .map(Throughput::point)
        .toList();
  }

  static boolean isTwoInFlight(BenchmarkResult r) {
    return r.benchmarkClass().equals(TWO_IN_FLIGHT) && r.param("config") != null;
  }

  /** The point with the most images per second, if any. */
  public static java.util.Optional<Point> best(List<Point> points, boolean peer) {
    return points.stream().filter(p -> p.peer() == peer).max(Comparator.comparingDouble(Point::imagesPerSecond));
  }

  private static Point point(BenchmarkResult r) {
    Metric m = r.primary();
    int batch;
    try {
      batch = Integer.parseInt(r.param("batch"));
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException("batch param of " + r.key() + " is not a whole number: " + r.param("batch"), e);
    }
    double p50 = Units.toMillisPerOp(m.percentile(50.0), m.unit());
    double p99 = Units.toMillisPerOp(m.percentile(99.0), m.unit());
    double mean = Units.toMillisPerOp(m.score(), m.unit());
    IterationInterval perCall = IterationInterval.ofPooledMean(Ladder.inMillis(r));
    IterationInterval imagesPerSecond = perCall.known()
        ? new IterationInterval(batch / perCall.high() * 1000.0, batch / perCall.low() * 1000.0)
        : perCall;
    return new Point(label(r), batch, p50, p99, mean, batch / mean * 1000.0, imagesPerSecond,
        r.benchmarkClass().equals(EndToEnd.PEER_TORCH), isTwoInFlight(r));
  }
}
