package org.ssdbench.engine.trt;

/**
 * The type the EfficientNMS_TRT plugin computes in. {@link #CHOSEN}: whatever the builder picks, build by build: on an
 * H200 it picked FP32 ({@code EfficientNMS<float>}, about 40 µs a call at batch 1) in one FP16 build and FP16
 * ({@code EfficientNMS<__half>}, about 24 µs) in the next build of the same network. {@link #FP16}: the plugin layer's
 * precision pinned to FP16 (a preferred constraint, so a builder that cannot honour it warns and falls back), the
 * ladder step that takes that choice away from the builder.
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
    return EnumIds.parse(values(), NmsPrecision::id, id, "NMS precision");
  }
}
