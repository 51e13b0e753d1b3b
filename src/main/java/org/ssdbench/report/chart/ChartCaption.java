package org.ssdbench.report.chart;

import org.ssdbench.results.Environment;

/**
 * What every chart's title names besides its subject: the GPU and the date of the run.
 *
 * @param gpu e.g. "NVIDIA H100 80GB HBM3", or "no GPU recorded"
 * @param date e.g. "2026-11-25", or "date unknown"
 */
public record ChartCaption(String gpu, String date) {
  public ChartCaption {
    gpu = gpu == null || gpu.isBlank() ? "no GPU recorded" : gpu;
    date = date == null || date.isBlank() ? "date unknown" : date;
  }

  /** The caption of a run with environment {@code env} (may be null). */
  public static ChartCaption of(Environment env) {
    if (env == null) {
      return new ChartCaption(null, null);
    }
    String timestamp = env.timestamp();
    return new ChartCaption(env.gpuName(), timestamp == null ? null : timestamp.substring(0, Math.min(10, timestamp.length())));
  }

  /** {@code subject} followed by GPU and date, e.g. "End-to-end latency · NVIDIA H100 · 2026-11-25". */
  public String title(String subject) {
    return subject + "  \u00b7  " + gpu + "  \u00b7  " + date;
  }
}
