package org.ssdbench.bench;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.util.Statistics;
import org.ssdbench.results.WorkloadKey;

/**
 * The table run-bench.sh ends with: per configuration and batch, p50 and p99 and the speedup over {@code tf-gpu} on the
 * same workload (tf-gpu p50 / this p50, so the article's step 1 would read 1.3x and TensorRT 4x). A ratio is formed
 * only between results of the same workload: model, images, score threshold and batch ({@link Row#workload}); where
 * there is none, {@link #whyNoRatio} says why.
 */
public record Summary(List<Row> rows) {
  public static final String BASELINE = "tf-gpu";

  /**
   * One configuration at one batch size, in milliseconds.
   *
   * @param workload what was timed, e.g. {@code model=generated image=synthetic scoreThreshold=0.3 batch=1}
   */
  public record Row(String config, int batch, double p50, double p99, long samples, String unit, String workload) {
    public Row(String config, int batch, double p50, double p99, long samples, String unit) {
      this(config, batch, p50, p99, samples, unit, "batch=" + batch);
    }
  }


  public static Summary of(Collection<RunResult> results) {
    List<Row> rows = new ArrayList<>();
    for (RunResult r : results) {
      String config = r.getParams().getParam("config");
      String batch = r.getParams().getParam("batch");
      if (config == null) {
        continue;
      }
      Statistics s = r.getPrimaryResult().getStatistics();
      double toMs = millisPer(r.getPrimaryResult().getScoreUnit());
      rows.add(new Row(config, batch == null ? 1 : Integer.parseInt(batch), s.getPercentile(50) * toMs,
          s.getPercentile(99) * toMs, s.getN(), "ms/op", WorkloadKey.of(r.getParams()::getParam)));
    }
    rows.sort(Comparator.comparingInt(Row::batch).thenComparing(Row::config));
    return new Summary(List.copyOf(rows));
  }

  /** Milliseconds in one of JMH's time units ("ms/op", "us/op", ...), so configurations timed in different units compare. */
  static double millisPer(String unit) {
    return switch (unit.replace("/op", "")) {
      case "s" -> 1e3;
      case "ms" -> 1;
      case "us" -> 1e-3;
      case "ns" -> 1e-6;
      default -> throw new IllegalArgumentException("Unexpected JMH time unit '%s'; expected s, ms, us or ns per op"
          .formatted(unit));
    };
  }

  public Summary plus(Summary other) {
    List<Row> all = new ArrayList<>(rows);
    all.addAll(other.rows);
    return new Summary(List.copyOf(all));
  }

  /** tf-gpu's p50 on the same workload divided by this row's p50; empty without one ({@link #whyNoRatio}). */
  public Optional<Double> speedupOverBaseline(Row row) {
    return rows.stream()
        .filter(r -> r.config().equals(BASELINE) && r.workload().equals(row.workload()))
        .findFirst()
        .map(base -> base.p50() / row.p50());
  }

  /** Why {@code row} has no speedup; empty when it has one. */
  public Optional<String> whyNoRatio(Row row) {
    if (speedupOverBaseline(row).isPresent()) {
      return Optional.empty();
    }
    List<Row> baselines = rows.stream().filter(r -> r.config().equals(BASELINE) && r.batch() == row.batch()).toList();
    if (baselines.isEmpty()) {
      return Optional.of("no %s result at batch %d".formatted(BASELINE, row.batch()));
    }
    return Optional.of("%s timed other work (%s, not %s)".formatted(BASELINE, baselines.get(0).workload(), row.workload()));
  }

  public void print(PrintStream out) {
    out.printf("%n%-22s %5s %12s %12s %9s %16s%n", "configuration", "batch", "p50", "p99", "samples", "vs tf-gpu (p50)");
    for (Row r : rows) {
      String ratio = speedupOverBaseline(r).map(x -> "%.2fx".formatted(x)).orElse("-");
      out.printf("%-22s %5d %9.3f %-2s %9.3f %-2s %9d %16s%n", r.config(), r.batch(), r.p50(), r.unit().replace("/op", ""),
          r.p99(), r.unit().replace("/op", ""), r.samples(), ratio);
    }
    out.println("(speedup = tf-gpu p50 / configuration p50 on the same workload; the article reports 1.3x for the NMS block"
        + " on the CPU and 4x for TensorRT)");
    rows.stream().map(r -> whyNoRatio(r).map(why -> "  no ratio for %s at batch %d: %s".formatted(r.config(), r.batch(), why)))
        .flatMap(Optional::stream).distinct().forEach(out::println);
    rows.stream().map(Row::workload).distinct().forEach(w -> out.println("  workload: " + w));
  }
}
