package org.ssdbench.engine.trt.profile;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Comparator;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

/**
 * What it takes to put the kernel profile's time on the engine's layers, kept beside it in {@code trt-layers/}: the
 * engine inspector's layer list ({@code <config>-b<batch>.layers.json}: each layer's name, type, formats and tactic) and
 * the GPU work of one traced inference in launch order ({@code <config>-b<batch>.sequence.csv}), since TensorRT runs
 * the layers in the list's order and a layer's tactic names the kernel it launches.
 */
public final class LayerCapture {
  public static final String DIR = "trt-layers";
  static final List<String> SEQUENCE_HEADER = List.of("order", "type", "name", "start_ns", "duration_ns", "bytes");

  private LayerCapture() {}

  /** Where one engine's layer list goes: {@code trt-layers/<config>-b<batch>.layers.json}. */
  public static Path layersJson(Path runDir, String config, int batch) {
    return runDir.resolve(DIR).resolve("%s-b%d.layers.json".formatted(config, batch));
  }

  /** Where one engine's traced inference goes: {@code trt-layers/<config>-b<batch>.sequence.csv}. */
  public static Path sequenceCsv(Path runDir, String config, int batch) {
    return runDir.resolve(DIR).resolve("%s-b%d.sequence.csv".formatted(config, batch));
  }

  /** Writes both files for one engine (each replacing an earlier one); returns them. */
  public static List<Path> write(Path runDir, String config, int batch, String layersJson, List<GpuActivity> traced,
      int inferences) {
    Path dir = runDir.resolve(DIR);
    String stem = "%s-b%d".formatted(config, batch);
    Path layers = layersJson(runDir, config, batch);
    Path sequence = sequenceCsv(runDir, config, batch);
    try {
      Files.createDirectories(dir);
      atomically(layers, w -> w.write(layersJson));
      List<GpuActivity> one = lastInference(traced, inferences);
      long origin = one.isEmpty() ? 0 : one.get(0).startNs();
      atomically(sequence, w -> {
        try (CSVPrinter csv = new CSVPrinter(w, CSVFormat.DEFAULT.builder().setHeader(SEQUENCE_HEADER.toArray(
            String[]::new)).build())) {
          for (int i = 0; i < one.size(); i++) {
            GpuActivity a = one.get(i);
            csv.printRecord(i, a.type(), a.name(), a.startNs() - origin, a.durationNs(), a.bytes());
          }
        }
      });
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write the layer capture of " + stem + " into " + dir, e);
    }
    return List.of(layers, sequence);
  }

  /**
   * The GPU work of the last of {@code inferences} back-to-back inferences, in start order: every inference launches
   * the same work, so it is the last {@code size / inferences} activities. Empty when there are fewer activities than
   * inferences.
   */
  static List<GpuActivity> lastInference(List<GpuActivity> traced, int inferences) {
    if (inferences < 1) {
      throw new IllegalArgumentException("inferences must be >= 1, got " + inferences);
    }
    List<GpuActivity> ordered = traced.stream().sorted(Comparator.comparingLong(GpuActivity::startNs)).toList();
    int each = ordered.size() / inferences;
    return ordered.subList(ordered.size() - each, ordered.size());
  }

  private interface Body {
    void write(Writer w) throws IOException;
  }

  private static void atomically(Path file, Body body) throws IOException {
    Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
    try (Writer w = Files.newBufferedWriter(tmp, StandardCharsets.UTF_8)) {
      body.write(w);
    }
    Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
  }
}
