package org.ssdbench.diff;

/** How a benchmark moved between two runs. */
public enum Change {
  FASTER("faster"),
  SLOWER("slower"),
  /** Not significant, smaller than the practical threshold, or too few iterations to tell (the note says which). */
  SAME("~"),
  /** Present in only one of the two runs. */
  MISSING("missing"),
  /** In both runs, but measured as things that cannot be compared (a throughput against a time); the note says why. */
  INCOMPARABLE("not comparable");

  private final String symbol;

  Change(String symbol) {
    this.symbol = symbol;
  }

  public String symbol() {
    return symbol;
  }
}
