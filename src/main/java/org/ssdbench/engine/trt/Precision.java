package org.ssdbench.engine.trt;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/** The precision TensorRT may choose kernels in. */
public enum Precision {
  /** Strict FP32: BuilderFlag kTF32 cleared, so no TF32 tensor-core rounding. */
  FP32,
  /** BuilderFlag kFP16: FP16 where faster, FP32 elsewhere. */
  FP16,
  /** BuilderFlag kINT8 with an entropy calibrator over generated images, and kFP16 for layers without INT8 kernels. */
  INT8;

  public String id() {
    return name().toLowerCase(Locale.ROOT);
  }

  public static Precision parse(String s) {
    for (Precision p : values()) {
      if (p.id().equalsIgnoreCase(s.trim())) {
        return p;
      }
    }
    throw new IllegalArgumentException("Unknown precision '%s'; available: %s".formatted(s,
        Arrays.stream(values()).map(Precision::id).collect(Collectors.joining(", "))));
  }
}
