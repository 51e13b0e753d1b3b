package org.ssdbench.report.analysis;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import org.ssdbench.report.jmh.BenchmarkResult;

/**
 * One result per {@link BenchmarkResult#key()} where a run timed the same configuration, batch and work twice: the
 * throughput sweep's forks build their own workload ({@code workload=none}; the same model, images and threshold as
 * the run's) and so time its batch-1 configuration again beside the run's own TensorRT part, which reads the run
 * folder's workload. The two are different processes of the same engine and differ by their spread (1.5% on an H200);
 * picking whichever was faster, or whichever file was read first, would make a section's number depend on chance.
 *
 * <p>The rule: latency sections (end to end, ladder, the peer comparison, diff) take the run's own measurement, the
 * one that read the run folder's workload; the throughput section takes the sweep's, so its line over batch sizes is
 * one set of forks. Results with a key of their own pass through; the order is kept.
 */
public final class SameKeyResults {
  private SameKeyResults() {}

  /** Whether {@code r} timed a run folder's workload (its {@code workload} param names a folder). */
  public static boolean timedRunWorkload(BenchmarkResult r) {
    String workload = r.param(BenchmarkResult.LOCATION_PARAM);
    return workload != null && !workload.isBlank() && !workload.equals("none");
  }

  /** Whether {@code r} built its own workload in its fork ({@code workload=none}), as the sweep's forks do. */
  public static boolean builtOwnWorkload(BenchmarkResult r) {
    return "none".equals(r.param(BenchmarkResult.LOCATION_PARAM));
  }

  /** One result per key, the run's own measurement (read the run folder's workload) where there are several. */
  public static List<BenchmarkResult> runWorkloadFirst(List<BenchmarkResult> results) {
    return onePerKey(results, SameKeyResults::timedRunWorkload);
  }

  /** One result per key, the sweep's (built its own workload) where there are several. */
  public static List<BenchmarkResult> sweepFirst(List<BenchmarkResult> results) {
    return onePerKey(results, SameKeyResults::builtOwnWorkload);
  }

  /** The results {@link #sweepFirst} leaves out: the run's own measurements of keys the sweep also timed. */
  public static List<BenchmarkResult> leftOutBySweep(List<BenchmarkResult> results) {
    List<BenchmarkResult> kept = sweepFirst(results);
    return results.stream().filter(r -> kept.stream().noneMatch(k -> k == r)).toList();
  }

  private static List<BenchmarkResult> onePerKey(List<BenchmarkResult> results, Predicate<BenchmarkResult> preferred) {
    Map<String, BenchmarkResult> chosen = new LinkedHashMap<>();
    for (BenchmarkResult r : results) {
      BenchmarkResult before = chosen.get(r.key());
      if (before == null || (!preferred.test(before) && preferred.test(r))) {
        chosen.put(r.key(), r);
      }
    }
    List<BenchmarkResult> out = new ArrayList<>();
    for (BenchmarkResult r : results) {
      if (chosen.get(r.key()) == r) {
        out.add(r);
      }
    }
    return out;
  }
}
