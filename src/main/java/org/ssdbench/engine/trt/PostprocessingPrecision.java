package org.ssdbench.engine.trt;

/**
 * The type of the layers between the box predictors and the NMS plugin ({@link PostprocessingLayers}: the reshapes to
 * anchors, the concatenations, the box decode and the score sigmoid). {@link #CHOSEN}: whatever the builder picks per
 * layer. {@link #FP32}: pinned to FP32 (a preferred constraint), the {@code -pp32} configurations. In an H200 INT8
 * build the builder spent 32 of 57 s weighing reformats at the box predictors' outputs, where INT8, FP16 and FP32
 * layouts meet; pinning the layers after them leaves it fewer pairs to weigh (docs/tensorrt.md).
 */
public enum PostprocessingPrecision {
  CHOSEN("auto"),
  FP32("fp32");

  private final String id;

  PostprocessingPrecision(String id) {
    this.id = id;
  }

  /** {@code auto} or {@code fp32}; {@code -pp32} marks the second in a configuration name. */
  public String id() {
    return id;
  }

  public static PostprocessingPrecision parse(String id) {
    return EnumIds.parse(values(), PostprocessingPrecision::id, id, "postprocessing precision");
  }
}
