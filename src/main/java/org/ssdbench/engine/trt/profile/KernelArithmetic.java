package org.ssdbench.engine.trt.profile;

import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The arithmetic a convolution or GEMM kernel computes in, read from its name: TensorRT's kernels spell their operand
 * types ({@code i8i8_i8i32_f32}, {@code f16f16_f16f16_f16}, {@code f32f32_f32f32_f32}, {@code INT8NCxHW32},
 * {@code depthwiseHMMA_FP16}, {@code _ffma_}). An INT8 build may keep a layer in FP16 or FP32 where that kernel timed
 * faster, so an INT8 engine's time by arithmetic shows how much of it really ran in INT8.
 *
 * <pre>{@code
 * KernelArithmetic.of("sm80_xmma_fprop_implicit_gemm_interleaved_i8i8_i8i32_f32_nchw...")   // INT8
 * KernelArithmetic.microsByArithmetic(lines)   // convolution and GEMM kernels only
 * }</pre>
 */
public enum KernelArithmetic {
  INT8("INT8", List.of("i8i8", "i8f32", "int8", "_i8_", "imma")),
  FP16("FP16", List.of("f16", "fp16", "hmma", "half")),
  TF32("TF32", List.of("tf32")),
  FP32("FP32", List.of("f32f32", "fp32", "ffma", "_f32_")),
  /** A name that spells no type (e.g. {@code sm72_trt_dep_sep_conv_turing_CONFIG_13_32x256x32_stride_2}). */
  NOT_NAMED("type not in the name", List.of());

  private final String label;
  private final List<String> markers;

  KernelArithmetic(String label, List<String> markers) {
    this.label = label;
    this.markers = markers;
  }

  public String label() {
    return label;
  }

  /** The first arithmetic whose marker the name contains (INT8 before FP16 before TF32 before FP32). */
  public static KernelArithmetic of(String kernelName) {
    String name = kernelName.toLowerCase(Locale.ROOT);
    for (KernelArithmetic a : values()) {
      if (a.markers.stream().anyMatch(name::contains)) {
        return a;
      }
    }
    return NOT_NAMED;
  }

  /** Microseconds per inference of the convolution, depthwise and GEMM kernels, by arithmetic, in enum order. */
  public static Map<KernelArithmetic, Double> microsByArithmetic(List<KernelLine> lines) {
    Map<KernelArithmetic, Double> byArithmetic = new EnumMap<>(KernelArithmetic.class);
    for (KernelLine line : lines) {
      if (line.kind() == KernelKind.CONVOLUTION || line.kind() == KernelKind.DEPTHWISE_CONVOLUTION) {
        byArithmetic.merge(of(line.kernel()), line.microsPerInference(), Double::sum);
      }
    }
    return byArithmetic;
  }

  /** {@link #microsByArithmetic} as fractions of their sum; empty where the lines hold no convolution time. */
  public static Map<KernelArithmetic, Double> shares(List<KernelLine> lines) {
    Map<KernelArithmetic, Double> micros = microsByArithmetic(lines);
    double total = micros.values().stream().mapToDouble(Double::doubleValue).sum();
    Map<KernelArithmetic, Double> shares = new EnumMap<>(KernelArithmetic.class);
    if (total > 0) {
      micros.forEach((a, us) -> shares.put(a, us / total));
    }
    return shares;
  }
}
