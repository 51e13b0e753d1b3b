package org.ssdbench.bench;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.util.Statistics;

/**
 * The table run-bench.sh ends with: per configuration and batch, p50 and p99 and the speedup over {@code tf-gpu} at the
 * same batch (tf-gpu p50 / this p50, so the article's step 1 would read 1.3x and TensorRT 4x).
 */
public record Summary(List<Row> rows) {
  public static final String BASELINE = "tf-gpu";

  /** One configuration at one batch size, in milliseconds. */
  public record Row(String config, int batch, double p50, double p99, long samples, String unit) {}

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
          s.getPercentile(99) * toMs, s.getN(), "ms/op"));
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

  /** tf-gpu's p50 at {@code batch} divided by this row's p50; empty without a tf-gpu result at that batch. */
  public Optional<Double> speedupOverBaseline(Row row) {
    return rows.stream()
        .filter(r -> r.config().equals(BASELINE) && r.batch() == row.batch())
        .findFirst()
        .map(base -> base.p50() / row.p50());
  }

  public void print(PrintStream out) {
    out.printf("%n%-22s %5s %12s %12s %9s %16s%n", "configuration", "batch", "p50", "p99", "samples", "vs tf-gpu (p50)");
    for (Row r : rows) {
      String ratio = speedupOverBaseline(r).map(x -> "%.2fx".formatted(x)).orElse("-");
      out.printf("%-22s %5d %9.3f %-2s %9.3f %-2s %9d %16s%n", r.config(), r.batch(), r.p50(), r.unit().replace("/op", ""),
          r.p99(), r.unit().replace("/op", ""), r.samples(), ratio);
    }
    out.println("(speedup = tf-gpu p50 / configuration p50; the article reports 1.3x for the NMS block on the CPU and 4x"
        + " for TensorRT)");
  }
}
