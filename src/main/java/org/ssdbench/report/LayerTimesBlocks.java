package org.ssdbench.report;

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.ssdbench.engine.trt.profile.KernelKind;
import org.ssdbench.engine.trt.profile.LayerTimes;
import org.ssdbench.report.doc.Block;

/**
 * The per-layer part of "Where the GPU time goes": per profiled engine, the layers that take the most of one traced
 * inference ({@link LayerTimes}), and every layer's time in {@code layer-times.csv} beside the report.
 */
final class LayerTimesBlocks {
  static final String CSV = "layer-times.csv";
  static final int TOP_LAYERS = 10;
  private static final int MAX_NAME = 100;
  private static final List<String> HEADER =
      List.of("config", "batch", "order", "layer", "layer_type", "kernel", "kind", "us");

  private final List<List<String>> csvRows = new ArrayList<>();

  /** The blocks for one engine's mapping; its layers also go into the CSV. */
  List<Block> blocks(String config, int batch, LayerTimes.Mapping m) {
    if (m.failure().isPresent()) {
      return List.of(new Block.Paragraph("Kernels not put on layers (trt-layers/): " + m.failure().get() + "."));
    }
    for (int i = 0; i < m.layers().size(); i++) {
      LayerTimes.LayerTime t = m.layers().get(i);
      csvRows.add(List.of(config, Integer.toString(batch), Integer.toString(i), t.layer().name(),
          t.layer().type() == null ? "" : t.layer().type(), t.kernel(), KernelKind.of(t.kernel()).name(),
          String.format(Locale.ROOT, "%.3f", t.micros())));
    }
    String rest = m.otherByKind().entrySet().stream()
        .sorted(Map.Entry.<KernelKind, Double>comparingByValue().reversed())
        .map(e -> String.format(Locale.ROOT, "%s %.1f \u00b5s", e.getKey().label(), e.getValue()))
        .collect(Collectors.joining(", "));
    String text = String.format(Locale.ROOT, "Per layer, from one traced inference (trt-layers/, every layer in %s): %d"
        + " of the engine's %d layers name the kernel they launch and take %.1f of the inference's %.1f \u00b5s of"
        + " kernels, copies and fills (%.0f%%). The rest cannot be told apart by layer, so it is given by kind: %s.",
        CSV, m.layers().size(), m.layerCount(), m.layerMicros(), m.totalMicros(),
        m.totalMicros() > 0 ? 100 * m.layerMicros() / m.totalMicros() : 0, rest.isEmpty() ? "none" : rest);
    List<List<String>> rows = new ArrayList<>();
    m.layers().stream().sorted(Comparator.comparingDouble(LayerTimes.LayerTime::micros).reversed()).limit(TOP_LAYERS)
        .forEach(t -> rows.add(List.of(shorten(t.layer().name()), KernelKind.of(t.kernel()).label(),
            Numbers.format(t.micros()), String.format(Locale.ROOT, "%.1f%%", 100 * t.micros() / m.totalMicros()))));
    return List.of(new Block.Paragraph(text),
        new Block.Table(List.of("top layer", "kind", "\u00b5s", "share of the inference"), rows));
  }

  /** Writes {@link #CSV} into {@code dir} when any engine's layers were timed; returns it, or null. */
  Path writeCsv(Path dir) throws IOException {
    if (csvRows.isEmpty()) {
      return null;
    }
    Path file = dir.resolve(CSV);
    try (Writer w = Files.newBufferedWriter(file, StandardCharsets.UTF_8);
        CSVPrinter csv = new CSVPrinter(w, CSVFormat.DEFAULT.builder().setHeader(HEADER.toArray(String[]::new))
            .build())) {
      for (List<String> row : csvRows) {
        csv.printRecord(row);
      }
    }
    return file;
  }

  private static String shorten(String name) {
    return name.length() <= MAX_NAME ? name : name.substring(0, MAX_NAME - 3) + "...";
  }
}
