package org.ssdbench.report.analysis;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.ssdbench.ops.NetTime;
import org.ssdbench.report.jmh.BenchmarkResult;
import org.ssdbench.report.stats.IterationScores;
import org.ssdbench.report.stats.MeanInterval;
import org.ssdbench.report.stats.ScoreUnit;

/**
 * Groups per-op results ({@code OpBenchmark}, params {@code op}, {@code signature}, {@code device} in {cpu, gpu}, {@code
 * variant} in {host-fed, device-resident}, {@code graph} in {op, control}) into one {@link OpTiming} per op and
 * signature, in the order they first appear.
 *
 * <p>Where the run measured the negative control ({@code graph=control}: the same feeds and fetches through a graph that
 * does no work), each time is the op's own: call minus control, with the two 95% half-widths combined in quadrature; a
 * control slower than the call beyond that uncertainty leaves the time unknown (NaN) rather than negative. Runs without
 * controls give the call times, and {@link OpTiming#controlSubtracted()} says so.
 *
 * <p>The CPU time is the host-fed one, like the GPU time the chart's ratio is formed with (so both sides pay for feeding
 * their inputs); a device-resident CPU result stands in only where there is no host-fed one.
 */
public final class PerOp {
  public static final String CLASS = "org.ssdbench.bench.OpBenchmark";
  private static final ScoreUnit MICROS = ScoreUnit.of("us/op");

  private PerOp() {}

  public static boolean isPerOp(BenchmarkResult r) {
    return CLASS.equals(r.benchmarkClass()) && r.param("op") != null && r.param("device") != null;
  }

  public static List<OpTiming> timings(List<BenchmarkResult> results) {
    Map<List<String>, MeanInterval[][]> byOp = new LinkedHashMap<>();
    for (BenchmarkResult r : results) {
      int slot = isPerOp(r) ? slot(r.param("device"), r.param("variant")) : -1;
      if (slot < 0) {
        continue;
      }
      String signature = r.param("signature") == null ? "" : r.param("signature");
      MeanInterval[][] slots = byOp.computeIfAbsent(List.of(r.param("op"), signature), k -> new MeanInterval[2][4]);
      slots["control".equals(r.param("graph")) ? 1 : 0][slot] = interval(r);
    }
    return byOp.entrySet().stream().map(e -> timing(e.getKey().get(0), e.getKey().get(1), e.getValue())).toList();
  }

  private static OpTiming timing(String op, String signature, MeanInterval[][] slots) {
    boolean controlled = false;
    double[] micros = new double[4];
    double[] half = new double[4];
    for (int i = 0; i < 4; i++) {
      MeanInterval call = slots[0][i];
      MeanInterval control = slots[1][i];
      micros[i] = call == null ? Double.NaN : call.mean();
      half[i] = call == null ? Double.NaN : call.halfWidth();
      if (call != null && control != null) {
        controlled = true;
        NetTime net = NetTime.of(call.mean(), call.halfWidth(), control.mean(), control.halfWidth());
        half[i] = net.halfWidth();
        micros[i] = net.micros();
      }
    }
    int cpu = Double.isNaN(micros[0]) && slots[0][0] == null ? 3 : 0;
    return new OpTiming(op, signature, micros[cpu], micros[1], micros[2], half[cpu], half[1], half[2], controlled);
  }

  /** The result's mean in us per call with its 95% interval; the JMH score where there are no iteration scores. */
  private static MeanInterval interval(BenchmarkResult r) {
    double score = Units.toMillisPerOp(r.primary().score(), r.primary().unit()) * 1000;
    try {
      MeanInterval ci = MeanInterval.of(IterationScores.of(r.primary()).in(MICROS));
      return new MeanInterval(score, ci.low() - ci.mean() + score, ci.high() - ci.mean() + score, ci.n());
    } catch (IllegalArgumentException unknownUnit) {
      return new MeanInterval(score, Double.NaN, Double.NaN, 0);
    }
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
