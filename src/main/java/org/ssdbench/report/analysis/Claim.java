package org.ssdbench.report.analysis;

/**
 * One of the article's speedup claims and how our run compares.
 *
 * @param name e.g. "NMS block on CPU (step 1)"
 * @param ratioLabel how the ratio is formed, e.g. "tf-gpu / tf-gpu-postproc-cpu"
 * @param claimed the article's factor, e.g. 1.3
 * @param measured our factor; NaN when not measured
 * @param outcome reproduced, not reproduced or not measured
 * @param detail the numbers behind it, or what is missing
 */
public record Claim(
    String name, String ratioLabel, double claimed, double measured, Outcome outcome, String detail) {

  /** How a measured ratio compares with the article's. */
  public enum Outcome {
    REPRODUCED("reproduced"),
    NOT_REPRODUCED("not reproduced"),
    NOT_MEASURED("not measured");

    private final String text;

    Outcome(String text) {
      this.text = text;
    }

    @Override
    public String toString() {
      return text;
    }
  }
}
