package org.ssdbench.report.csv;

import java.io.IOException;
import java.io.Reader;
import java.io.Writer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVPrinter;
import org.apache.commons.csv.CSVRecord;

/**
 * Writes and reads {@code results.csv}, the run's results in one table (RFC 4180: comma-separated, fields with commas,
 * quotes or line breaks quoted, quotes doubled; UTF-8; a header row). One row per benchmark, parameter set and mode.
 *
 * <p>The schema is stable: columns are only ever added at the end. Empty cell = unknown or not applicable.
 *
 * <table>
 *   <caption>Columns of results.csv</caption>
 *   <tr><th>column</th><th>meaning</th></tr>
 *   <tr><td>run</td><td>run folder name</td></tr>
 *   <tr><td>benchmark</td><td>fully qualified benchmark method</td></tr>
 *   <tr><td>name</td><td>class simple name and method, e.g. EndToEndBenchmark.infer</td></tr>
 *   <tr><td>params</td><td>every @Param as {@code k=v;k=v} in JMH's order; {@code \} escapes {@code ;}, {@code =} and
 *       itself</td></tr>
 *   <tr><td>config, batch, op, signature, device, variant</td><td>the value of that @Param, empty when absent</td></tr>
 *   <tr><td>mode</td><td>thrpt, avgt, sample or ss</td></tr>
 *   <tr><td>unit</td><td>the score's unit, e.g. ms/op, ops/s</td></tr>
 *   <tr><td>score, error</td><td>JMH's score and the half-width of its 99.9% interval</td></tr>
 *   <tr><td>ci_low, ci_high</td><td>JMH's score confidence interval</td></tr>
 *   <tr><td>p50, p90, p99, p99.9</td><td>score percentiles in {@code unit}</td></tr>
 *   <tr><td>samples</td><td>measurements: samples for SampleTime, else iterations over all forks</td></tr>
 *   <tr><td>forks, threads</td><td>as JMH ran them</td></tr>
 *   <tr><td>gpu_time, gpu_time_unit</td><td>score and unit of a secondary metric named gpuTime*, gpu_time*</td></tr>
 *   <tr><td>secondary</td><td>every secondary metric as {@code name=score unit;…}, escaped like params</td></tr>
 *   <tr><td>gpu, driver, cuda, cudnn, tensorflow, tensorrt, host, model_sha256</td><td>from the run's env.json</td></tr>
 *   <tr><td>iterations</td><td>iteration scores of all forks: the independent measurements</td></tr>
 *   <tr><td>ci95_low, ci95_high</td><td>95% Student-t interval of the mean iteration score, in {@code unit}</td></tr>
 * </table>
 */
public final class ResultsCsv {
  /** Known parameters that get a column of their own. */
  public static final List<String> PARAM_COLUMNS = List.of("config", "batch", "op", "signature", "device", "variant");

  /** Every column, in order. */
  public static final List<String> COLUMNS = List.of(
      "run", "benchmark", "name", "params", "config", "batch", "op", "signature", "device", "variant", "mode",
      "unit", "score", "error", "ci_low", "ci_high", "p50", "p90", "p99", "p99.9", "samples", "forks", "threads",
      "gpu_time", "gpu_time_unit", "secondary", "gpu", "driver", "cuda", "cudnn", "tensorflow", "tensorrt", "host",
      "model_sha256", "iterations", "ci95_low", "ci95_high");

  /** Columns added later: a file written before them is still read, with these unknown. */
  private static final List<String> OPTIONAL = List.of("iterations", "ci95_low", "ci95_high");

  private static final CSVFormat FORMAT =
      CSVFormat.RFC4180.builder().setHeader(COLUMNS.toArray(String[]::new)).get();

  private ResultsCsv() {}

  public static void write(List<CsvRow> rows, Path file) throws IOException {
    try (Writer out = Files.newBufferedWriter(file);
        CSVPrinter printer = new CSVPrinter(out, FORMAT)) {
      for (CsvRow row : rows) {
        printer.printRecord(guarded(cells(row)));
      }
    }
  }

