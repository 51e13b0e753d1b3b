package org.ssdbench.report.csv;

/**
 * Keeps text cells from being formulas when a CSV file is opened in a spreadsheet: a cell starting with {@code =},
 * {@code +}, {@code -}, {@code @}, a tab or a carriage return gets a leading apostrophe (shown as text, OWASP's advice
 * for CSV injection), which {@link #restore} takes off again when the suite reads the file back. Number cells are
 * written as they are (a negative number is not a formula).
 */
public final class FormulaGuard {
  private FormulaGuard() {}

  public static String neutralise(String cell) {
    return cell != null && !cell.isEmpty() && startsLikeAFormula(cell, 0) ? "'" + cell : cell;
  }

  public static String restore(String cell) {
    return cell != null && cell.length() > 1 && cell.charAt(0) == '\'' && startsLikeAFormula(cell, 1)
        ? cell.substring(1) : cell;
  }

  private static boolean startsLikeAFormula(String cell, int at) {
    return "=+-@\t\r".indexOf(cell.charAt(at)) >= 0;
  }
}
