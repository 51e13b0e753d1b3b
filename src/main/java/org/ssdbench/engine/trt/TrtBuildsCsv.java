package org.ssdbench.engine.trt;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Appends {@link TrtBuild} rows to {@code trt-builds.csv} in a run folder. Each JMH fork appends its own rows, so the
 * file is locked while a row (and, into an empty file, the header) is written: forks never interleave lines.
 *
 * <p>A benchmark fork knows the run folder only through the system property {@value #RUN_DIR_PROPERTY}, which
 * {@code run} sets on the TensorRT forks; without it nothing is written.
 */
public final class TrtBuildsCsv {
  public static final String FILE = "trt-builds.csv";
  public static final String RUN_DIR_PROPERTY = "ssdbench.run.dir";

  private TrtBuildsCsv() {}

  /** Appends to the run folder named by {@value #RUN_DIR_PROPERTY}, if set; returns the file or null. */
  public static Path appendToRun(TrtBuild build) {
    String dir = System.getProperty(RUN_DIR_PROPERTY);
    if (dir == null || dir.isBlank()) {
      return null;
    }
    Path file = Path.of(dir).resolve(FILE);
    append(file, build);
    return file;
  }

  /** Locked against other processes by a file lock, against other threads of this one by synchronization. */
  public static synchronized void append(Path file, TrtBuild build) {
    try {
      Path parent = file.toAbsolutePath().getParent();
      Files.createDirectories(parent);
      try (FileChannel ch = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
          StandardOpenOption.APPEND); FileLock lock = ch.lock()) {
        StringBuilder text = new StringBuilder();
        if (ch.size() == 0) {
          text.append(line(TrtBuild.HEADER));
        }
        text.append(line(build.cells()));
        ByteBuffer bytes = ByteBuffer.wrap(text.toString().getBytes(StandardCharsets.UTF_8));
        while (bytes.hasRemaining()) {
          ch.write(bytes);
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot append to " + file, e);
    }
  }

  static String line(List<String> cells) {
    return cells.stream().map(TrtBuildsCsv::quote).collect(Collectors.joining(",")) + "\n";
  }

  private static String quote(String cell) {
    String c = cell == null ? "" : cell;
    return c.contains(",") || c.contains("\"") || c.contains("\n") ? "\"" + c.replace("\"", "\"\"") + "\"" : c;
  }
}
