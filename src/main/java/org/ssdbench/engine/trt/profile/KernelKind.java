package org.ssdbench.engine.trt.profile;

import java.util.List;
import java.util.Locale;

/**
 * What a TensorRT kernel does, read from its name alone, so the report can re-apply (and a later version refine) the
 * classification from the raw names in {@code trt-kernels.csv} without a GPU. The patterns are checked in order, first
 * match wins: copies and fills by their fixed names, then the NMS plugin, depthwise before other convolutions (a
 * depthwise kernel's name often also says "conv"), Myelin's and TensorRT's generated pointwise kernels, layout changes,
 * then convolutions and GEMMs.
 */
public enum KernelKind {
  CONVOLUTION("convolution / GEMM"),
  DEPTHWISE_CONVOLUTION("depthwise convolution"),
  POINTWISE("fused pointwise / elementwise"),
  NMS("NMS plugin"),
  REFORMAT("reformat / transpose / copy kernel"),
  MEMCPY_HTOD("memcpy HtoD"),
  MEMCPY_DTOH("memcpy DtoH"),
  MEMCPY_OTHER("memcpy other"),
  MEMSET("memset"),
  OTHER("other");

  /** The names {@link CuptiTrace} gives copies and fills. */
  public static final String MEMCPY_HTOD_NAME = "memcpy HtoD";
  public static final String MEMCPY_DTOH_NAME = "memcpy DtoH";
  public static final String MEMSET_NAME = "memset";
  /** Prefix of the other copy directions, e.g. "memcpy DtoD". */
  public static final String MEMCPY_PREFIX = "memcpy ";

  private record Rule(KernelKind kind, List<String> fragments) {}

  /** Lower-case fragments of kernel names, in the order they are tried. */
  private static final List<Rule> RULES = List.of(
      // EfficientNMS_TRT's kernels; its score sort runs on CUB's segmented radix sort, which nothing else here uses
      new Rule(NMS, List.of("efficientnms", "batchednms", "nmsplugin", "devicesegmentedradixsort")),
      new Rule(DEPTHWISE_CONVOLUTION, List.of("depthwise", "dwconv", "dw_conv", "fprop_group", "grouped_direct")),
      new Rule(POINTWISE, List.of("__myl_", "generatednativepointwise", "pointwise", "elementwise", "eltwise")),
      new Rule(REFORMAT, List.of("reformat", "copypacked", "nchwto", "nhwcto", "nchwtonchhw", "transpose", "shuffle",
          "permute", "concat")),
      new Rule(CONVOLUTION, List.of("fprop", "conv", "implicit_gemm", "xmma", "cudnn", "cutlass", "gemm", "winograd")));

  private final String label;

  KernelKind(String label) {
    this.label = label;
  }

  /** For tables and charts, e.g. "depthwise convolution". */
  public String label() {
    return label;
  }

  /** The kind of the kernel (or copy or fill) called {@code name}. */
  public static KernelKind of(String name) {
    if (name.equals(MEMCPY_HTOD_NAME)) {
      return MEMCPY_HTOD;
    }
    if (name.equals(MEMCPY_DTOH_NAME)) {
      return MEMCPY_DTOH;
    }
    if (name.startsWith(MEMCPY_PREFIX)) {
      return MEMCPY_OTHER;
    }
    if (name.equals(MEMSET_NAME)) {
      return MEMSET;
    }
    String lower = name.toLowerCase(Locale.ROOT);
    for (Rule rule : RULES) {
      if (rule.fragments().stream().anyMatch(lower::contains)) {
        return rule.kind();
      }
    }
    return OTHER;
  }

  /** Copies and fills, as opposed to kernels. */
  public boolean isCopy() {
    return this == MEMCPY_HTOD || this == MEMCPY_DTOH || this == MEMCPY_OTHER || this == MEMSET;
  }
}
