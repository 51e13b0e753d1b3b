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
 *   report/                     report.md, report.html, charts (PNG and SVG), results.csv
 * </pre>
 */
public record RunFolder(Path dir) {
  public static final String ENV = "env.json";
  public static final String PLACEMENT = "placement.csv";
  public static final String TRACES = "traces";
  public static final String OPS_REPORT = "ops-report.csv";
  public static final String REPORT = "report";

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
    return traces().resolve(config + ".trace.json");
  }

  public Path opTable(String config) {
    return traces().resolve(config + ".ops.csv");
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

  public Path report() {
    return dir.resolve(REPORT);
  }

  public Path jmhJson(String name) {
    return dir.resolve("jmh-" + name + ".json");
  }

  /** Every JMH JSON file of the run, sorted by name. */
  public List<Path> jmhJsonFiles() throws IOException {
    try (Stream<Path> files = Files.list(dir)) {
      return files
          .filter(p -> p.getFileName().toString().matches("jmh-.*\\.json"))
          .sorted()
          .toList();
    }
  }
}
