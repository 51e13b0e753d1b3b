package org.ssdbench.engine.trt;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.apache.commons.csv.CSVRecord;
import org.ssdbench.io.LockedCsv;

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

  /** Engines built (cold or warm; not those loaded from the engine cache) and the time their builds took. */
  public record Builds(int count, Duration time) {}

  /** What the run folder's {@value #FILE} says was built; none when the folder has no such file. */
  public static Builds builtIn(Path runDir) throws IOException {
    Path file = runDir.resolve(FILE);
    if (!Files.isRegularFile(file)) {
      return new Builds(0, Duration.ZERO);
    }
    int count = 0;
    long millis = 0;
    for (CSVRecord row : LockedCsv.records(file, List.of(TrtBuild.BUILD, TrtBuild.BUILD_MS))) {
      String kind = row.get(TrtBuild.BUILD);
      if (kind.equals(TrtBuild.COLD) || kind.equals(TrtBuild.WARM)) {
        count++;
        try {
          millis += Long.parseLong(row.get(TrtBuild.BUILD_MS));
        } catch (NumberFormatException e) {
          throw new IOException("%s line %d: %s '%s' is not a number".formatted(file, row.getRecordNumber() + 1,
              TrtBuild.BUILD_MS, row.get(TrtBuild.BUILD_MS)), e);
        }
      }
    }
    return new Builds(count, Duration.ofMillis(millis));
  }

  /** Every calibration value of the folder's {@value #FILE} ({@code -}, {@code calibrated}, ...); none without one. */
  public static List<String> calibrations(Path runDir) throws IOException {
    Path file = runDir.resolve(FILE);
    if (!Files.isRegularFile(file)) {
      return List.of();
    }
    return LockedCsv.records(file, List.of("calibration")).stream().map(r -> r.get("calibration")).toList();
  }

  static String line(List<String> cells) {
    return LockedCsv.line(cells);
  }
}
