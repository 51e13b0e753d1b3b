package org.ssdbench.diff;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Function;
import org.ssdbench.report.run.RunData;
import org.ssdbench.results.Environment;

/**
 * Names runs for tables and charts. Runs with the same environment are named by folder; runs that differ are named by
 * GPU and by the versions that differ between them (e.g. "H100 80GB HBM3, TRT 10.6.0" vs "H200, TRT 10.7.0"). Labels
 * that would still clash get the folder name added.
 */
public final class RunLabels {
  private static final Map<String, Function<Environment, String>> VERSIONS = new LinkedHashMap<>();

  static {
    VERSIONS.put("driver", Environment::gpuDriver);
    VERSIONS.put("CUDA", Environment::cudaRuntime);
    VERSIONS.put("cuDNN", Environment::cudnn);
    VERSIONS.put("TF", Environment::tensorflow);
    VERSIONS.put("TRT", Environment::tensorrt);
    VERSIONS.put("commit", Environment::suiteCommit);
  }

  private RunLabels() {}

  public static List<String> of(List<RunData> runs) {
    List<Environment> envs = runs.stream().map(RunData::environment).toList();
    boolean sameEnv = envs.stream().allMatch(e -> e != null && same(e, envs.get(0)));
    List<String> labels = new ArrayList<>();
    for (RunData run : runs) {
      labels.add(sameEnv || run.environment() == null ? run.name() : describe(run.environment(), envs));
    }
    Set<String> seen = new HashSet<>();
    Set<String> clashing = new HashSet<>();
    labels.forEach(l -> {
      if (!seen.add(l)) {
        clashing.add(l);
      }
    });
    for (int i = 0; i < labels.size(); i++) {
      if (clashing.contains(labels.get(i)) && !labels.get(i).equals(runs.get(i).name())) {
        labels.set(i, labels.get(i) + " (" + runs.get(i).name() + ")");
      }
    }
    return labels;
  }

  private static boolean same(Environment a, Environment b) {
    return Objects.equals(a.gpuName(), b.gpuName())
        && VERSIONS.values().stream().allMatch(f -> Objects.equals(f.apply(a), f.apply(b)));
  }

  private static String describe(Environment env, List<Environment> all) {
    StringBuilder label = new StringBuilder(env.gpuName() == null ? "no GPU" : env.gpuName().replaceFirst("^NVIDIA ", ""));
    VERSIONS.forEach((name, field) -> {
      boolean differs = all.stream().anyMatch(e -> e == null || !Objects.equals(field.apply(e), field.apply(env)));
      if (differs) {
        label.append(", ").append(name).append(' ').append(field.apply(env) == null ? "?" : field.apply(env));
      }
    });
    return label.toString();
  }
}
