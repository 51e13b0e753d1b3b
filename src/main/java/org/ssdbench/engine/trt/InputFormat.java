package org.ssdbench.engine.trt;

/**
 * What the engine's input tensor holds, and so what the host copies to the GPU in each timed call.
 *
 * <p>{@link #FLOAT_NCHW}: the preprocessed image, float {@code [B, 3, H, W]} in [-1, 1], made on the host outside the timed
 * call (the article's way); 4 bytes a value. {@link #UINT8_NHWC}: the pixels as decoded, uint8 {@code [B, H, W, 3]}; the
 * engine casts, scales and transposes them itself ({@link Uint8Front}), so the copy is a quarter of the bytes and the
 * preprocessing is inside the timed call, as in a user's pipeline.
 */
public enum InputFormat {
  FLOAT_NCHW("f32", 4),
  UINT8_NHWC("u8", 1);

  private final String id;
  private final int bytesPerValue;

  InputFormat(String id, int bytesPerValue) {
    this.id = id;
    this.bytesPerValue = bytesPerValue;
  }

  /** {@code f32} or {@code u8}: {@code u8} is the step's mark in a configuration name ({@code trt-fp16-u8-graph}). */
  public String id() {
    return id;
  }

  public int bytesPerValue() {
    return bytesPerValue;
  }

  public static InputFormat parse(String id) {
    return EnumIds.parse(values(), InputFormat::id, id, "input format");
  }
}
