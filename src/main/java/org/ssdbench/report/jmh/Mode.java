package org.ssdbench.report.jmh;

import java.util.Arrays;
import java.util.stream.Collectors;

/** A JMH benchmark mode, by the short name JMH writes into its JSON ({@code "mode": "avgt"}). */
public enum Mode {
  THROUGHPUT("thrpt"),
  AVERAGE_TIME("avgt"),
  SAMPLE_TIME("sample"),
  SINGLE_SHOT("ss");

  private final String shortName;

  Mode(String shortName) {
    this.shortName = shortName;
  }

  public String shortName() {
    return shortName;
  }

  /** Whether a bigger score is better: true for throughput (ops per time), false for the time modes. */
  public boolean higherIsBetter() {
    return this == THROUGHPUT;
  }

  /** The mode JMH calls {@code shortName}; throws naming the valid short names otherwise. */
  public static Mode of(String shortName) {
    for (Mode mode : values()) {
      if (mode.shortName.equals(shortName)) {
        return mode;
      }
    }
    throw new IllegalArgumentException(
        "Unknown JMH mode '" + shortName + "'; valid: "
            + Arrays.stream(values()).map(Mode::shortName).collect(Collectors.joining(", ")));
  }
}
