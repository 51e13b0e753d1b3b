package org.ssdbench.report;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.ssdbench.report.analysis.ConfigLatency;
import org.ssdbench.report.analysis.EndToEnd;
import org.ssdbench.report.analysis.OpTiming;
import org.ssdbench.report.analysis.PerOp;
import org.ssdbench.report.chart.ChartCaption;
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

  /** @param overwrite whether to write over an existing {@code report/} folder */
  public ReportWriter(boolean overwrite) {
    this.overwrite = overwrite;
  }

  /** Writes the report and returns every file written, CSV first, then charts, then report.md and report.html. */
  public List<Path> write(RunFolder folder) throws IOException {
    Path dir = folder.report();
    if (Files.exists(dir) && !overwrite) {
      throw new ReportExistsException(dir);
    }
    RunData run = new RunLoader().load(folder.dir());
    Files.createDirectories(dir);
    List<Path> written = new ArrayList<>();

    List<CsvRow> rows = run.results().stream().map(r -> CsvRow.of(run.name(), r, run.environment())).toList();
    written.add(writeCsv(rows, dir));

    List<ConfigLatency> latencies = EndToEnd.latencies(run.results());
    List<OpTiming> ops = PerOp.timings(run.results());
    ReportCharts.Written charts = ReportCharts.write(dir, ChartCaption.of(run.environment()), latencies, ops);
    written.addAll(charts.files());

    List<Block> blocks = new ArrayList<>(
        ReportContent.blocks(run, latencies, ops, rows, charts.charts(), SideTables.blocks(folder)));
    LadderSection.Written ladder = LadderSection.write(dir, ChartCaption.of(run.environment()), run.results(),
        run.env().map(Environment::gpuName).orElse(null));
    written.addAll(ladder.files());
    blocks.addAll(perOpIndex(blocks), ladder.blocks());
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

  private static Path writeCsv(List<CsvRow> rows, Path dir) throws IOException {
    Path csv = dir.resolve(CSV);
    ResultsCsv.write(rows, csv);
    return csv;
  }
}
