package org.ssdbench.report.csv;

import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/**
 * Any CSV file with a header row, read as strings: the run folder's side tables (placement, op tables, copies, per-op
 * report), whose columns the report does not assume beyond their header.
 */
public record CsvTable(List<String> header, List<List<String>> rows) {
  public CsvTable {
    header = List.copyOf(header);
    rows = rows.stream().map(List::copyOf).toList();
  }

  public static CsvTable read(Path file) throws IOException {
    CSVFormat format = CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).setIgnoreSurroundingSpaces(true)
        .get();
    try (Reader in = Files.newBufferedReader(file);
        CSVParser parser = CSVParser.parse(in, format)) {
      if (parser.getHeaderNames().isEmpty()) {
        throw new IOException(file + ": no header row; expected a CSV file whose first line names the columns");
      }
      List<List<String>> rows = new ArrayList<>();
      for (CSVRecord record : parser) {
        rows.add(record.toList());
      }
      return new CsvTable(parser.getHeaderNames(), rows);
    } catch (java.nio.charset.CharacterCodingException e) {
      throw new IOException(file + ": not UTF-8 text (" + e + "); expected a UTF-8 CSV file", e);
    } catch (java.io.UncheckedIOException | IllegalStateException | IllegalArgumentException e) {
      throw new IOException(file + ": not a readable CSV file: " + e.getMessage(), e);
    }
  }
}
