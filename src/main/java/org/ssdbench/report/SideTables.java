package org.ssdbench.report;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.ssdbench.engine.trt.TrtBuild;
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
    Path gate = folder.requireInside(folder.gate());
    if (Files.isRegularFile(gate)) {
      try {
        blocks.addAll(GateSummary.blocks(gate));
      } catch (IllegalArgumentException e) {
        throw new IOException(e.getMessage(), e);
      }
    }
    add(blocks, folder.requireInside(folder.placement()), "Placement: nodes per device per configuration");
    for (Path opTable : opTables(folder)) {
      String config = opTable.getFileName().toString().replaceFirst("\\.ops\\.csv$", "");
      add(blocks, folder.requireInside(opTable), "Top op types in the trace of " + config);
    }
    add(blocks, folder.requireInside(folder.copies()), "Host-device copies per configuration");
    add(blocks, folder.requireInside(folder.opsReport()), "Per-op CPU vs GPU report (ops-report.csv)");
    Path builds = folder.requireInside(folder.trtBuilds());
    add(blocks, builds, "TensorRT engines: build time, builder level, timing cache, calibration (trt-builds.csv)",
        SideTables::buildKindFromCacheGrowth, true);
    if (Files.isRegularFile(builds)) {
      blocks.add(new Block.Paragraph(BUILD_KINDS));
    }
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

  static final String BUILD_KINDS = "build: cached where the engine came from the engine cache; warm where a timing"
      + " cache was loaded and held what the build needed (it grew by 5% or less); cold where the build timed its"
      + " layers itself, a loaded timing cache that held only other batch sizes or precisions included (it grows by"
      + " about what a cold build writes). Rows of older folders that said warm wherever a cache was loaded are shown"
      + " by this rule, from their timing_cache_bytes_before and _after.";

  /**
   * trt-builds.csv's {@code build} cell by {@link TrtBuild#kind}'s rule, from the row's timing-cache columns, so a
   * folder written when "warm" meant only "a timing cache was loaded" reads the same as a new one.
   */
  static List<String> buildKindFromCacheGrowth(List<String> header, List<String> row) {
    int build = header.indexOf("build");
    int cache = header.indexOf("timing_cache");
    int before = header.indexOf("timing_cache_bytes_before");
    int after = header.indexOf("timing_cache_bytes_after");
    if (build < 0 || cache < 0 || before < 0 || after < 0 || !"warm".equals(row.get(build))) {
      return row;
    }
    try {
      List<String> out = new ArrayList<>(row);
      out.set(build, TrtBuild.kind(false, row.get(cache), Long.parseLong(row.get(before)), Long.parseLong(row.get(after))));
      return out;
    } catch (NumberFormatException | IndexOutOfBoundsException e) {
      return row;
    }
  }

  private static void add(List<Block> blocks, Path file, String title) throws IOException {
    add(blocks, file, title, (header, row) -> row, false);
  }

  /** {@code collapse}: identical rows once, with how many there were (every fork that loads a cached engine adds one). */
  private static void add(List<Block> blocks, Path file, String title,
      java.util.function.BiFunction<List<String>, List<String>, List<String>> shown, boolean collapse)
      throws IOException {
    if (!Files.isRegularFile(file)) {
      return;
    }
    CsvTable read = CsvTable.read(file);
    CsvTable table = new CsvTable(read.header(), read.rows().stream().map(r -> shown.apply(read.header(), r)).toList());
    if (collapse) {
      table = collapseRepeats(table);
    }
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

  /**
   * Identical rows once each, in the order they first came, with a last column {@code rows} saying how many there were;
   * the table as it is when no row repeats.
   */
  static CsvTable collapseRepeats(CsvTable table) {
    java.util.Map<List<String>, Integer> counts = new java.util.LinkedHashMap<>();
    table.rows().forEach(r -> counts.merge(r, 1, Integer::sum));
    if (counts.size() == table.rows().size()) {
      return table;
    }
    List<String> header = new ArrayList<>(table.header());
    header.add("rows");
    List<List<String>> rows = new ArrayList<>();
    counts.forEach((row, n) -> {
      List<String> out = new ArrayList<>(row);
      out.add(Integer.toString(n));
      rows.add(out);
    });
    return new CsvTable(header, rows);
  }
}
