package org.ssdbench.cli;

import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import org.ssdbench.report.PlotCopier;
import org.ssdbench.report.ReportExistsException;
import org.ssdbench.report.ReportWriter;
import org.ssdbench.report.RunNotes;
import org.ssdbench.report.chart.ChartRendering;
import org.ssdbench.report.run.RunLoader;
import org.ssdbench.report.jmh.JmhFormatException;
import org.ssdbench.results.RunFolder;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code report DIR [--force] [--plots DIR]}: writes a run folder's report and prints every file it wrote. */
@Command(
    name = "report",
    mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
    description = {
      "Writes DIR/report/: results.csv, charts (PNG and SVG), report.md and a self-contained report.html.",
      "Reads the run folder only. An existing report/ is kept unless --force is given."
    })
final class ReportCommand implements Callable<Integer> {
  @Parameters(index = "0", paramLabel = "DIR", description = "The run folder (results/<host>-<gpu>-<timestamp>).")
  Path runDir;

  @Option(names = "--force", description = "Overwrite an existing report/ folder (and existing plots with --plots).")
  boolean force;

  @Option(names = "--plots", paramLabel = "PLOTS_DIR",
      description = "Also copy the charts here, named <run folder>-<chart>; existing plots are kept unless --force.")
  Path plotsDir;

  @Option(names = "--no-charts",
      description = "Write the tables and text without charts (for a machine that cannot draw them).")
  boolean noCharts;

  @Override
  public Integer call() throws Exception {
    List<Path> written;
    ReportWriter writer = new ReportWriter(force,
        noCharts ? ChartRendering.off("--no-charts was given") : ChartRendering.ofThisJvm());
    try {
      written = writer.write(new RunFolder(runDir));
    } catch (ReportExistsException | JmhFormatException | NoSuchFileException e) {
      System.err.println(e.getMessage());
      return 1;
    }
    written.forEach(path -> System.out.println("Wrote " + kind(path) + " to " + path));
    RunNotes.of(new RunLoader().load(runDir)).forEach(note -> System.out.println("Note: " + note));
    if (plotsDir != null) {
      PlotCopier.Copied copied = new PlotCopier(plotsDir, force).copy(runDir, written);
      copied.written().forEach(path -> System.out.println("Wrote chart to " + path));
      copied.skipped().forEach(path -> System.out.println("Kept existing " + path + " (pass --force to overwrite)"));
    }
    if (!noCharts && !writer.charts().available()) {
      System.err.println("CHARTS SKIPPED: " + writer.charts().whyNot() + ". Then: report " + runDir + " --force");
      return ExitCodes.INCOMPLETE;
    }
    return ExitCodes.OK;
  }

  static String kind(Path path) {
    String name = path.getFileName().toString();
    if (name.endsWith(".png") || name.endsWith(".svg")) {
      return "chart";
    }
    if (name.endsWith(".csv")) {
      return "CSV";
    }
    return "report";
  }
}
