package org.ssdbench.results;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/**
 * The layout of one run's folder, {@code results/<host>-<gpu>-<timestamp>/}. Writers (run-bench.sh, {@code run}) and
 * readers ({@code report}, {@code diff}) both go through these names.
 *
 * <pre>
 *   env.json                    {@link Environment}
 *   jmh-*.json                  JMH JSON results (end-to-end, TensorRT, per-op), one file per JMH invocation
 *   placement.csv               config, device, nodes: how many nodes each device got per configuration
 *   traces/&lt;config&gt;.trace.json  Chrome trace of one FULL_TRACE run
 *   traces/&lt;config&gt;.ops.csv     op type, count, total time, device, per configuration
 *   traces/copies.csv           host-to-device and device-to-host copies per configuration
 *   ops-report.csv              per-op CPU vs GPU times and shares
 *   trt-builds.csv              per TensorRT engine: build time, builder level, timing cache, calibration, size
 *   trt-kernels.csv             per profiled TensorRT engine and kernel name: launches, µs per inference, share
 *   trt-kernel-summary.csv      per profiled TensorRT engine: CUDA-event time, busy time, coverage
 *   report/                     report.md, report.html, charts (PNG and SVG), results.csv
 *   INCOMPLETE                  present while the run is going (and after a run that was stopped)
 *   jmh-*.json.partial          JMH JSON being written; renamed to jmh-*.json when that JMH run completes
 *   jmh-*.json.partial.stopped  a stopped part's JMH JSON, set aside when {@code run --add-to} redoes the part
 * </pre>
 */
public record RunFolder(Path dir) {
  public static final String ENV = "env.json";
  public static final String PLACEMENT = "placement.csv";
  public static final String TRACES = "traces";
  public static final String TRACE_SUFFIX = ".trace.json";
  /** A configuration's op table in {@code traces/}: {@code <config>.ops.csv}. */
  public static final String OP_TABLE_SUFFIX = ".ops.csv";
  public static final String OPS_REPORT = "ops-report.csv";
  public static final String REPORT = "report";
  public static final String INCOMPLETE = "INCOMPLETE";
  public static final String PARTIAL = ".partial";
  /** Appended to a stopped part's {@code .partial} file when a part that redoes it starts ({@code run --add-to}). */
  public static final String STOPPED = ".stopped";

  public Path env() {
    return dir.resolve(ENV);
  }

  public Path placement() {
    return dir.resolve(PLACEMENT);
  }

  public Path traces() {
    return dir.resolve(TRACES);
  }

  public Path trace(String config) {
    return traces().resolve(config + TRACE_SUFFIX);
  }

  /** The configurations with a Chrome trace in {@code traces/}, by name; none without that folder. */
  public List<String> tracedConfigs() throws IOException {
    return inTraces(TRACE_SUFFIX).stream().map(p -> p.getFileName().toString())
        .map(n -> n.substring(0, n.length() - TRACE_SUFFIX.length())).toList();
  }

  public Path opTable(String config) {
    return traces().resolve(config + OP_TABLE_SUFFIX);
  }

  /** Every configuration's op table ({@code traces/*.ops.csv}), by name; none without that folder. */
  public List<Path> opTables() throws IOException {
    return inTraces(OP_TABLE_SUFFIX);
  }

  private List<Path> inTraces(String suffix) throws IOException {
    if (!Files.isDirectory(traces())) {
      return List.of();
    }
    try (Stream<Path> files = Files.list(traces())) {
      return files.filter(p -> p.getFileName().toString().endsWith(suffix)).sorted().toList();
    }
  }

  public Path copies() {
    return traces().resolve("copies.csv");
  }

  public Path opsReport() {
    return dir.resolve(OPS_REPORT);
  }

  public Path trtBuilds() {
    return dir.resolve("trt-builds.csv");
  }

  /** What the correctness gate found per configuration, before timing ({@link GateCsv}). */
  public Path gate() {
    return dir.resolve(GateCsv.FILE);
  }

  public Path report() {
    return dir.resolve(REPORT);
  }

  public Path jmhJson(String name) {
    return dir.resolve("jmh-" + name + ".json");
  }

  public Path incompleteMarker() {
    return dir.resolve(INCOMPLETE);
  }

  /** Whether the run that wrote this folder did not finish (its {@link #INCOMPLETE} mark is still there). */
  public boolean isIncomplete() {
    return Files.exists(incompleteMarker());
  }

  /** Removes the {@link #INCOMPLETE} mark: the run got to its end. */
  public void markComplete() throws IOException {
    Files.deleteIfExists(incompleteMarker());
  }

  /** JMH JSON files whose JMH run never completed ({@code jmh-*.json.partial}), sorted by name. */
  public List<Path> partialJmhFiles() throws IOException {
    return filesMatching("jmh-.*\\.json\\.partial");
  }

  /**
   * Returns {@code file} when it lies inside this folder once symbolic links are followed; a link that leads out of the
   * folder (e.g. a placement.csv linked to /etc/shells) is refused, so a report never embeds or writes files elsewhere.
   *
   * @throws IOException naming the file and where it leads
   */
  public Path requireInside(Path file) throws IOException {
    if (!Files.exists(file, java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
      return file;
    }
    Path root = dir.toRealPath();
    Path real;
    try {
      real = file.toRealPath();
    } catch (IOException e) {
      throw new IOException(file + ": a symbolic link that leads nowhere (" + e.getMessage() + "); remove it", e);
    }
    if (!real.startsWith(root)) {
      throw new IOException(file + ": leads to " + real + ", outside the run folder " + dir
          + "; refusing to follow it (copy the file into the folder instead of linking it)");
    }
    return file;
  }

  /** The half-written JMH JSON of parts that were stopped and done again ({@code jmh-*.json.partial.stopped*}), by name. */
  public List<Path> stoppedJmhFiles() throws IOException {
    return filesMatching("jmh-.*\\.json\\.partial\\" + STOPPED + "(-[0-9]+)?");
  }

  /**
   * Renames one of {@link #partialJmhFiles()} to {@code <name>.stopped} ({@code .stopped-2}, ... when taken): kept on
   * disk and listed by {@link #stoppedJmhFiles()}, but neither overwritten by the part that redoes it nor reported.
   *
   * @return the file as it is named now
   */
  public Path setAside(Path partial) throws IOException {
    String name = partial.getFileName().toString();
    Path aside = partial.resolveSibling(name + STOPPED);
    for (int i = 2; Files.exists(aside); i++) {
      aside = partial.resolveSibling(name + STOPPED + "-" + i);
    }
    return Files.move(partial, aside);
  }

  /** Every JMH JSON file of the run, sorted by name. */
  public List<Path> jmhJsonFiles() throws IOException {
    return filesMatching("jmh-.*\\.json");
  }

  /** The folder's files whose names match {@code regex} (whole name), sorted by name. */
  private List<Path> filesMatching(String regex) throws IOException {
    try (Stream<Path> files = Files.list(dir)) {
      return files.filter(p -> p.getFileName().toString().matches(regex)).sorted().toList();
    }
  }
}
