package org.ssdbench.report.stats;

import java.util.Locale;
import java.util.Map;

/**
 * A JMH score unit: a time per operation ({@code ns/op}, {@code us/op}, {@code ms/op}, {@code s/op}) or a throughput
 * ({@code ops/ns} ... {@code ops/s}, {@code ops/min}), with its factor to seconds per op or ops per second.
 *
 * @param unit as JMH wrote it
 * @param throughput whether it counts operations per time (higher is better) rather than time per operation
 * @param factor seconds per op for one unit of a time, ops per second for one unit of a throughput
 */
public record ScoreUnit(String unit, boolean throughput, double factor) {
  private static final Map<String, Double> SECONDS =
      Map.of("ns", 1e-9, "us", 1e-6, "\u00b5s", 1e-6, "ms", 1e-3, "s", 1.0, "min", 60.0);

  /**
   * Parses {@code unit}.
   *
   * @throws IllegalArgumentException naming the unit and the valid forms
   */
  public static ScoreUnit of(String unit) {
    String u = unit == null ? "" : unit.trim().toLowerCase(Locale.ROOT);
    String[] parts = u.split("/", 2);
    if (parts.length == 2 && parts[0].equals("ops") && SECONDS.containsKey(parts[1])) {
      return new ScoreUnit(unit, true, 1 / SECONDS.get(parts[1]));
    }
    if (parts.length == 2 && parts[1].equals("op") && SECONDS.containsKey(parts[0])) {
      return new ScoreUnit(unit, false, SECONDS.get(parts[0]));
    }
    throw new IllegalArgumentException("Unknown score unit '%s'; valid: a time per op (ns/op, us/op, ms/op, s/op) or a throughput (ops/ns, ops/us, ops/ms, ops/s, ops/min)"
        .formatted(unit));
  }

  /** {@code value}, given in {@code from}, expressed in this unit. */
  public double convert(double value, ScoreUnit from) {
    if (from.throughput != throughput) {
      throw new IllegalArgumentException("Cannot convert %s (%s) to %s (%s): a throughput is not a time"
          .formatted(from.unit, from.kind(), unit, kind()));
    }
    return value * from.factor / factor;
  }

  /** "throughput" or "time per op". */
  public String kind() {
    return throughput ? "throughput" : "time per op";
  }
}
