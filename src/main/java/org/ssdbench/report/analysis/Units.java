package org.ssdbench.report.analysis;

import java.util.Map;

/** Converts JMH scores to milliseconds per operation, so every mode and unit can share one axis. */
public final class Units {
  private static final Map<String, Double> MILLIS_PER_UNIT =
      Map.of("ns", 1e-6, "us", 1e-3, "\u00b5s", 1e-3, "ms", 1.0, "s", 1000.0, "min", 60_000.0);

  private Units() {}

  /**
   * {@code value} in ms per operation: time units ({@code "us/op"}, {@code "ms"}) scale, throughput units ({@code
   * "ops/ms"}) invert. NaN for units it does not know.
   */
  public static double toMillisPerOp(double value, String unit) {
    if (unit == null) {
      return Double.NaN;
    }
    String[] parts = unit.split("/", 2);
    if (parts.length == 2 && parts[0].equals("ops") && MILLIS_PER_UNIT.containsKey(parts[1])) {
      return MILLIS_PER_UNIT.get(parts[1]) / value;
    }
    Double scale = MILLIS_PER_UNIT.get(parts[0]);
    if (scale == null || (parts.length == 2 && !parts[1].equals("op"))) {
      return Double.NaN;
    }
    return value * scale;
  }

  /** Whether {@code unit} is a throughput unit such as {@code ops/s}. */
  public static boolean isThroughput(String unit) {
    return unit != null && unit.startsWith("ops/");
  }
}
