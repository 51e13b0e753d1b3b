package org.ssdbench.results.trace;

import java.util.Locale;

/**
 * What a row of TF's step stats stands for, told apart by the device name TF gives it. GPU ops appear twice: once where the
 * host thread launched them ({@link #GPU_LAUNCH}) and once per stream where the kernel ran; only the aggregate stream
 * ({@link #GPU_KERNEL}, {@code stream:all}) is counted so that kernel time is not counted twice.
 */
public enum Lane {
  CPU("CPU"),
  GPU_LAUNCH("GPU launch"),
  GPU_KERNEL("GPU kernel"),
  GPU_STREAM("GPU stream"),
  COPY("copy");

  private final String label;

  Lane(String label) {
    this.label = label;
  }

  public String label() {
    return label;
  }

  /** Whether this lane's times add up to op time without counting anything twice. */
  public boolean counted() {
    return this == CPU || this == GPU_KERNEL || this == COPY;
  }

  /**
   * Classifies a step-stats device name. TF's GPU tracer reports each copy twice, on the aggregate {@code .../memcpy}
   * lane and on its stream's lane ({@code stream:14<MemcpyH2D>}), and each kernel on {@code stream:all} and its stream;
   * only the aggregates count, so nothing is counted twice.
   */
  public static Lane of(String device) {
    String d = device.toLowerCase(Locale.ROOT);
    if (d.contains("stream:all")) {
      return GPU_KERNEL;
    }
    if (d.endsWith("/memcpy")) {
      return COPY;
    }
    if (d.contains("stream:")) {
      return GPU_STREAM;
    }
    if (d.contains("memcpy") || d.contains("h2d") || d.contains("d2h") || d.contains("htod") || d.contains("dtoh")) {
      return COPY;
    }
    if (d.contains("gpu:")) {
      return GPU_LAUNCH;
    }
    return CPU;
  }
}
