package org.ssdbench.engine.trt.profile;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.commons.csv.CSVRecord;
import org.ssdbench.io.LockedCsv;

/**
 * The run folder's {@code trt-kernels.csv} (one line per kernel name per engine) and {@code trt-kernel-summary.csv}
 * (one line per engine). Writing a profile replaces the lines of the same config and batch and keeps the others, so a
 * profile taken again by hand replaces the old one; the file is locked while it is rewritten.
 */
public final class KernelProfileCsv {
  public static final String KERNELS = "trt-kernels.csv";
  public static final String SUMMARY = "trt-kernel-summary.csv";
  static final List<String> KERNEL_HEADER = List.of("config", "batch", "kernel", "kind", "launches_per_inference",
      "us_per_inference", "share");
  static final List<String> SUMMARY_HEADER = List.of("config", "batch", "inferences", "event_us_per_inference",
      "busy_us_per_inference", "kernel_us", "copy_us", "coverage");

  private KernelProfileCsv() {}

  /** Writes the profile into both files of {@code runDir}; returns them, kernels first. */
  public static List<Path> write(Path runDir, KernelProfile profile) {
    ProfileSummary s = profile.summary();
    List<List<String>> kernelRows = profile.kernels().stream().map(k -> List.of(k.config(), Integer.toString(k.batch()),
        k.kernel(), k.kind().name(), num(k.launchesPerInference()), num(k.microsPerInference()), num(k.share())))
        .toList();
    List<List<String>> summaryRow = List.of(List.of(s.config(), Integer.toString(s.batch()),
        Integer.toString(s.inferences()), num(s.eventMicros()), num(s.busyMicros()), num(s.kernelMicros()),
        num(s.copyMicros()), num(s.coverage())));
    Path kernels = runDir.resolve(KERNELS);
    Path summary = runDir.resolve(SUMMARY);
    replace(kernels, KERNEL_HEADER, s.config(), s.batch(), kernelRows);
    replace(summary, SUMMARY_HEADER, s.config(), s.batch(), summaryRow);
    return List.of(kernels, summary);
  }

  /** How the report and {@code diff} name one profiled engine: {@code trt-int8-u8-graph batch 1}. */
  public static String engineLabel(String config, int batch) {
    return config + " batch " + batch;
  }

  /** The lines grouped by engine ({@link #engineLabel}), in file order. */
  public static Map<String, List<KernelLine>> byEngine(List<KernelLine> lines) {
    Map<String, List<KernelLine>> engines = new LinkedHashMap<>();
    for (KernelLine line : lines) {
      engines.computeIfAbsent(engineLabel(line.config(), line.batch()), k -> new ArrayList<>()).add(line);
    }
    return engines;
  }

  public static List<KernelLine> readKernels(Path file) throws IOException {
    List<KernelLine> lines = new ArrayList<>();
    for (CSVRecord r : LockedCsv.records(file, KERNEL_HEADER)) {
      lines.add(new KernelLine(r.get("config"), integer(r, "batch"), r.get("kernel"), kind(r),
          decimal(r, "launches_per_inference"), decimal(r, "us_per_inference"), decimal(r, "share")));
    }
    return lines;
  }

  public static List<ProfileSummary> readSummaries(Path file) throws IOException {
    List<ProfileSummary> summaries = new ArrayList<>();
    for (CSVRecord r : LockedCsv.records(file, SUMMARY_HEADER)) {
      summaries.add(new ProfileSummary(r.get("config"), integer(r, "batch"), integer(r, "inferences"),
          decimal(r, "event_us_per_inference"), decimal(r, "busy_us_per_inference"), decimal(r, "kernel_us"),
          decimal(r, "copy_us")));
    }
    return summaries;
  }

  private static String num(double v) {
    return Double.isNaN(v) ? "" : String.format(Locale.ROOT, "%.4f", v);
  }

  private static KernelKind kind(CSVRecord r) throws IOException {
    try {
      return KernelKind.valueOf(r.get("kind"));
    } catch (IllegalArgumentException e) {
      return KernelKind.of(r.get("kernel")); // a kind this version does not know: classify the name again
    }
  }

  private static int integer(CSVRecord r, String column) throws IOException {
    try {
      return Integer.parseInt(r.get(column));
    } catch (NumberFormatException e) {
      throw new IOException("line %d: %s '%s' is not a whole number".formatted(r.getRecordNumber() + 1, column,
          r.get(column)), e);
    }
  }

  private static double decimal(CSVRecord r, String column) throws IOException {
    String v = r.get(column);
    try {
      return v.isEmpty() ? Double.NaN : Double.parseDouble(v);
    } catch (NumberFormatException e) {
      throw new IOException("line %d: %s '%s' is not a number".formatted(r.getRecordNumber() + 1, column, v), e);
    }
  }

  /** Rewrites {@code file} under its lock: its lines of other configs or batches, then {@code rows}. */
  private static void replace(Path file, List<String> header, String config, int batch, List<List<String>> rows) {
    LockedCsv.update(file, header, (columns, old) -> {
      int c = columns.indexOf("config");
      int b = columns.indexOf("batch");
      List<List<String>> kept = new ArrayList<>(old.stream()
          .filter(r -> !(r.get(c).equals(config) && r.get(b).equals(Integer.toString(batch)))).toList());
      kept.addAll(rows);
      return kept;
    });
  }
}
