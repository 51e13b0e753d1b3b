package org.ssdbench.diff;

/** How a benchmark moved between two runs. */
public enum Change {
  FASTER("faster"),
  SLOWER("slower"),
  /** Not significant, or smaller than the practical threshold. */
  SAME("~"),
  /** Present in only one of the two runs. */
  MISSING("missing");

  private final String symbol;

  Change(String symbol) {
    this.symbol = symbol;
  }

  public String symbol() {
    return symbol;
  }
}
