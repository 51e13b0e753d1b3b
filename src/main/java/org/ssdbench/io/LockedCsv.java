package org.ssdbench.io;

import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.function.BiFunction;
import java.util.stream.Collectors;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/**
 * A CSV file in a run folder that several processes (JMH forks, profile children) write: each change reads the file,
 * changes its rows and writes it back while holding a file lock (other processes) and this class's monitor (other
 * threads), so writers never interleave or lose each other's lines. The file keeps its header; an empty one gets
 * {@code header}.
 */
public final class LockedCsv {
  private LockedCsv() {}

  /** Adds {@code rows} after the file's. */
  public static void append(Path file, List<String> header, List<List<String>> rows) {
    update(file, header, (columns, old) -> concat(old, rows));
  }

  /**
   * Adds the rows the file does not already hold, so forks that record the same outcome leave one line of it, and
   * forks that disagree leave one each.
   */
  public static void appendNew(Path file, List<String> header, List<List<String>> rows) {
    update(file, header, (columns, old) -> List.copyOf(new LinkedHashSet<>(concat(old, rows))));
  }

  /**
   * Replaces the file's rows by what {@code change} makes of them; it gets the file's header (or {@code header}) and its
   * rows, without the header.
   */
  public static synchronized void update(Path file, List<String> header,
      BiFunction<List<String>, List<List<String>>, List<List<String>>> change) {
    try {
      Files.createDirectories(file.toAbsolutePath().getParent());
      try (FileChannel ch = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.READ,
          StandardOpenOption.WRITE); FileLock lock = ch.lock()) {
        List<List<String>> records = parse(read(ch));
        List<String> columns = records.isEmpty() ? header : records.get(0);
        List<List<String>> rows = change.apply(columns, records.isEmpty() ? List.of() : records.subList(1, records.size()));
        StringBuilder text = new StringBuilder(line(columns));
        rows.forEach(row -> text.append(line(row)));
        ch.truncate(0);
        ByteBuffer bytes = ByteBuffer.wrap(text.toString().getBytes(StandardCharsets.UTF_8));
        long at = 0;
        while (bytes.hasRemaining()) {
          at += ch.write(bytes, at);
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write " + file, e);
    } catch (IllegalStateException | IllegalArgumentException e) {
      throw new UncheckedIOException(new IOException(file + ": not a readable CSV file, not changed: "
          + e.getMessage(), e));
    }
  }

  /**
   * The rows of a run folder's CSV file, each readable by column name; fails, naming the file, when it is not CSV or
   * lacks one of {@code columns}. Reads without the lock: for a file whose writers have finished.
   */
  public static List<CSVRecord> records(Path file, List<String> columns) throws IOException {
    try (CSVParser parser = CSVParser.parse(Files.newBufferedReader(file),
        CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get())) {
      if (!parser.getHeaderNames().containsAll(columns)) {
        throw new IOException("%s: columns %s; expected %s".formatted(file, parser.getHeaderNames(), columns));
      }
      return parser.getRecords();
    } catch (IllegalStateException | IllegalArgumentException | UncheckedIOException e) {
      throw new IOException(file + ": not a readable CSV file: " + e.getMessage(), e);
    }
  }

  /** One CSV line with its newline; cells with a comma, quote or newline are quoted. */
  public static String line(List<String> cells) {
    return cells.stream().map(LockedCsv::quote).collect(Collectors.joining(",")) + "\n";
  }

  private static String quote(String cell) {
    String c = cell == null ? "" : cell;
    return c.contains(",") || c.contains("\"") || c.contains("\n") ? "\"" + c.replace("\"", "\"\"") + "\"" : c;
  }

  private static String read(FileChannel ch) throws IOException {
    ByteBuffer old = ByteBuffer.allocate((int) ch.size());
    while (old.hasRemaining() && ch.read(old, old.position()) > 0) {
      // the whole file, under the lock
    }
    return new String(old.array(), StandardCharsets.UTF_8);
  }

  private static List<List<String>> parse(String text) throws IOException {
    List<List<String>> records = new ArrayList<>();
    if (text.isBlank()) {
      return records;
    }
    try (CSVParser parser = CSVParser.parse(new StringReader(text), CSVFormat.RFC4180)) {
      for (CSVRecord r : parser) {
        records.add(r.toList());
      }
    }
    return records;
  }

  private static List<List<String>> concat(List<List<String>> a, List<List<String>> b) {
    List<List<String>> all = new ArrayList<>(a);
    all.addAll(b);
    return all;
  }
}
