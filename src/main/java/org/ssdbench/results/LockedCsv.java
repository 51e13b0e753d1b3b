package org.ssdbench.results;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * A CSV file in a run folder that several JMH forks append to: each append holds a file lock (other processes) and
 * this class's monitor (other threads), so forks never interleave lines, and writes the header into an empty file.
 */
public final class LockedCsv {
  private LockedCsv() {}

  /** Appends {@code rows}. */
  public static void append(Path file, List<String> header, List<List<String>> rows) {
    write(file, header, rows, false);
  }

  /**
   * Appends the rows the file does not already hold, so forks that record the same outcome leave one line of it, and
   * forks that disagree leave one each.
   */
  public static void appendNew(Path file, List<String> header, List<List<String>> rows) {
    write(file, header, rows, true);
  }

  private static synchronized void write(Path file, List<String> header, List<List<String>> rows, boolean onlyNew) {
    try {
      Files.createDirectories(file.toAbsolutePath().getParent());
      try (FileChannel ch = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.READ,
          StandardOpenOption.WRITE); FileLock lock = ch.lock()) {
        Set<String> present = new LinkedHashSet<>();
        if (onlyNew && ch.size() > 0) {
          ByteBuffer existing = ByteBuffer.allocate((int) ch.size());
          while (existing.hasRemaining() && ch.read(existing, existing.position()) > 0) {
            // read the whole file under the lock
          }
          present.addAll(List.of(new String(existing.array(), StandardCharsets.UTF_8).split("\n")));
        }
        StringBuilder text = new StringBuilder();
        if (ch.size() == 0) {
          text.append(line(header));
        }
        for (List<String> row : rows) {
          String line = line(row);
          if (present.add(line.substring(0, line.length() - 1))) {
            text.append(line);
          }
        }
        ByteBuffer bytes = ByteBuffer.wrap(text.toString().getBytes(StandardCharsets.UTF_8));
        long at = ch.size();
        while (bytes.hasRemaining()) {
          at += ch.write(bytes, at);
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot append to " + file, e);
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
}
