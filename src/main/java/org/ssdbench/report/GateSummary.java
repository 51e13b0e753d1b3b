package org.ssdbench.report;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.ssdbench.report.csv.CsvTable;
import org.ssdbench.report.doc.Block;

/**
 * gate.csv, one line per image, summed up to one line per configuration and batch: a batch sweep gates every image
 * of each batch (425 images over 1 to 256), which as raw lines would bury the batch-1 configurations. A configuration
 * passed where every line of it did; detections are summed over its images, and the lowest mean IoU and the worst score
 * difference are those of its worst image (forks that found something else for an image leave a line each: its
 * detections count once, its worst values count).
 */
final class GateSummary {
  static final List<String> HEADER = List.of("config", "batch", "criteria", "gated", "passed", "images",
      "reference detections", "detections", "matched", "misses", "lowest mean IoU", "worst score diff");

  private GateSummary() {}

  static List<Block> blocks(Path gateCsv) throws IOException {
    CsvTable table = CsvTable.read(gateCsv);
    Columns c = new Columns(table.header(), gateCsv);
    Map<List<String>, Group> groups = new LinkedHashMap<>();
    for (List<String> row : table.rows()) {
      List<String> key = List.of(c.get(row, "config"), c.get(row, "batch"), c.get(row, "criteria"), c.get(row, "gated"));
      groups.computeIfAbsent(key, k -> new Group()).add(row, c, gateCsv);
    }
    List<List<String>> rows = new ArrayList<>();
    groups.forEach((key, g) -> {
      List<String> out = new ArrayList<>(key);
      out.addAll(g.cells());
      rows.add(out);
    });
    return List.of(
        new Block.Heading(3, "Correctness gate: each configuration's detections against tf-cpu's, before it was timed (gate.csv)"),
        new Block.Paragraph("One line per configuration and batch size: how many images the gate compared, their"
            + " detections summed, and the lowest mean IoU and worst score difference of any one image. gate.csv"
            + " has a line per image. Misses are the unmatched detections of either side that count against the"
            + " criteria's share: an unmatched detection whose score lies within the score tolerance of the lowest"
            + " score either side kept may fall on the other side of the threshold or the 100-detection cut, so it is"
            + " not a miss, and matched plus misses can fall short of the detections (blank: a gate.csv written before"
            + " misses were recorded)."),
        new Block.Table(HEADER, rows));
  }

  /** Column positions by header name, so the summary does not depend on the file's column order. */
  private record Columns(List<String> header, Path file) {
    /** The cell, or empty where the file has no such column (written before it existed). */
    String optional(List<String> row, String name) {
      int i = header.indexOf(name);
      return i < 0 || i >= row.size() ? "" : row.get(i);
    }

    String get(List<String> row, String name) {
      int i = header.indexOf(name);
      if (i < 0 || i >= row.size()) {
        throw new IllegalArgumentException(file + ": no column '" + name + "' (header " + header + ")");
      }
      return row.get(i);
    }
  }

  private static final class Group {
    private final Set<String> images = new LinkedHashSet<>();
    private int lines;
    private int passedLines;
    private long reference;
    private long detections;
    private long matched;
    /** Summed misses; -1 where a line lacks them. */
    private long misses;
    private double lowestIou = Double.NaN;
    private double worstScoreDiff = Double.NaN;

    void add(List<String> row, Columns c, Path file) {
      try {
        lines++;
        passedLines += Boolean.parseBoolean(c.get(row, "passed")) ? 1 : 0;
        // Forks that found something else for an image leave a line each: count its detections once.
        if (images.add(c.get(row, "image"))) {
          reference += Long.parseLong(c.get(row, "reference_detections"));
          detections += Long.parseLong(c.get(row, "detections"));
          matched += Long.parseLong(c.get(row, "matched"));
          String m = c.optional(row, "misses");
          misses = misses < 0 || m.isEmpty() ? -1 : misses + Long.parseLong(m);
        }
        double iou = Double.parseDouble(c.get(row, "mean_iou"));
        double diff = Double.parseDouble(c.get(row, "worst_score_diff"));
        lowestIou = Double.isNaN(lowestIou) ? iou : Math.min(lowestIou, iou);
        worstScoreDiff = Double.isNaN(worstScoreDiff) ? diff : Math.max(worstScoreDiff, diff);
      } catch (NumberFormatException e) {
        throw new IllegalArgumentException(file + ": not a number in " + row + " (" + e.getMessage() + ")", e);
      }
    }

    List<String> cells() {
      String passed = passedLines == lines ? "true"
          : passedLines == 0 ? "false" : "false (%d of %d lines passed)".formatted(passedLines, lines);
      return List.of(passed, String.valueOf(images.size()), String.valueOf(reference), String.valueOf(detections),
          String.valueOf(matched), misses < 0 ? "" : String.valueOf(misses), String.format(Locale.ROOT, "%.4f", lowestIou),
          String.format(Locale.ROOT, "%.4f", worstScoreDiff));
    }
  }
}
