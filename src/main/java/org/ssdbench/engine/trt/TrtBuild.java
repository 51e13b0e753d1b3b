package org.ssdbench.engine.trt;

import java.util.List;
import java.util.Locale;

/**
 * The facts of one engine a run obtained: one row of {@code trt-builds.csv}.
 *
 * @param build {@code cold} (built with no timing cache on disk), {@code warm} (built with the timing cache of earlier
 *     builds on this GPU loaded) or {@code cached} (the engine itself was loaded from the engine cache)
 * @param builderLevel the optimization level TensorRT built with, e.g. {@code 3 (TensorRT default)}
 * @param timingCache how the timing cache started ({@link TrtNetworkBuilder.Plan#timingCache()}); TensorRT 10.6 does
 *     not count cache hits, so the cache's size before and after the build is recorded instead: a warm build that
 *     found every tactic adds nothing
 * @param calibration {@code -}, {@code calibrated} or {@code cached table}; followed by {@code on photos (N)} when
 *     calibrated on {@code --calibration-images}
 * @param deviceMemoryBytes the engine's activation memory ({@code ICudaEngine.getDeviceMemorySizeV2})
 */
public record TrtBuild(String config, String precision, int batch, String builderLevel, String build, long buildMillis,
    String timingCache, long timingCacheBytesBefore, long timingCacheBytesAfter, String calibration,
    long calibrationMillis, int calibrationBatches, int layers, long engineBytes, long deviceMemoryBytes, String gpu,
    String tensorrt, String reason) {
  static final String BUILD = "build";
  static final String BUILD_MS = "build_ms";
  static final String COLD = "cold";
  static final String WARM = "warm";
  static final String CACHED = "cached";
  public static final List<String> HEADER = List.of("config", "precision", "batch", "builder_level", BUILD,
      BUILD_MS, "timing_cache", "timing_cache_bytes_before", "timing_cache_bytes_after", "calibration",
      "calibration_ms", "calibration_batches", "layers", "engine_bytes", "device_memory_bytes", "gpu", "tensorrt",
      "reason");

  /** {@code 3 (TensorRT default)} for {@link TrtNetworkBuilder.Options#DEFAULT_LEVEL}, else the level. */
  public static String levelLabel(int level) {
    return level == TrtNetworkBuilder.Options.DEFAULT_LEVEL ? "3 (TensorRT default)" : String.valueOf(level);
  }

  /**
   * The most a warm build adds to the timing cache, as a share of the cache after it. A build that found its layers'
   * timings there adds almost nothing (0 to 0.12% in the warm rebuilds measured on an H200); one that timed other
   * layer shapes (another batch size or precision, the cache holding only those of earlier builds) adds about what a
   * cold build writes (45% to 81% there), and took about as long.
   */
  static final double WARM_GROWTH = 0.05;

  /**
   * {@code cached} (the engine came from the engine cache), {@code warm} (a timing cache was loaded and held what the
   * build needed: it grew by {@link #WARM_GROWTH} or less), else {@code cold}: the build timed its layers itself.
   */
  public static String kind(boolean fromEngineCache, String timingCache, long timingCacheBytesBefore,
      long timingCacheBytesAfter) {
    if (fromEngineCache) {
      return CACHED;
    }
    boolean heldWhatItNeeded = timingCacheBytesAfter - timingCacheBytesBefore
        <= WARM_GROWTH * Math.max(timingCacheBytesAfter, 1);
    return "loaded".equals(timingCache) && heldWhatItNeeded ? WARM : COLD;
  }

  public List<String> cells() {
    return List.of(config, precision, String.valueOf(batch), builderLevel, build, String.valueOf(buildMillis),
        timingCache, String.valueOf(timingCacheBytesBefore), String.valueOf(timingCacheBytesAfter), calibration,
        String.valueOf(calibrationMillis), String.valueOf(calibrationBatches), String.valueOf(layers),
        String.valueOf(engineBytes), String.valueOf(deviceMemoryBytes), gpu, tensorrt, reason);
  }

  /** One line for logs. */
  public String summary() {
    return String.format(Locale.ROOT,
        "%s: %s build %.1f s at level %s (timing cache %s, %d -> %d bytes), calibration %s %.1f s, %d layers, "
            + "engine %.1f MiB, device memory %.1f MiB",
        config, build, buildMillis / 1000.0, builderLevel, timingCache, timingCacheBytesBefore, timingCacheBytesAfter,
        calibration, calibrationMillis / 1000.0, layers, engineBytes / 1048576.0, deviceMemoryBytes / 1048576.0);
  }
}
