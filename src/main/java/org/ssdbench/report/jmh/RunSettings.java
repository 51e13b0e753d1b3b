package org.ssdbench.report.jmh;

import java.util.List;

/**
 * How JMH ran one benchmark, as written into its JSON. Strings are null when the file did not have them.
 *
 * @param jmhVersion e.g. "1.37"
 * @param jvm path of the java binary that ran the forks
 * @param jvmArgs the forks' JVM arguments
 * @param jdkVersion e.g. "17.0.15"
 * @param vmName e.g. "OpenJDK 64-Bit Server VM"
 * @param forks number of forks (0: ran in the host VM)
 * @param threads worker threads
 * @param warmupIterations warm-up iterations per fork
 * @param warmupTime e.g. "10 s"
 * @param measurementIterations measured iterations per fork
 * @param measurementTime e.g. "10 s"
 */
public record RunSettings(
    String jmhVersion,
    String jvm,
    List<String> jvmArgs,
    String jdkVersion,
    String vmName,
    int forks,
    int threads,
    int warmupIterations,
    String warmupTime,
    int measurementIterations,
    String measurementTime) {

  public RunSettings {
    jvmArgs = List.copyOf(jvmArgs);
    if (forks < 0 || threads < 0 || warmupIterations < 0 || measurementIterations < 0) {
      throw new IllegalArgumentException(
          "forks, threads and iteration counts cannot be negative: forks=" + forks + " threads=" + threads
              + " warmupIterations=" + warmupIterations + " measurementIterations=" + measurementIterations);
    }
  }
}
