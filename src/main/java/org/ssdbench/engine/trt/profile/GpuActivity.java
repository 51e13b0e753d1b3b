package org.ssdbench.engine.trt.profile;

import java.util.Objects;

/**
 * One piece of GPU work from a CUPTI activity record, copied into plain Java (no native pointer survives the buffer).
 *
 * @param name the kernel's name, or for copies and fills one of {@link KernelKind}'s fixed names ("memcpy HtoD", ...)
 * @param startNs GPU timestamp in ns (CUPTI's clock)
 * @param bytes bytes moved or set; 0 for kernels
 */
public record GpuActivity(Type type, String name, long startNs, long endNs, long bytes) {
  /** What the record was. */
  public enum Type {
    KERNEL,
    MEMCPY,
    MEMSET
  }

  public GpuActivity {
    Objects.requireNonNull(type, "type");
    Objects.requireNonNull(name, "name");
    if (endNs < startNs) {
      throw new IllegalArgumentException("%s '%s' ends before it starts: start %d ns, end %d ns"
          .formatted(type, name, startNs, endNs));
    }
  }

  public long durationNs() {
    return endNs - startNs;
  }
}
