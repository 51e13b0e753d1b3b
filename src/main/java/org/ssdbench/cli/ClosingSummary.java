package org.ssdbench.cli;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.ssdbench.bench.Summary;

/**
 * The block a run ends with, in the spirit of trtexec's performance summary: what ran, each configuration's p50, p99 and
 * ratio (the {@link Summary} table), what was skipped with one reason each (configurations sharing a reason on one line),
 * how long the run took, and where the report and results are.
 */
final class ClosingSummary {
  /** One thing not run and why, e.g. ("tf-gpu", "no GPU on this machine ..."). */
  record Skip(String what, String reason) {}

  private final Summary summary;
  private final List<String> alsoRan;
  private final List<Skip> skipped;
  private final String took;
  private final String phases;

  ClosingSummary(Summary summary, List<String> alsoRan, List<Skip> skipped) {
    this(summary, alsoRan, skipped, null, "");
  }

  /**
   * @param summary the end-to-end rows and their ratios
   * @param alsoRan parts that ran but have no row there, e.g. "per-op on cpu"
   * @param skipped what did not run, in the order it was decided
   * @param took how long the run took ({@link org.ssdbench.results.RunTime#describe()}), or null
   * @param phases where that time went ({@link org.ssdbench.results.RunTime#describePhases()}), or empty
   */
  ClosingSummary(Summary summary, List<String> alsoRan, List<Skip> skipped, String took, String phases) {
    this.summary = summary;
    this.alsoRan = List.copyOf(alsoRan);
    this.skipped = List.copyOf(skipped);
    this.took = took;
    this.phases = phases;
  }

  /**
   * @param report the report's report.md, or null when none was written
   * @param whyNoReport what to say instead when {@code report} is null
   * @param results the run folder, or null when none was created
   */
  void print(PrintStream out, Path report, String whyNoReport, Path results) {
    out.printf("%n=== Summary ===%n");
    List<String> ran = new ArrayList<>();
    summary.rows().stream().map(r -> r.config() + " (batch " + r.batch() + ")").distinct().forEach(ran::add);
    ran.addAll(alsoRan);
    out.println("Ran:      " + (ran.isEmpty() ? "nothing" : String.join(", ", ran)));
    if (!summary.rows().isEmpty()) {
      summary.print(out);
    }
    Map<String, List<String>> byReason = new LinkedHashMap<>();
    skipped.forEach(s -> byReason.computeIfAbsent(s.reason(), r -> new ArrayList<>()).add(s.what()));
    if (byReason.isEmpty()) {
      out.println("Skipped:  nothing");
    } else {
      String label = "Skipped:  ";
      for (Map.Entry<String, List<String>> e : byReason.entrySet()) {
        out.println(label + String.join(", ", e.getValue()) + ": " + e.getKey());
        label = "          ";
      }
    }
    if (took != null) {
      out.println("Took:     " + took);
      if (!phases.isEmpty()) {
        out.println("          by phase: " + phases);
      }
    }
    out.println("Report:   " + (report != null ? report : whyNoReport));
    if (results != null) {
      out.println("Results:  " + results);
    }
  }
}
