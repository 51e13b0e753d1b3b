package org.ssdbench.bench;

import java.io.IOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.results.format.ResultFormatType;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.RunnerException;
import org.openjdk.jmh.runner.options.ChainedOptionsBuilder;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.openjdk.jmh.runner.options.TimeValue;

/**
 * Runs one benchmark class through JMH's Runner with a {@link Profile}, writing JMH JSON. JMH prints its usual progress
 * (each benchmark, iteration and result) as it goes. A configuration whose setup fails (a missing GPU, a detection
 * mismatch) is reported by JMH and the others still run; the caller sees which ones came back.
 *
 * <p>JMH writes its JSON to {@code <name>.partial} and it is renamed to {@code <name>} once JMH returns, so a run that
 * is killed midway leaves a {@code .partial} file, never a truncated or empty {@code jmh-*.json} that looks complete.
 */
public final class JmhLauncher {
  private JmhLauncher() {}

  public static Collection<RunResult> run(Class<?> benchmark, Map<String, List<String>> params, Profile profile,
      Path jsonResult, List<String> extraJvmArgs) throws RunnerException {
    return run(java.util.regex.Pattern.quote(benchmark.getName()) + "\\.", params, profile, jsonResult, extraJvmArgs);
  }

  /** Runs the benchmarks {@code include} (a JMH regular expression) selects. */
  public static Collection<RunResult> run(String include, Map<String, List<String>> params, Profile profile,
      Path jsonResult, List<String> extraJvmArgs) throws RunnerException {
    ChainedOptionsBuilder options = new OptionsBuilder()
        .include(include)
        .forks(profile.forks())
        .warmupIterations(profile.warmupIterations())
        .warmupTime(TimeValue.seconds(profile.warmupSeconds()))
        .measurementIterations(profile.measurementIterations())
        .measurementTime(TimeValue.seconds(profile.measurementSeconds()))
        .shouldFailOnError(false)
        .resultFormat(ResultFormatType.JSON)
        .result(partial(jsonResult).toString());
    if (!extraJvmArgs.isEmpty()) {
      options.jvmArgsAppend(extraJvmArgs.toArray(String[]::new));
    }
    params.forEach((name, values) -> options.param(name, values.toArray(String[]::new)));
    Collection<RunResult> results = new Runner(options.build()).run();
    complete(jsonResult);
    return results;
  }

  /** Where JMH writes {@code json} until it is complete. */
  public static Path partial(Path json) {
    return json.resolveSibling(json.getFileName() + ".partial");
  }

  /** Renames the finished {@link #partial} file to {@code json} (atomically where the file system can). */
  static void complete(Path json) throws RunnerException {
    Path partial = partial(json);
    if (!Files.exists(partial)) {
      return; // JMH wrote nothing (no benchmark ran)
    }
    try {
      try {
        Files.move(partial, json, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
      } catch (AtomicMoveNotSupportedException e) {
        Files.move(partial, json, StandardCopyOption.REPLACE_EXISTING);
      }
    } catch (IOException e) {
      throw new RunnerException("cannot rename " + partial + " to " + json + ": " + e.getMessage(), e);
    }
  }
}
