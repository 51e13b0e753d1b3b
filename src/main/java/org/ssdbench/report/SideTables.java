package org.ssdbench.report;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.ssdbench.report.csv.CsvTable;
import org.ssdbench.report.doc.Block;
import org.ssdbench.results.RunFolder;

/**
 * The run folder's optional CSV tables (placement, per-config op tables, copies, per-op report) as report blocks, each
 * under a heading; a table longer than {@link #MAX_ROWS} shows its first rows and says how many there are.
 */
final class SideTables {
  static final int MAX_ROWS = 25;

  private SideTables() {}

  static List<Block> blocks(RunFolder folder) throws IOException {
    List<Block> blocks = new ArrayList<>();
    add(blocks, folder.requireInside(folder.gate()),
        "Correctness gate: each configuration's detections against tf-cpu's, before it was timed (gate.csv)");
    add(blocks, folder.requireInside(folder.placement()), "Placement: nodes per device per configuration");
    for (Path opTable : opTables(folder)) {
      String config = opTable.getFileName().toString().replaceFirst("\\.ops\\.csv$", "");
      add(blocks, folder.requireInside(opTable), "Top op types in the trace of " + config);
    }
    add(blocks, folder.requireInside(folder.copies()), "Host-device copies per configuration");
    add(blocks, folder.requireInside(folder.opsReport()), "Per-op CPU vs GPU report (ops-report.csv)");
    add(blocks, folder.requireInside(folder.trtBuilds()), "TensorRT engines: build time, builder level, timing cache, calibration (trt-builds.csv)");
    if (blocks.isEmpty()) {
      blocks.add(new Block.Paragraph(
          "This run folder has no placement.csv, traces/*.ops.csv, traces/copies.csv or ops-report.csv."));
    }
    return blocks;
  }

  private static List<Path> opTables(RunFolder folder) throws IOException {
    folder.requireInside(folder.traces());
    return folder.opTables();
  }

  private static void add(List<Block> blocks, Path file, String title) throws IOException {
    if (!Files.isRegularFile(file)) {
      return;
    }
    CsvTable table = CsvTable.read(file);
    blocks.add(new Block.Heading(3, title));
    List<List<String>> rows = table.rows();
    if (rows.size() > MAX_ROWS) {
      blocks.add(new Block.Paragraph("First " + MAX_ROWS + " of " + rows.size() + " rows of " + file.getFileName() + "."));
      rows = rows.subList(0, MAX_ROWS);
    }
    try {
      blocks.add(new Block.Table(table.header(), rows));
    } catch (IllegalArgumentException e) {
      throw new IOException(file + ": " + e.getMessage(), e);
    }
  }
}
