package org.ssdbench.bench;

import java.nio.file.Path;
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
        .result(jsonResult.toString());
    if (!extraJvmArgs.isEmpty()) {
      options.jvmArgsAppend(extraJvmArgs.toArray(String[]::new));
    }
    params.forEach((name, values) -> options.param(name, values.toArray(String[]::new)));
    return new Runner(options.build()).run();
  }
}
