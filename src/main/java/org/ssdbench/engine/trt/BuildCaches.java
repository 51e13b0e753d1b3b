package org.ssdbench.engine.trt;

import java.nio.file.Path;
import java.util.Objects;

/**
 * What a build reuses from earlier builds, kept in the engine cache folder: the TensorRT timing cache of this GPU and
 * TensorRT version ({@link TimingCacheKey}), loaded before each build and saved after it, and, for INT8, the
 * calibration table of this model and calibration set ({@link CalibrationKey}), so INT8 calibrates once.
 *
 * @param calibrationSet the images INT8 calibrates on when there is no table yet
 */
public record BuildCaches(Path dir, TimingCacheKey timing, CalibrationKey calibration, CalibrationSet calibrationSet) {
  public BuildCaches {
    Objects.requireNonNull(dir, "dir");
    Objects.requireNonNull(timing, "timing");
    Objects.requireNonNull(calibration, "calibration");
    Objects.requireNonNull(calibrationSet, "calibrationSet");
  }

  /** The caches of the current GPU and TensorRT version in {@code dir}, for the model {@code modelSha256}. */
  public static BuildCaches in(Path dir, String modelSha256, GpuInfo gpu, String tensorrtVersion, CalibrationSet set) {
    return new BuildCaches(dir, TimingCacheKey.of(gpu.name(), gpu.computeCapability(), tensorrtVersion),
        CalibrationKey.of(modelSha256, set, tensorrtVersion), set);
  }

  public Path timingCacheFile() {
    return timingFile().file();
  }

  public Path calibrationFile() {
    return calibrationTable().file();
  }

  KeyedFile<TimingCacheKey> timingFile() {
    return new KeyedFile<>(dir.resolve(timing.fileName()), TimingCacheKey.class);
  }

  KeyedFile<CalibrationKey> calibrationTable() {
    return new KeyedFile<>(dir.resolve(calibration.fileName()), CalibrationKey.class);
  }
}
