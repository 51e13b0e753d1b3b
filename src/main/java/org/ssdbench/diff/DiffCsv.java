package org.ssdbench.diff;

import java.io.IOException;
import java.io.Writer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.ssdbench.report.csv.ParamsCodec;

/**
 * Writes comparisons as CSV (RFC 4180, header row). Columns: benchmark, name, params ({@code k=v;k=v} as in
 * results.csv), mode, unit (both runs' numbers are in it), baseline_run, run, baseline_median, median (of the iteration
 * scores), ratio (median / baseline_median), ci_low, ci_high (95%, Moses), p_value (Wilcoxon-Mann-Whitney on iteration
 * scores), baseline_samples, samples (iteration scores), baseline_forks, forks, change (faster, slower, ~, missing, not
 * comparable), note (why, e.g. "too few iterations to tell: 3 vs 3"). After the benchmarks, one row per run and kind
 * with benchmark {@code geomean}: the geometric mean of the ratios (samples: how many). Empty cell = not computed.
 */
public final class DiffCsv {
  public static final List<String> COLUMNS = List.of("benchmark", "name", "params", "mode", "unit", "baseline_run",
      "run", "baseline_median", "median", "ratio", "ci_low", "ci_high", "p_value", "baseline_samples", "samples",
      "baseline_forks", "forks", "change", "note");

  private DiffCsv() {}

  public static Path write(List<Comparison> comparisons, Path file) throws IOException {
    CSVFormat format = CSVFormat.RFC4180.builder().setHeader(COLUMNS.toArray(String[]::new)).get();
    try (Writer out = Files.newBufferedWriter(file);
        CSVPrinter printer = new CSVPrinter(out, format)) {
      for (Comparison c : comparisons) {
        printer.printRecord(c.benchmark(), c.name(), ParamsCodec.encode(c.params()), c.mode(), c.unit(),
            c.baselineRun(), c.run(), number(c.baselineMedian()), number(c.median()), number(c.ratio()),
            number(c.ciLow()), number(c.ciHigh()), number(c.pValue()), c.baselineSamples(), c.samples(),
            c.baselineForks(), c.forks(), c.change().symbol(), c.note());
      }
      for (GeoMean g : GeoMean.of(comparisons)) {
        printer.printRecord("geomean", "geomean (" + g.kind() + ")", "", g.kind().equals("throughput") ? "thrpt" : "",
            "", g.baselineRun(), g.run(), "", "", number(g.ratio()), "", "", "", "", g.benchmarks(), "", "", "",
            "geometric mean of " + g.benchmarks() + " ratios");
      }
    }
    return file;
  }

  private static String number(double value) {
    return Double.isNaN(value) ? "" : Double.toString(value);
  }
}
