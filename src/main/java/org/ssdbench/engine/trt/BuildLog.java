package org.ssdbench.engine.trt;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Locale;
import java.util.zip.GZIPOutputStream;

/**
 * Every TensorRT message of one engine build, verbose ones included, each line prefixed with the milliseconds since the
 * build began: {@code 12345.678 kVERBOSE <message>}. The gaps between lines show where a slow build spends its time
 * (which layer's tactics were timed for how long, the kernel library's loading, calibration); the report adds them up
 * (report.analysis.BuildLogBreakdown). Written only when {@code -Dssdbench.trt.buildLog=FOLDER} names a folder (a run
 * sets it for its forks: {@code <run>/trt-build-logs/}); one gzipped file per build, named after the engine, about
 * 0.1 to 0.5 MB.
 */
public final class BuildLog implements AutoCloseable {
  public static final String PROPERTY = "ssdbench.trt.buildLog";
  /** The run folder's subfolder that holds its builds' logs. */
  public static final String RUN_FOLDER = "trt-build-logs";
  public static final String SUFFIX = ".log.gz";

  private final BufferedWriter out;
  private final long startNanos;
  private IOException failure;

  private BuildLog(BufferedWriter out, long startNanos) {
    this.out = out;
    this.startNanos = startNanos;
  }

  /** The folder {@code -Dssdbench.trt.buildLog} names, or null when build logs are off. */
  static Path folderFromSystemProperty() {
    String value = System.getProperty(PROPERTY, "").trim();
    return value.isEmpty() ? null : Path.of(value);
  }

  /**
   * Opens {@code <folder>/<name>.log.gz}, or {@code <name>-2.log.gz} and so on when a build of the same engine already
   * wrote one (a rebuild keeps the earlier log).
   */
  static BuildLog open(Path folder, String name, long startNanos) {
    try {
      Files.createDirectories(folder);
      Path file = folder.resolve(name + SUFFIX);
      for (int n = 2; Files.exists(file); n++) {
        file = folder.resolve(name + "-" + n + SUFFIX);
      }
      OutputStream gz = new GZIPOutputStream(Files.newOutputStream(file, StandardOpenOption.CREATE_NEW), 1 << 16);
      return new BuildLog(new BufferedWriter(new OutputStreamWriter(gz, StandardCharsets.UTF_8), 1 << 16), startNanos);
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot write the TensorRT build log in " + folder + " (-D" + PROPERTY
          + "): " + e.getMessage(), e);
    }
  }

  /** Appends one message; a write error is kept and reported by {@link #close}, never thrown into TensorRT. */
  synchronized void line(String severity, String message, long nowNanos) {
    if (failure != null) {
      return;
    }
    try {
      out.write(String.format(Locale.ROOT, "%.3f %s %s%n", (nowNanos - startNanos) / 1e6, severity, message));
    } catch (IOException e) {
      failure = e;
    }
  }

  @Override
  public synchronized void close() {
    try {
      out.close();
    } catch (IOException e) {
      if (failure == null) {
        failure = e;
      }
    }
    if (failure != null) {
      System.err.println("WARNING: the TensorRT build log is incomplete: " + failure.getMessage());
    }
  }
}
