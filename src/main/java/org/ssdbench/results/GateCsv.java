package org.ssdbench.results;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.ssdbench.engine.CorrectnessGate;
import org.ssdbench.engine.DetectionMatch;
import org.ssdbench.io.LockedCsv;

/**
 * {@code gate.csv} in the run folder: per configuration, batch and image, what the correctness gate found before the
 * configuration was timed (or refused), so the report can show every configuration's agreement with tf-cpu, including
 * those whose criteria only measure (INT8). Forks that find the same leave one line; a failed gate is recorded too.
 * {@code misses} counts the unmatched detections of either side that the gate counts against its limit: matched and
 * misses need not add up to the detections, since an unmatched detection at the score cut is not a miss
 * ({@link DetectionMatch#unmatchedAtTheCut}).
 */
public final class GateCsv {
  public static final String FILE = "gate.csv";
  public static final List<String> HEADER = List.of("config", "batch", "criteria", "gated", "passed", "image",
      "reference_detections", "detections", "matched", "mean_iou", "worst_score_diff", "misses");

  private GateCsv() {}

  /** Records {@code report} in {@code runDir}'s gate.csv; returns the file. */
  public static Path append(Path runDir, CorrectnessGate.Report report, int batch) {
    Path file = runDir.resolve(FILE);
    LockedCsv.appendNew(file, HEADER, rows(report, batch));
    return file;
  }

  static List<List<String>> rows(CorrectnessGate.Report report, int batch) {
    List<List<String>> rows = new ArrayList<>();
    for (DetectionMatch m : report.matches()) {
      rows.add(List.of(report.config(), String.valueOf(batch), report.criteria().toString(),
          String.valueOf(report.criteria().gated()), String.valueOf(report.passed()), String.valueOf(m.image()),
          String.valueOf(m.expected()), String.valueOf(m.actual()), String.valueOf(m.matched()),
          String.format(Locale.ROOT, "%.4f", m.meanIou()), String.format(Locale.ROOT, "%.4f", m.worstScoreDiff()),
          String.valueOf(m.misses().size())));
    }
    return rows;
  }
}
