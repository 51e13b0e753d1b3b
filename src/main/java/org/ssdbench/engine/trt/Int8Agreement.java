package org.ssdbench.engine.trt;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.ssdbench.engine.DetectionMatch;
import org.ssdbench.engine.Detections;

/**
 * How far the INT8 engine's detections are from a reference's (tf-cpu, or the FP32 engine), per image, with
 * {@link DetectionMatch} (any score difference): matched by class and IoU, mean IoU of the matches, worst score difference. Measured and
 * reported, never gated.
 */
public final class Int8Agreement {
  /** Matches need at least this IoU: looser than the FP32 gate, since INT8 moves boxes. */
  public static final double MIN_IOU = 0.5;

  /** Said beside every INT8 agreement figure where the engines calibrated on the generated images. */
  public static final String CAVEAT = "The generated model's weights are synthetic and the default calibration images are "
      + "generated, so the INT8 ranges are not those of real photos: this agreement says little about INT8 on the real "
      + "model (calibrate on photos with --calibration-images DIR).";
  /** Said instead where the engines calibrated on photos. */
  public static final String CAVEAT_PHOTOS = "These INT8 engines calibrated on the photos of --calibration-images; with "
      + "the generated model (synthetic weights) the agreement still says little about INT8 on the real model "
      + "(--model with the real export).";
  /** How trt-builds.csv's calibration column marks a calibration on {@code --calibration-images}. */
  public static final String ON_PHOTOS = "on photos";

  /** The caveat for engines whose trt-builds.csv calibration values are {@code calibrations}. */
  public static String caveat(java.util.Collection<String> calibrations) {
    return calibrations.stream().anyMatch(c -> c.contains(ON_PHOTOS)) ? CAVEAT_PHOTOS : CAVEAT;
  }

  /** One image's comparison. */
  public record Row(String reference, int image, DetectionMatch match) {
    public List<String> cells() {
      return List.of(reference, String.valueOf(image), String.valueOf(match.expected()), String.valueOf(match.actual()),
          String.valueOf(match.matched()), String.format(Locale.ROOT, "%.4f", match.meanIou()),
          String.format(Locale.ROOT, "%.4f", match.worstScoreDiff()));
    }

    @Override
    public String toString() {
      return String.format(Locale.ROOT, "INT8 vs %s, image %d: %d of %d matched (IoU >= %.1f, INT8 has %d), mean IoU %.4f, "
          + "worst score difference %.4f", reference, image, match.matched(), match.expected(), MIN_IOU, match.actual(),
          match.meanIou(), match.worstScoreDiff());
    }
  }

  public static final List<String> HEADER = List.of("reference", "image", "reference_detections", "int8_detections",
      "matched", "mean_iou", "worst_score_diff");

  private Int8Agreement() {}

  public static List<Row> compare(String referenceName, Detections reference, Detections int8) {
    List<Row> rows = new ArrayList<>();
    for (int i = 0; i < reference.batch(); i++) {
      rows.add(new Row(referenceName, i, DetectionMatch.of(reference, int8, i, MIN_IOU, 1.0)));
    }
    return rows;
  }

  /** Writes the rows to {@code file} as CSV (overwrites). */
  public static void write(Path file, List<Row> rows) {
    StringBuilder text = new StringBuilder(TrtBuildsCsv.line(HEADER));
    rows.forEach(r -> text.append(TrtBuildsCsv.line(r.cells())));
    try {
      Files.createDirectories(file.toAbsolutePath().getParent());
      Files.writeString(file, text);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write " + file, e);
    }
  }
}
