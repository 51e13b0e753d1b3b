package org.ssdbench.engine.trt;

import java.nio.charset.StandardCharsets;
import java.util.Objects;
import org.ssdbench.model.LoadedModel;

/**
 * What an INT8 calibration table was computed from: the model (SHA-256 of its GraphDef), the calibration images
 * ({@link CalibrationSet#id()}) and the TensorRT version whose calibrator wrote it. The table holds per-tensor ranges, so
 * it does not depend on the GPU, batch size or builder level: one calibration serves every INT8 build of the model.
 */
public record CalibrationKey(String modelSha256, String calibrationSet, String tensorrtVersion, int format) {
  public static final int FORMAT = 1;

  public CalibrationKey {
    Objects.requireNonNull(modelSha256, "modelSha256");
    Objects.requireNonNull(calibrationSet, "calibrationSet");
    Objects.requireNonNull(tensorrtVersion, "tensorrtVersion");
  }

  public static CalibrationKey of(String modelSha256, CalibrationSet set, String tensorrtVersion) {
    return new CalibrationKey(modelSha256, set.id(), tensorrtVersion, FORMAT);
  }

  /** {@code calibration-<model 12 hex>-<8 hex of the set and version>.cache}. */
  public String fileName() {
    String rest = LoadedModel.sha256((calibrationSet + "|" + tensorrtVersion).getBytes(StandardCharsets.UTF_8));
    return "calibration-%s-%s.cache".formatted(modelSha256.substring(0, Math.min(12, modelSha256.length())),
        rest.substring(0, 8));
  }
}
