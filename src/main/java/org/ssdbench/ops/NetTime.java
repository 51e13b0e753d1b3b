package org.ssdbench.ops;

/**
 * An op's own time per call: the isolated call minus its no-op control, in microseconds, with the two 95% half-widths in
 * quadrature (independent trials). The one rule for ops-report.csv and the report's per-op table and chart, so the two
 * never disagree on which times and ratios stand: a control slower than the call beyond the uncertainty leaves no time,
 * and a time whose interval reaches zero is not told apart from nothing.
 *
 * @param raw call minus control; NaN without a control
 * @param halfWidth half-width of its 95% interval
 */
public record NetTime(double raw, double halfWidth) {
  public static NetTime of(double callMicros, double callHalfWidth, double controlMicros, double controlHalfWidth) {
    return new NetTime(callMicros - controlMicros, Math.hypot(callHalfWidth, controlHalfWidth));
  }

  /**
   * Whether the control took longer than the call by more than the uncertainty: the difference is then not a time of the
   * op (a disturbed run, or a control that is not one).
   */
  public boolean controlExceedsCall() {
    return raw < 0 && (Double.isNaN(halfWidth) || raw + halfWidth < 0);
  }

  /**
   * The op's own time, or NaN without a control or where the control exceeds the call: never negative beyond its
   * uncertainty.
   */
  public double micros() {
    return controlExceedsCall() ? Double.NaN : raw;
  }

  /** Whether {@link #micros()} lies above zero beyond its interval. */
  public boolean toldApartFromZero() {
    return toldApartFromZero(micros(), halfWidth);
  }

  /**
   * Whether a time lies above zero beyond its 95% interval; a time without a known interval counts as told apart. Where
   * it does not, a ratio of it says nothing and a negative value of it is noise, not a time.
   */
  public static boolean toldApartFromZero(double micros, double halfWidth) {
    return !Double.isNaN(micros) && micros - (Double.isNaN(halfWidth) ? 0 : halfWidth) > 0;
  }
}
