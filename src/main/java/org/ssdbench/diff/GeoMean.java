package org.ssdbench.diff;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The geometric mean of the ratios of one run against the baseline, over the benchmarks both runs have and that could be
 * compared, as benchstat prints it. Time and throughput benchmarks are summarised apart (their ratios point opposite ways).
 *
 * @param baselineRun label of the baseline
 * @param run label of the other run
 * @param kind "time per op" or "throughput"
 * @param ratio exp(mean(log ratio))
 * @param benchmarks how many ratios it summarises
 */
public record GeoMean(String baselineRun, String run, String kind, double ratio, int benchmarks) {

  /** One summary per (run, kind) present in {@code comparisons}, in their order. */
  public static List<GeoMean> of(List<Comparison> comparisons) {
    Map<List<String>, List<Double>> logs = new LinkedHashMap<>();
    Map<List<String>, String> baselines = new LinkedHashMap<>();
    for (Comparison c : comparisons) {
      if (c.change() == Change.MISSING || c.change() == Change.INCOMPARABLE || !(c.ratio() > 0)
          || Double.isInfinite(c.ratio())) {
        continue;
      }
      List<String> key = List.of(c.run(), c.mode().equals("thrpt") ? "throughput" : "time per op");
      logs.computeIfAbsent(key, k -> new ArrayList<>()).add(Math.log(c.ratio()));
      baselines.put(key, c.baselineRun());
    }
    List<GeoMean> out = new ArrayList<>();
    logs.forEach((key, values) -> out.add(new GeoMean(baselines.get(key), key.get(0), key.get(1),
        Math.exp(values.stream().mapToDouble(Double::doubleValue).average().orElseThrow()), values.size())));
    return out;
  }
}
