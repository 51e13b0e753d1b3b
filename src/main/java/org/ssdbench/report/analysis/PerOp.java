package org.ssdbench.report.analysis;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.ssdbench.report.jmh.BenchmarkResult;

/**
 * Groups per-op results ({@code OpBenchmark}, params {@code op}, {@code signature}, {@code device} in {cpu, gpu}, {@code
 * variant} in {host-fed, device-resident}) into one {@link OpTiming} per op and signature, in the order they first
 * appear. The CPU time is the host-fed one, like the GPU time the chart's ratio is formed with (so both sides pay for
 * feeding their inputs); a device-resident CPU result stands in only where there is no host-fed one.
 */
public final class PerOp {
  public static final String CLASS = "org.ssdbench.bench.OpBenchmark";

  private PerOp() {}

  public static boolean isPerOp(BenchmarkResult r) {
    return CLASS.equals(r.benchmarkClass()) && r.param("op") != null && r.param("device") != null;
  }

  public static List<OpTiming> timings(List<BenchmarkResult> results) {
    Map<List<String>, double[]> byOp = new LinkedHashMap<>();
    for (BenchmarkResult r : results) {
      if (!isPerOp(r)) {
        continue;
      }
      double micros = Units.toMillisPerOp(r.primary().score(), r.primary().unit()) * 1000;
      String signature = r.param("signature") == null ? "" : r.param("signature");
      double[] times = byOp.computeIfAbsent(
          List.of(r.param("op"), signature), k -> new double[] {Double.NaN, Double.NaN, Double.NaN, Double.NaN});
      int slot = slot(r.param("device"), r.param("variant"));
      if (slot >= 0) {
        times[slot] = micros;
      }
    }
    return byOp.entrySet().stream()
        .map(e -> new OpTiming(e.getKey().get(0), e.getKey().get(1),
            Double.isNaN(e.getValue()[0]) ? e.getValue()[3] : e.getValue()[0], e.getValue()[1], e.getValue()[2]))
        .toList();
  }

  private static int slot(String device, String variant) {
    if ("cpu".equals(device)) {
      return "device-resident".equals(variant) ? 3 : 0;
    }
    if ("gpu".equals(device)) {
      return "device-resident".equals(variant) ? 2 : 1;
    }
    return -1;
  }
}
