package org.ssdbench.report;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Comparator;
import java.util.stream.Stream;
import java.util.ArrayList;
import java.util.List;
import org.ssdbench.report.analysis.ConfigLatency;
import org.ssdbench.report.analysis.EndToEnd;
import org.ssdbench.report.analysis.OpTiming;
import org.ssdbench.report.analysis.PerOp;
import org.ssdbench.report.chart.ChartCaption;
import org.ssdbench.report.chart.ChartRendering;
import org.ssdbench.report.csv.CsvRow;
import org.ssdbench.report.csv.ResultsCsv;
import org.ssdbench.report.doc.Block;
import org.ssdbench.report.doc.HtmlRenderer;
import org.ssdbench.report.doc.MarkdownRenderer;
import org.ssdbench.report.run.RunData;
import org.ssdbench.report.run.RunLoader;
import org.ssdbench.results.Environment;
import org.ssdbench.results.RunFolder;

/**
 * Writes a run folder's report into its {@code report/} folder: {@code results.csv}, the charts (PNG and SVG), {@code
 * report.md} and one self-contained {@code report.html}. Reads the run folder only; never runs a benchmark.
 *
 * <pre>{@code
 * List<Path> written = new ReportWriter(false).write(new RunFolder(Path.of("results/h100-20261125")));
 * }</pre>
 *
 * <p>An existing {@code report/} folder is left alone ({@link ReportExistsException}) unless {@code overwrite} is
 * true. Instances hold no state between calls and are thread-safe for different run folders.
 */
public final class ReportWriter {
  public static final String CSV = "results.csv";
  public static final String MARKDOWN = "report.md";
  public static final String HTML = "report.html";

  private final boolean overwrite;
  private final ChartRendering charts;

  /** @param overwrite whether to write over an existing {@code report/} folder */
  public ReportWriter(boolean overwrite) {
    this(overwrite, ChartRendering.ofThisJvm());
  }

  /**
   * @param overwrite whether to write over an existing {@code report/} folder
   * @param charts whether charts are drawn; where not, the report says why in a note at its top
   */
  public ReportWriter(boolean overwrite, ChartRendering charts) {
    this.overwrite = overwrite;
    this.charts = charts;
  }

  /** Whether this writer draws charts, and why not where it does not. */
  public ChartRendering charts() {
    return charts;
  }

  /**
   * Writes the report and returns every file written, CSV first, then charts, then report.md and report.html. The
   * report is written into a temporary folder beside {@code report/} and renamed at the end, so a failure leaves no
   * half-written {@code report/} (and an existing one stays until the new one is complete).
   */
  public List<Path> write(RunFolder folder) throws IOException {
    Path dir = folder.report();
    if (Files.isSymbolicLink(dir)) {
      throw new IOException(dir + ": a symbolic link; refusing to write the report through it (remove the link)");
    }
    if (Files.exists(dir) && !overwrite) {
      throw new ReportExistsException(dir);
    }
    RunData run = new RunLoader().load(folder.dir());
    Path temporary = Files.createTempDirectory(folder.dir(), ".report-");
    List<Path> written;
    try {
      written = writeInto(temporary, folder, run, charts);
      if (Files.exists(dir)) {
        deleteTree(dir);
      }
      Files.move(temporary, dir, StandardCopyOption.ATOMIC_MOVE);
    } catch (IOException | RuntimeException e) {
      deleteTree(temporary);
      throw e;
    }
    return written.stream().map(p -> dir.resolve(temporary.relativize(p))).toList();
  }

  private static List<Path> writeInto(Path dir, RunFolder folder, RunData run, ChartRendering rendering)
      throws IOException {
    List<Path> written = new ArrayList<>();

    List<CsvRow> rows = run.results().stream().map(r -> CsvRow.of(run.name(), r, run.environment())).toList();
    written.add(writeCsv(rows, dir));

    List<ConfigLatency> latencies;
    List<OpTiming> ops;
    try {
      latencies = EndToEnd.latencies(run.results());
      ops = PerOp.timings(run.results());
    } catch (IllegalArgumentException e) {
      throw new IOException(folder.dir() + ": a JMH result the report cannot use: " + e.getMessage(), e);
    }
    ReportCharts.Written charts =
        ReportCharts.write(rendering, dir, ChartCaption.of(run.environment()), latencies, ops, run.results());
    written.addAll(charts.files());

    List<Block> blocks = new ArrayList<>(
        ReportContent.blocks(run, latencies, ops, rows, charts.charts(), SideTables.blocks(folder)));
    List<String> notes = new ArrayList<>(RunNotes.of(run));
    if (!rendering.available()) {
      notes.add("No charts in this report: " + rendering.whyNot() + ". Draw them with: report " + folder.dir()
          + " --force");
    }
    notes.addAll(charts.notes());
    for (int i = 0; i < notes.size(); i++) {
      blocks.add(1 + i, new Block.Paragraph("Note: " + notes.get(i)));
    }
    LadderSection.Written ladder = LadderSection.write(rendering, dir, ChartCaption.of(run.environment()), run.results(),
        run.env().map(Environment::gpuName).orElse(null));
    written.addAll(ladder.files());
    blocks.addAll(perOpIndex(blocks), ladder.blocks());
    KernelProfileSection.Written kernels = KernelProfileSection.write(rendering, dir, ChartCaption.of(run.environment()), folder);
    written.addAll(kernels.files());
    blocks.addAll(perOpIndex(blocks), kernels.blocks());
    blocks.addAll(perOpIndex(blocks), AgreementSection.blocks(folder));
    blocks.addAll(perOpIndex(blocks), BuildTimeSection.blocks(folder));
    written.add(Files.writeString(dir.resolve(MARKDOWN), new MarkdownRenderer(dir).render(blocks)));
    written.add(Files.writeString(dir.resolve(HTML), new HtmlRenderer().render("Run " + run.name(), blocks)));
    return List.copyOf(written);
  }

  /** Where the ladder goes: before the per-op section, else at the end. */
  private static int perOpIndex(List<Block> blocks) {
    for (int i = 0; i < blocks.size(); i++) {
      if (blocks.get(i) instanceof Block.Heading h && h.text().startsWith("Per-op")) {
        return i;
      }
    }
    return blocks.size();
  }

  /** Deletes a folder and what is in it; links inside are removed, never followed. */
  private static void deleteTree(Path dir) throws IOException {
    if (!Files.exists(dir, java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
      return;
    }
    try (Stream<Path> paths = Files.walk(dir)) {
      for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
        Files.deleteIfExists(p);
      }
    }
  }

  private static Path writeCsv(List<CsvRow> rows, Path dir) throws IOException {
    Path csv = dir.resolve(CSV);
    ResultsCsv.write(rows, csv);
    return csv;
  }
}
