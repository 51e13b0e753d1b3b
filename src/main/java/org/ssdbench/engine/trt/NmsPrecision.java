package org.ssdbench.engine.trt;

import java.util.Arrays;
import java.util.stream.Collectors;

/**
 * The type the EfficientNMS_TRT plugin computes in. {@link #CHOSEN}: whatever the builder picks. On an H200 it picked
 * FP32 ({@code EfficientNMS<float>}, about 40 µs a call at batch 1) in the FP16 and INT8 engines fed float input, and
 * FP16 ({@code EfficientNMS<__half>}, about 24 µs) in the uint8-input ones. {@link #FP16}: the plugin layer's precision
 * pinned to FP16 (a preferred constraint, so a builder that cannot honour it warns and falls back), the ladder step
 * that separates the plugin's precision from the input format.
 */
public enum NmsPrecision {
  CHOSEN("auto"),
  FP16("fp16");

  private final String id;

  NmsPrecision(String id) {
    this.id = id;
  }

  /** {@code auto} or {@code fp16}; {@code -nmsfp16} marks the second in a configuration name. */
  public String id() {
    return id;
  }

  public static NmsPrecision parse(String id) {
    for (NmsPrecision p : values()) {
      if (p.id.equals(id)) {
        return p;
      }
    }
    throw new IllegalArgumentException("Unknown NMS precision '%s'; available: %s".formatted(id,
        Arrays.stream(values()).map(NmsPrecision::id).collect(Collectors.joining(", "))));
  }
}
