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
 * results.csv), mode, unit, baseline_run, run, baseline_median, median, ratio (median / baseline_median), ci_low,
 * ci_high (95% bootstrap), p_value (Mann-Whitney U), baseline_samples, samples, change (faster, slower, ~, missing).
 * Empty cell = not computed.
 */
public final class DiffCsv {
  public static final List<String> COLUMNS = List.of("benchmark", "name", "params", "mode", "unit", "baseline_run",
      "run", "baseline_median", "median", "ratio", "ci_low", "ci_high", "p_value", "baseline_samples", "samples",
      "change");

  private DiffCsv() {}

  public static Path write(List<Comparison> comparisons, Path file) throws IOException {
    CSVFormat format = CSVFormat.RFC4180.builder().setHeader(COLUMNS.toArray(String[]::new)).get();
    try (Writer out = Files.newBufferedWriter(file);
        CSVPrinter printer = new CSVPrinter(out, format)) {
      for (Comparison c : comparisons) {
        printer.printRecord(c.benchmark(), c.name(), ParamsCodec.encode(c.params()), c.mode(), c.unit(),
            c.baselineRun(), c.run(), number(c.baselineMedian()), number(c.median()), number(c.ratio()),
            number(c.ciLow()), number(c.ciHigh()), number(c.pValue()), c.baselineSamples(), c.samples(),
            c.change().symbol());
      }
    }
    return file;
  }

  private static String number(double value) {
    return Double.isNaN(value) ? "" : Double.toString(value);
  }
}