  public static List<CsvRow> read(Path file) throws IOException {
    CSVFormat format = CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get();
    try (Reader in = Files.newBufferedReader(file);
        CSVParser parser = CSVParser.parse(in, format)) {
      List<String> missing = new ArrayList<>(COLUMNS);
      missing.removeAll(parser.getHeaderNames());
      missing.removeAll(OPTIONAL);
      if (!missing.isEmpty()) {
        throw new IOException(file + ": not a results.csv; missing columns " + missing + "; expected " + COLUMNS);
      }
      List<CsvRow> rows = new ArrayList<>();
      for (CSVRecord record : parser) {
        try {
          rows.add(row(record));
        } catch (IllegalArgumentException e) {
          throw new IOException(file + ": line " + parser.getCurrentLineNumber() + ": " + e.getMessage(), e);
        }
      }
      return rows;
    }
  }

  /** Text cells neutralised against spreadsheet formulas ({@link FormulaGuard}); numbers as they are. */
  private static List<String> guarded(List<String> cells) {
    List<String> out = new ArrayList<>();
    for (int i = 0; i < cells.size(); i++) {
      out.add(NUMERIC.contains(COLUMNS.get(i)) ? cells.get(i) : FormulaGuard.neutralise(cells.get(i)));
    }
    return out;
  }

  private static final java.util.Set<String> NUMERIC = java.util.Set.of(
      "score", "error", "ci_low", "ci_high", "p50", "p90", "p99", "p99.9", "samples", "forks", "threads", "gpu_time");

  private static String cell(CSVRecord r, String column) {
    return FormulaGuard.restore(r.get(column));
  }

  private static List<String> cells(CsvRow row) {
    List<String> cells = new ArrayList<>();
    cells.add(row.run());
    cells.add(row.benchmark());
    cells.add(row.name());
    cells.add(ParamsCodec.encode(row.params()));
    PARAM_COLUMNS.forEach(param -> cells.add(row.params().get(param)));
    cells.add(row.mode());
    cells.add(row.unit());
    for (double value : new double[] {
        row.score(), row.error(), row.ciLow(), row.ciHigh(), row.p50(), row.p90(), row.p99(), row.p999()}) {
      cells.add(number(value));
    }
    cells.add(Long.toString(row.samples()));
    cells.add(Integer.toString(row.forks()));
    cells.add(Integer.toString(row.threads()));
    cells.add(number(row.gpuTime()));
    cells.add(row.gpuTimeUnit());
    cells.add(ParamsCodec.encode(row.secondary()));
    EnvColumns env = row.env();
    cells.addAll(java.util.Arrays.asList(
        env.gpu(), env.driver(), env.cuda(), env.cudnn(), env.tensorflow(), env.tensorrt(), env.host(),
        env.modelSha256()));
    cells.add(Integer.toString(row.iterations()));
    cells.add(number(row.ci95Low()));
    cells.add(number(row.ci95High()));
    return cells;
  }

  private static CsvRow row(CSVRecord r) {
    Map<String, String> params = ParamsCodec.decode(cell(r, "params"));
    return new CsvRow(
        text(r, "run"),
        cell(r, "benchmark"),
        cell(r, "name"),
        params,
        cell(r, "mode"),
        text(r, "unit"),
        number(r, "score"),
        number(r, "error"),
        number(r, "ci_low"),
        number(r, "ci_high"),
        number(r, "p50"),
        number(r, "p90"),
        number(r, "p99"),
        number(r, "p99.9"),
        Long.parseLong(cell(r, "samples")),
        Integer.parseInt(cell(r, "forks")),
        Integer.parseInt(cell(r, "threads")),
        number(r, "gpu_time"),
        text(r, "gpu_time_unit"),
        ParamsCodec.decode(cell(r, "secondary")),
        new EnvColumns(
            text(r, "gpu"), text(r, "driver"), text(r, "cuda"), text(r, "cudnn"), text(r, "tensorflow"),
            text(r, "tensorrt"), text(r, "host"), text(r, "model_sha256")),
        r.isMapped("iterations") && !r.get("iterations").isEmpty() ? Integer.parseInt(r.get("iterations")) : 0,
        r.isMapped("ci95_low") ? number(r, "ci95_low") : Double.NaN,
        r.isMapped("ci95_high") ? number(r, "ci95_high") : Double.NaN);
  }

  private static String number(double value) {
    return Double.isNaN(value) ? "" : Double.toString(value);
  }

  private static double number(CSVRecord r, String column) {
    String cell = cell(r, column);
    if (cell.isEmpty()) {
      return Double.NaN;
    }
    try {
      return Double.parseDouble(cell);
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException("column " + column + ": '" + cell + "' is not a number", e);
    }
  }

  private static String text(CSVRecord r, String column) {
    String cell = cell(r, column);
    return cell.isEmpty() ? null : cell;
  }
}
