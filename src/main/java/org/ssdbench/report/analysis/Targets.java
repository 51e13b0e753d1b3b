package org.ssdbench.report.analysis;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.ssdbench.report.jmh.BenchmarkResult;

/**
 * The run against the suite's performance targets (docs/ladder.md, set for an NVIDIA H200), each from the figure the
 * report already computes: the fastest batch-1 FP16 and INT8 TensorRT configurations' p50 (the ladder's results), the
 * most images per second of the throughput table, and TensorRT beside PyTorch. A target is met where the figure
 * reaches it; each figure comes with its 95% interval, so a reader sees whether the whole interval does.
 */
public final class Targets {
  /** Met, missed, or not measured in this run. */
  public enum Status {
    MET("met"), MISSED("missed"), NOT_MEASURED("not measured");

    private final String text;

    Status(String text) {
      this.text = text;
    }

    public String text() {
      return text;
    }
  }

  /** One target: what, the goal, what this run measured (with its interval), and the verdict. */
  public record Row(String target, String goal, String measured, Status status) {}

  static final double FP16_MILLIS = 0.35;
  static final double INT8_MILLIS = 0.30;
  static final double IMAGES_PER_SECOND = 30_000;
  static final double OVER_PYTORCH = 2.5;

  private Targets() {}

  /** The targets of {@code results}, computing their throughput points and peer comparison. */
  public static List<Row> of(List<BenchmarkResult> results) {
    return of(results, Throughput.points(results), PeerComparison.of(results));
  }

  /** The targets of {@code results} with its {@link Throughput#points} and {@link PeerComparison} already at hand. */
  public static List<Row> of(List<BenchmarkResult> results, List<Throughput.Point> points,
      Optional<PeerComparison> peer) {
    List<Row> rows = new ArrayList<>();
    Map<String, BenchmarkResult> batchOne = Ladder.batchOne(results);
    rows.add(latency(batchOne, "trt-fp16", FP16_MILLIS));
    rows.add(latency(batchOne, "trt-int8", INT8_MILLIS));
    rows.add(throughput(points));
    rows.add(overPyTorch(peer));
    return rows;
  }

  private static Row latency(Map<String, BenchmarkResult> batchOne, String prefix, double goal) {
    String target = "fastest %s* configuration, batch 1, p50 end to end".formatted(prefix);
    String goalText = String.format(Locale.ROOT, "<= %.2f ms", goal);
    Optional<BenchmarkResult> fastest = batchOne.values().stream()
        .filter(r -> r.param("config").startsWith(prefix))
        .min(java.util.Comparator.comparingDouble(Ladder::typical));
    if (fastest.isEmpty()) {
      return new Row(target, goalText, "", Status.NOT_MEASURED);
    }
    double p50 = Ladder.typical(fastest.get());
    IterationInterval ci = IterationInterval.ofMedian(Ladder.inMillis(fastest.get()));
    String measured = String.format(Locale.ROOT, "%.4f ms (%s)%s", p50, fastest.get().param("config"),
        ci.known() ? String.format(Locale.ROOT, ", 95%% CI %.4f .. %.4f", ci.low(), ci.high()) : "");
    return new Row(target, goalText, measured, p50 <= goal ? Status.MET : Status.MISSED);
  }

  private static Row throughput(List<Throughput.Point> points) {
    String target = "most images/s at any batch size, end to end";
    String goal = String.format(Locale.ROOT, ">= %,.0f", IMAGES_PER_SECOND);
    Optional<Throughput.Point> best = Throughput.best(points, false);
    if (best.isEmpty()) {
      return new Row(target, goal, "", Status.NOT_MEASURED);
    }
    Throughput.Point b = best.get();
    IterationInterval ci = b.imagesPerSecondInterval();
    String measured = String.format(Locale.ROOT, "%,.0f (%s, batch %d)%s", b.imagesPerSecond(), b.config(), b.batch(),
        ci.known() ? String.format(Locale.ROOT, ", 95%% CI %,.0f .. %,.0f", ci.low(), ci.high()) : "");
    return new Row(target, goal, measured, b.imagesPerSecond() >= IMAGES_PER_SECOND ? Status.MET : Status.MISSED);
  }

  private static Row overPyTorch(Optional<PeerComparison> peer) {
    String target = "fastest batch-1 TensorRT over PyTorch's fastest batch-1, same run";
    String goal = String.format(Locale.ROOT, ">= %.1fx", OVER_PYTORCH);
    if (peer.isEmpty()) {
      return new Row(target, goal, "", Status.NOT_MEASURED);
    }
    PeerComparison p = peer.get();
    String measured = String.format(Locale.ROOT, "%.2fx (%s against %s)%s", p.ratio(), p.trtConfig(), p.peerConfig(),
        p.interval().known()
            ? String.format(Locale.ROOT, ", 95%% CI %.2fx .. %.2fx", p.interval().low(), p.interval().high()) : "");
    return new Row(target, goal, measured, p.ratio() >= OVER_PYTORCH ? Status.MET : Status.MISSED);
  }
}
