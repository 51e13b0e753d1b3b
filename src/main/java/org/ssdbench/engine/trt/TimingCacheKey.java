package org.ssdbench.engine.trt;

import java.util.Locale;
import java.util.Objects;

/**
 * What a TensorRT timing cache was measured on. Tactic timings are only valid for the GPU model and TensorRT version
 * that measured them; precision, batch and builder level are not part of it: every engine built on that GPU shares one
 * cache, each build adding the layers it timed.
 *
 * @param format bumped when the way the cache is used changes
 */
public record TimingCacheKey(String gpuName, String computeCapability, String tensorrtVersion, int format) {
  public static final int FORMAT = 1;

  public TimingCacheKey {
    Objects.requireNonNull(gpuName, "gpuName");
    Objects.requireNonNull(computeCapability, "computeCapability");
    Objects.requireNonNull(tensorrtVersion, "tensorrtVersion");
  }

  public static TimingCacheKey of(String gpuName, String computeCapability, String tensorrtVersion) {
    return new TimingCacheKey(gpuName, computeCapability, tensorrtVersion, FORMAT);
  }

  /** {@code timing-nvidia-h200-cc9.0-trt10.6.0.cache}: readable, and distinct per GPU model and version. */
  public String fileName() {
    String gpu = gpuName.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-").replaceAll("(^-|-$)", "");
    return "timing-%s-cc%s-trt%s.cache".formatted(gpu.isEmpty() ? "gpu" : gpu, computeCapability, tensorrtVersion);
  }
}
