package org.ssdbench.report.run;

import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.ssdbench.report.jmh.BenchmarkResult;
import org.ssdbench.results.Environment;
import org.ssdbench.results.RunFolder;

/**
 * One run folder as the report sees it.
 *
 * @param folder the run folder
 * @param environment the run's {@code env.json}; null when the folder has none
 * @param results every result of every {@code jmh-*.json}, in file-name order, then file order
 */
public record RunData(RunFolder folder, Environment environment, List<BenchmarkResult> results) {
  public RunData {
    Objects.requireNonNull(folder, "folder");
    results = List.copyOf(results);
  }

  /** The folder's name, e.g. {@code bench-h100-01-H100-20261125T0800}. */
  public String name() {
    return folder.dir().toAbsolutePath().normalize().getFileName().toString();
  }

  public Optional<Environment> env() {
    return Optional.ofNullable(environment);
  }
}
