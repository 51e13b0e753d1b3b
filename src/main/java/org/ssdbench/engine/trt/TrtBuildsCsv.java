package org.ssdbench.engine.trt;

import java.nio.file.Path;
import java.util.List;
import org.ssdbench.results.LockedCsv;

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

  /** Locked against other processes and threads ({@link LockedCsv}). */
  public static void append(Path file, TrtBuild build) {
    LockedCsv.append(file, TrtBuild.HEADER, List.of(build.cells()));
  }

  static String line(List<String> cells) {
    return LockedCsv.line(cells);
  }
}
