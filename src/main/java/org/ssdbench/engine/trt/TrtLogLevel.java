package org.ssdbench.engine.trt;

import java.util.Locale;

/**
 * The lowest TensorRT severity the suite prints, from {@code -Dssdbench.trt.log=error|warning|info|verbose}; info shows
 * the builder's phases (calibration, tactic selection, engine size). Kept apart from {@link TrtLogger} so that reading it
 * loads no native library.
 */
final class TrtLogLevel {
  static final String PROPERTY = "ssdbench.trt.log";

  private TrtLogLevel() {}

  static int fromSystemProperty() {
    return parse(System.getProperty(PROPERTY, "warning"));
  }

  /** TensorRT's severity value for a level name: kERROR 1, kWARNING 2, kINFO 3, kVERBOSE 4. */
  static int parse(String level) {
    return switch (level.trim().toLowerCase(Locale.ROOT)) {
      case "error" -> 1;
      case "warning" -> 2;
      case "info" -> 3;
      case "verbose" -> 4;
      default -> throw new IllegalArgumentException(
          "-D%s=%s: expected error, warning, info or verbose".formatted(PROPERTY, level));
    };
  }
}
