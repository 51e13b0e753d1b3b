package org.ssdbench.report.jmh;

/** One {@code [value, count]} pair of a SampleTime iteration's histogram: {@code count} samples took {@code value}. */
public record HistogramBin(double value, long count) {
  public HistogramBin {
    if (count < 0) {
      throw new IllegalArgumentException("histogram count cannot be negative: " + count + " at value " + value);
    }
  }
}
