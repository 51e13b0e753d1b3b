package org.ssdbench.cli;

import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import org.ssdbench.diff.Comparison;
import org.ssdbench.diff.DiffChart;
import org.ssdbench.diff.DiffCsv;
import org.ssdbench.diff.DiffTable;
import org.ssdbench.diff.EngineComparison;
import org.ssdbench.diff.RunComparator;
import org.ssdbench.diff.RunLabels;
import org.ssdbench.report.chart.ChartRendering;
import org.ssdbench.report.jmh.JmhFormatException;
import org.ssdbench.report.run.RunData;
import org.ssdbench.report.run.RunLoader;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code diff RUN_A RUN_B [...]}: compares each run with the first, prints a table, writes a CSV and a chart. */
@Command(
    name = "diff",
    mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
    description = {
      "Compares two or more run folders benchmark by benchmark, the first as baseline.",
      "Benchmarks match by name, mode and params; each side is the iteration scores of every fork: ratio of medians",
      "with a 95%% interval, exact Wilcoxon-Mann-Whitney p-value, '~' when not significant (p >= 0.05), within the",
      "threshold or with too few iterations to tell; units normalised, throughput vs time refused; geometric mean of",
      "the ratios. Prints the table; writes diff.csv, diff.png/.svg and, where both runs have TensorRT kernel profiles,",
      "engines.txt (which rows ran different engines) into --out. See docs/statistics.md."
    })
final class DiffCommand implements Callable<Integer> {
  /** Which TensorRT engines the runs share ({@link EngineComparison}), beside diff.csv. */
  static final String ENGINES = "engines.txt";

  @Parameters(arity = "2..*", paramLabel = "RUN", description = "Run folders; the first is the baseline.")
  List<Path> runs;

  @Option(names = "--threshold", defaultValue = "0.02",
      description = "Practical threshold: a ratio within this fraction of 1 counts as no change (default: ${DEFAULT-VALUE}).")
  double threshold;

  @Option(names = "--out", paramLabel = "DIR",
      description = "Where to write diff.csv and the chart (default: diffs/<A>-vs-<B>...).")
  Path out;

  @Option(names = "--force", description = "Write into --out even if it already has files.")
  boolean force;

  @Override
  public Integer call() throws Exception {
    RunComparator comparator = new RunComparator(threshold);
    List<RunData> data = new ArrayList<>();
    try {
      for (Path run : runs) {
        data.add(new RunLoader().load(run));
      }
    } catch (JmhFormatException | NoSuchFileException e) {
      System.err.println(e.getMessage());
      return 1;
    }
    Path dir = out != null ? out : defaultOut(data);
    if (!force && hasFiles(dir)) {
      System.err.println("Output folder " + dir + " already has files; not overwriting them. Pass --force or --out.");
      return 1;
    }
    List<String> labels = RunLabels.of(data);
    List<Comparison> comparisons = new ArrayList<>();
    for (int i = 1; i < data.size(); i++) {
      comparisons.addAll(comparator.compare(data.get(0), labels.get(0), data.get(i), labels.get(i)));
    }
    System.out.print(DiffTable.format(comparisons));
    Files.createDirectories(dir);
    System.out.println("Wrote CSV to " + DiffCsv.write(comparisons, dir.resolve("diff.csv")));
    List<String> engines = new ArrayList<>();
    for (int i = 1; i < data.size(); i++) {
      List<String> lines = EngineComparison.of(data.get(0).folder().dir(), data.get(i).folder().dir());
      if (!lines.isEmpty()) {
        engines.add("TensorRT engines, A = " + labels.get(0) + ", B = " + labels.get(i) + " (from trt-kernels.csv):");
        lines.forEach(line -> engines.add("  " + line));
      }
    }
    if (!engines.isEmpty()) {
      engines.forEach(System.out::println);
      System.out.println("Wrote engines to " + Files.write(dir.resolve(ENGINES), engines));
    }
    if (comparisons.stream().anyMatch(c -> !Double.isNaN(c.ratio()))) {
      String title = "Change vs " + labels.get(0) + String.format(java.util.Locale.ROOT, " (threshold \u00b1%.0f%%)",
          threshold * 100);
      ChartRendering charts = ChartRendering.ofThisJvm();
      if (!charts.available()) {
        System.err.println("CHART SKIPPED: " + charts.whyNot() + ". Then run this diff again (diff.csv is written).");
        return ExitCodes.INCOMPLETE;
      }
      for (Path chart : charts.write(DiffChart.of(comparisons, title, threshold), dir, "diff")) {
        System.out.println("Wrote chart to " + chart);
      }
    } else {
      System.out.println("No benchmark is in both runs: no chart written.");
    }
    return 0;
  }

  private static Path defaultOut(List<RunData> data) {
    return Path.of("diffs", String.join("-vs-", data.stream().map(RunData::name).toList()));
  }

  private static boolean hasFiles(Path dir) throws java.io.IOException {
    if (!Files.isDirectory(dir)) {
      return Files.exists(dir);
    }
    try (Stream<Path> files = Files.list(dir)) {
      return files.findAny().isPresent();
    }
  }
}
