package org.ssdbench.report.analysis;

import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Sets our measured speedups beside the article's: step 1 (post-processing with NMS on the CPU) 1.3x over step 0
 * ({@code tf-gpu}), and TensorRT 4x over step 0. A claim counts as reproduced when our ratio reaches at least {@link
 * #TOLERANCE} of the claimed factor (the article gives no error bars), and as not measured when either side is missing.
 */
public final class Verdict {
  public static final double STEP1_CLAIM = 1.3;
  public static final double TRT_CLAIM = 4.0;
  public static final String STEP1_CONFIG = "tf-gpu-postproc-cpu";

  /** Fraction of the claimed factor our ratio must reach to count as reproduced. */
  public static final double TOLERANCE = 0.9;

  private Verdict() {}

  /** The article's TensorRT engine: FP32, without CUDA graphs. */
  static final String TRT_CONFIG = "trt-fp32";

  public static List<Claim> claims(List<ConfigLatency> latencies) {
    Optional<ConfigLatency> baseline = EndToEnd.find(latencies, EndToEnd.BASELINE);
    Optional<ConfigLatency> step1 = EndToEnd.find(latencies, STEP1_CONFIG);
    Optional<ConfigLatency> bestTrt = latencies.stream()
        .filter(c -> c.config().startsWith("trt-"))
        .min(Comparator.comparingDouble(ConfigLatency::typicalMillis));
    // The article's engine was FP32 (UFF, no precision flags); the best precision is shown beside it, beyond the article.
    Optional<ConfigLatency> trtFp32 = EndToEnd.find(latencies, TRT_CONFIG);
    return List.of(
        claim("NMS block on CPU (step 1)", STEP1_CLAIM, baseline, step1, STEP1_CONFIG),
        claim("TensorRT FP32 (step 2)", TRT_CLAIM, baseline, trtFp32, TRT_CONFIG),
        claim("TensorRT, fastest configuration", TRT_CLAIM, baseline, bestTrt, "best trt-*"));
  }

  private static Claim claim(
      String name, double claimed, Optional<ConfigLatency> base, Optional<ConfigLatency> other, String otherName) {
    String ratioLabel = EndToEnd.BASELINE + " / " + other.map(ConfigLatency::config).orElse(otherName);
    if (base.isEmpty() || other.isEmpty()) {
      String missing = base.isEmpty() ? EndToEnd.BASELINE : otherName;
      return new Claim(name, ratioLabel, claimed, Double.NaN, Claim.Outcome.NOT_MEASURED,
          "no end-to-end result for " + missing + " in this run");
    }
    double ratio = other.get().speedupOver(base.get());
    if (Double.isNaN(ratio)) {
      return new Claim(name, ratioLabel, claimed, Double.NaN, Claim.Outcome.NOT_MEASURED, "%s timed %s, %s timed %s: not the same work"
          .formatted(EndToEnd.BASELINE, recorded(base.get()), other.get().config(), recorded(other.get())));
    }
    Claim.Outcome outcome = ratio >= claimed * TOLERANCE ? Claim.Outcome.REPRODUCED : Claim.Outcome.NOT_REPRODUCED;
    String detail = String.format(Locale.ROOT, "%.3f ms / %.3f ms = %.2fx (article: %.1fx)",
        base.get().typicalMillis(), other.get().typicalMillis(), ratio, claimed);
    return new Claim(name, ratioLabel, claimed, ratio, outcome, detail);
  }

  private static String recorded(ConfigLatency c) {
    return c.workload().isEmpty() ? "work its results do not name" : c.workload();
  }
}
