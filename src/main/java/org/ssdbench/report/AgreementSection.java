package org.ssdbench.report;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.ssdbench.engine.Detections;
import org.ssdbench.engine.trt.Int8Agreement;
import org.ssdbench.engine.trt.TrtBuildsCsv;
import org.ssdbench.report.doc.Block;
import org.ssdbench.results.DetectionsCsv;
import org.ssdbench.results.RunFolder;

/**
 * The report's "INT8 against the FP32 engine" section, from the run folder's {@code detections.csv}: each INT8
 * configuration's detections matched against an FP32 configuration's of the same run and batch (the one of the same
 * form, e.g. trt-int8-graph against trt-fp32-graph, else any), per image, with {@link Int8Agreement}'s IoU and its
 * caveat. INT8 against tf-cpu is in the gate table; an INT8 configuration without an FP32 one in the run is pointed
 * there, with the caveat. Without INT8 there is no section.
 */
final class AgreementSection {
  private AgreementSection() {}

  static List<Block> blocks(RunFolder folder) throws IOException {
    Path file = folder.requireInside(folder.dir().resolve(DetectionsCsv.FILE));
    if (!Files.isRegularFile(file)) {
      return List.of();
    }
    Map<DetectionsCsv.Key, Detections> byConfig = DetectionsCsv.read(file);
    String caveat = Int8Agreement.caveat(TrtBuildsCsv.calibrations(folder.dir()));
    List<List<String>> rows = new ArrayList<>();
    Set<String> withoutFp32 = new LinkedHashSet<>();
    for (DetectionsCsv.Key key : byConfig.keySet()) {
      if (!key.config().startsWith("trt-int8")) {
        continue;
      }
      Optional<String> fp32 = fp32For(key.config(), key.batch(), byConfig);
      if (fp32.isEmpty()) {
        withoutFp32.add(key.config());
        continue;
      }
      for (Int8Agreement.Row r : Int8Agreement.compare(fp32.get(),
          byConfig.get(new DetectionsCsv.Key(fp32.get(), key.batch())), byConfig.get(key))) {
        // the agreement's own cells (reference, image, counts, IoU, score), with the INT8 config and batch in front
        List<String> cells = r.cells();
        List<String> row = new ArrayList<>(List.of(key.config(), cells.get(0), String.valueOf(key.batch())));
        row.addAll(cells.subList(1, cells.size()));
        rows.add(row);
      }
    }
    // Where no FP32 engine ran, INT8 is compared with tf-cpu only (the gate table); the caveat holds all the same.
    String unpaired = withoutFp32.isEmpty() ? "" : " No FP32 engine ran in this run for " + String.join(", ", withoutFp32)
        + ": its agreement with tf-cpu is in the correctness gate's table (matched, mean IoU, worst score diff).";
    if (rows.isEmpty()) {
      return withoutFp32.isEmpty() ? List.of() : List.of(new Block.Heading(2, "INT8 agreement"),
          new Block.Paragraph(unpaired.strip() + " Measured, never gated. " + caveat));
    }
    return List.of(new Block.Heading(2, "INT8 against the FP32 engine"),
        new Block.Paragraph("Each INT8 configuration's detections on the workload's images, matched by class and IoU >= "
            + Int8Agreement.MIN_IOU + " against the FP32 engine's of the same run (from detections.csv, written by each "
            + "configuration's correctness gate). Measured, never gated." + unpaired + " " + caveat),
        new Block.Table(List.of("INT8 config", "FP32 config", "batch", "image", "FP32 detections", "INT8 detections",
            "matched", "mean IoU", "worst score diff"), rows));
  }

  /**
   * trt-int8-u8-graph -> trt-fp32-u8-graph if the run has it, else trt-fp32-graph, else any FP32 configuration; a
   * builder-level suffix is kept first (trt-int8-graph-l1 -> trt-fp32-graph-l1, as a quick run names both), then dropped.
   */
  static Optional<String> fp32For(String int8Config, int batch, Map<DetectionsCsv.Key, Detections> byConfig) {
    String leveled = int8Config.replaceFirst("^trt-int8", "trt-fp32").replace("-nmsfp16", "");
    String same = leveled.replaceAll("-l\\d$", "");
    List<String> preferred = List.of(leveled, leveled.replace("-u8", ""), same, same.replace("-u8", ""));
    for (String candidate : preferred) {
      if (byConfig.containsKey(new DetectionsCsv.Key(candidate, batch))) {
        return Optional.of(candidate);
      }
    }
    return byConfig.keySet().stream().filter(k -> k.config().startsWith("trt-fp32") && k.batch() == batch)
        .map(DetectionsCsv.Key::config).findFirst();
  }
}
