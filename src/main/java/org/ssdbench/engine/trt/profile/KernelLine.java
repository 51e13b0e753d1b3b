package org.ssdbench.engine.trt.profile;

import java.util.Objects;

/**
 * One kernel name (or copy or fill) of an engine's profile, per inference: a line of {@code trt-kernels.csv}.
 *
 * @param kind as classified when written; the report classifies {@code kernel} again with {@link KernelKind#of}
 * @param share of the summed kernel, copy and fill time
 */
public record KernelLine(String config, int batch, String kernel, KernelKind kind, double launchesPerInference,
    double microsPerInference, double share) {
  public KernelLine {
    Objects.requireNonNull(config, "config");
    Objects.requireNonNull(kernel, "kernel");
    Objects.requireNonNull(kind, "kind");
  }
}
