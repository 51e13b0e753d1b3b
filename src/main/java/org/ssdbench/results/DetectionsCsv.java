package org.ssdbench.results;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.commons.csv.CSVRecord;
import org.ssdbench.engine.Detections;
import org.ssdbench.io.LockedCsv;

/**
 * {@code detections.csv} in the run folder: the detections each configuration produced on the workload's images in its
 * correctness gate, one line per detection, so configurations can be compared with each other afterwards (INT8 against
 * the FP32 engine) and not only with tf-cpu. Forks that produce the same leave one set of lines.
 */
public final class DetectionsCsv {
  public static final String FILE = "detections.csv";
  public static final List<String> HEADER = List.of("config", "batch", "image", "row", "class", "score", "ymin", "xmin",
      "ymax", "xmax");

  private DetectionsCsv() {}

  /** Records {@code detections} of {@code config} at {@code batch} in {@code runDir}; returns the file. */
  public static Path append(Path runDir, String config, int batch, Detections detections) {
    Path file = runDir.resolve(FILE);
    LockedCsv.appendNew(file, HEADER, rows(config, batch, detections));
    return file;
  }

  static List<List<String>> rows(String config, int batch, Detections d) {
    List<List<String>> rows = new ArrayList<>();
    for (int image = 0; image < d.batch(); image++) {
      for (int row = 0; row < d.count(image); row++) {
        float[] box = d.box(image, row);
        rows.add(List.of(config, String.valueOf(batch), String.valueOf(image), String.valueOf(row),
            String.valueOf(d.classId(image, row)), number(d.score(image, row)), number(box[0]), number(box[1]),
            number(box[2]), number(box[3])));
      }
    }
    return rows;
  }

  /** Six decimals: well below any IoU or score tolerance the comparisons use. */
  private static String number(float v) {
    return String.format(Locale.ROOT, "%.6f", v);
  }

  /** A configuration at a batch size: whose detections. */
  public record Key(String config, int batch) {}

  /**
   * The detections read back, in the file's order; a configuration without any detection is absent. Fails, naming the
   * file and line, when a column is missing or a cell is not a number.
   */
  public static Map<Key, Detections> read(Path file) throws IOException {
    Map<Key, List<CSVRecord>> byConfig = new LinkedHashMap<>();
    List<CSVRecord> records = LockedCsv.records(file, HEADER);
    try {
      for (CSVRecord r : records) {
        int batch = Integer.parseInt(r.get("batch"));
        if (batch < 1) {
          throw new NumberFormatException("line %d: batch %d".formatted(r.getRecordNumber() + 1, batch));
        }
        byConfig.computeIfAbsent(new Key(r.get("config"), batch), k -> new ArrayList<>()).add(r);
      }
      Map<Key, Detections> out = new LinkedHashMap<>();
      for (Map.Entry<Key, List<CSVRecord>> e : byConfig.entrySet()) {
        out.put(e.getKey(), detections(e.getKey().batch(), e.getValue()));
      }
      return out;
    } catch (NumberFormatException e) {
      throw new IOException("%s: %s; write it again with a run (each configuration's gate appends its detections)"
          .formatted(file, e.getMessage()), e);
    }
  }

  private static Detections detections(int batch, List<CSVRecord> records) {
    int max = Detections.MAX;
    float[] boxes = new float[batch * max * 4];
    float[] scores = new float[batch * max];
    float[] classes = new float[batch * max];
    float[] num = new float[batch];
    String[] corners = {"ymin", "xmin", "ymax", "xmax"};
    for (CSVRecord r : records) {
      try {
        int image = Integer.parseInt(r.get("image"));
        int row = Integer.parseInt(r.get("row"));
        if (image < 0 || row < 0) {
          throw new NumberFormatException("negative image or row");
        }
        if (image >= batch || row >= max) {
          continue; // a line of another fork's outcome beyond this batch's shape: not comparable
        }
        int at = image * max + row;
        scores[at] = Float.parseFloat(r.get("score"));
        classes[at] = Float.parseFloat(r.get("class"));
        for (int i = 0; i < 4; i++) {
          boxes[at * 4 + i] = Float.parseFloat(r.get(corners[i]));
        }
        num[image] = Math.max(num[image], row + 1);
      } catch (NumberFormatException e) {
        throw new NumberFormatException("line %d: %s".formatted(r.getRecordNumber() + 1, e.getMessage()));
      }
    }
    return new Detections(batch, boxes, scores, classes, num);
  }
}
