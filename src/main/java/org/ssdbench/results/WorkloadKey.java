package org.ssdbench.results;

import java.util.List;
import java.util.function.Function;

/**
 * What work a benchmark result timed, read from its params: model, images, score threshold and batch. Two results are
 * compared (a speedup, a ladder step, the article's ratios) only when their keys are equal.
 */
public final class WorkloadKey {
  /** The params that name the work. */
  public static final List<String> PARAMS = List.of("model", "image", "scoreThreshold", "batch");

  private WorkloadKey() {}

  /** E.g. {@code model=generated image=synthetic scoreThreshold=0.3 batch=1}; absent params are left out. */
  public static String of(Function<String, String> param) {
    StringBuilder key = new StringBuilder();
    for (String p : PARAMS) {
      String v = param.apply(p);
      if (v != null) {
        key.append(key.isEmpty() ? "" : " ").append(p).append('=').append(v);
      }
    }
    return key.toString();
  }
}
