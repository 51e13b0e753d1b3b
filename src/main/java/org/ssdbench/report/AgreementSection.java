package org.ssdbench.report;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.ssdbench.engine.DetectionMatch;
import org.ssdbench.engine.Detections;
import org.ssdbench.engine.trt.Int8Agreement;
import org.ssdbench.report.doc.Block;
import org.ssdbench.results.DetectionsCsv;
import org.ssdbench.results.RunFolder;

/**
 * The report's "INT8 against the FP32 engine" section, from the run folder's {@code detections.csv}: each INT8
 * configuration's detections matched against an FP32 configuration's of the same run and batch (the one of the same
 * form, e.g. trt-int8-graph against trt-fp32-graph, else any), per image, with {@link Int8Agreement}'s IoU and its
 * caveat. INT8 against tf-cpu is in the gate table. Without both precisions there is no section.
 */
final class AgreementSection {
  private AgreementSection() {}

  static List<Block> blocks(RunFolder folder) throws IOException {
    Path file = folder.requireInside(folder.dir().resolve(DetectionsCsv.FILE));
    if (!Files.isRegularFile(file)) {
      return List.of();
    }
    Map<DetectionsCsv.Key, Detections> byConfig = DetectionsCsv.read(file);
    List<List<String>> rows = new ArrayList<>();
    for (DetectionsCsv.Key key : byConfig.keySet()) {
      if (!key.config().startsWith("trt-int8")) {
        continue;
      }
      Optional<String> fp32 = fp32For(key.config(), key.batch(), byConfig);
      if (fp32.isEmpty()) {
        continue;
      }
      List<DetectionMatch> matches = DetectionMatch.of(byConfig.get(new DetectionsCsv.Key(fp32.get(), key.batch())),
          byConfig.get(key), Int8Agreement.MIN_IOU, 1.0); // scores lie in [0, 1]: any difference
      for (DetectionMatch m : matches) {
        rows.add(List.of(key.config(), fp32.get(), String.valueOf(key.batch()), String.valueOf(m.image()),
            String.valueOf(m.expected()), String.valueOf(m.actual()), String.valueOf(m.matched()),
            String.format(Locale.ROOT, "%.4f", m.meanIou()), String.format(Locale.ROOT, "%.4f", m.worstScoreDiff())));
      }
    }
    if (rows.isEmpty()) {
      return List.of();
    }
    return List.of(new Block.Heading(2, "INT8 against the FP32 engine"),
        new Block.Paragraph("Each INT8 configuration's detections on the workload's images, matched by class and IoU >= "
            + Int8Agreement.MIN_IOU + " against the FP32 engine's of the same run (from detections.csv, written by each "
            + "configuration's correctness gate). Measured, never gated. " + Int8Agreement.CAVEAT),
        new Block.Table(List.of("INT8 config", "FP32 config", "batch", "image", "FP32 detections", "INT8 detections",
            "matched", "mean IoU", "worst score diff"), rows));
  }

  /** trt-int8-u8-graph -> trt-fp32-u8-graph if the run has it, else trt-fp32-graph, else any FP32 configuration. */
  static Optional<String> fp32For(String int8Config, int batch, Map<DetectionsCsv.Key, Detections> byConfig) {
    String same = int8Config.replaceFirst("^trt-int8", "trt-fp32").replace("-nmsfp16", "")
        .replaceAll("-l\\d$", "");
    List<String> preferred = List.of(same, same.replace("-u8", ""));
    for (String candidate : preferred) {
      if (byConfig.containsKey(new DetectionsCsv.Key(candidate, batch))) {
        return Optional.of(candidate);
      }
    }
    return byConfig.keySet().stream().filter(k -> k.config().startsWith("trt-fp32") && k.batch() == batch)
        .map(DetectionsCsv.Key::config).findFirst();
  }
}
