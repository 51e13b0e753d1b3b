package org.ssdbench.report;

import java.util.Locale;

/** How the report prints numbers: four significant digits, grouping for large values, empty for unknown. */
final class Numbers {
  private Numbers() {}

  static String format(double value) {
    if (Double.isNaN(value) || Double.isInfinite(value)) {
      return "";
    }
    double abs = Math.abs(value);
    if (abs >= 1000) {
      return String.format(Locale.ROOT, "%,.0f", value);
    }
    if (abs >= 100) {
      return String.format(Locale.ROOT, "%.1f", value);
    }
    if (abs >= 1 || abs == 0) {
      return String.format(Locale.ROOT, "%.3f", value);
    }
    return String.format(Locale.ROOT, "%.4g", value);
  }

  static String ratio(double value) {
    return Double.isNaN(value) ? "" : String.format(Locale.ROOT, "%.2fx", value);
  }
}
