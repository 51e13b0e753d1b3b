package org.ssdbench.cli;

import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;
import org.openjdk.jmh.runner.BenchmarkList;
import org.openjdk.jmh.runner.BenchmarkListEntry;
import picocli.CommandLine;

/**
 * The suite's front door. The first argument picks a command ({@code model}, {@code run}, {@code report}, {@code diff});
 * JMH options (starting with '-') and benchmark patterns that match a benchmark go to JMH's own {@link
 * org.openjdk.jmh.Main}, so {@code java -jar benchmarks.jar -l} and every plain JMH option keep working on the shaded
 * jar. A first word that is neither (a mistyped command) is a usage error: exit 2 with the commands there are.
 */
public final class Main {
  static final String NAME = "ssdbench";

  private Main() {}

  public static void main(String[] args) throws Exception {
    if (args.length > 0 && isSuiteCommand(args[0])) {
      System.exit(commandLine().execute(args));
    }
    if (args.length > 0 && !args[0].startsWith("-") && !matchesBenchmark(args[0])) {
      System.err.println(unknownCommand(args[0]));
      System.exit(ExitCodes.USAGE);
    }
    org.openjdk.jmh.Main.main(args);
  }

  static CommandLine commandLine() {
    CommandLine commandLine = new CommandLine(new SuiteCommand());
    CliErrors.install(commandLine);
    return commandLine;
  }

  static boolean isSuiteCommand(String first) {
    return commandNames().contains(first) || Set.of("-h", "--help", "-V", "--version", "help").contains(first);
  }

  static Set<String> commandNames() {
    return commandLine().getSubcommands().keySet();
  }

  static String unknownCommand(String word) {
    return NAME + ": unknown command '" + word + "'; available: " + String.join(", ", commandNames())
        + " (or JMH options such as -l, or a benchmark pattern such as EndToEndBenchmark)";
  }

  /** Whether {@code pattern} selects a benchmark of this jar as JMH would (regular expression, found anywhere). */
  static boolean matchesBenchmark(String pattern) {
    Pattern regex;
    try {
      regex = Pattern.compile(pattern);
    } catch (PatternSyntaxException e) {
      return false;
    }
    return benchmarkNames().stream().anyMatch(name -> regex.matcher(name).find());
  }

  static List<String> benchmarkNames() {
    try (InputStream in = Main.class.getResourceAsStream(BenchmarkList.BENCHMARK_LIST)) {
      if (in == null) {
        return List.of();
      }
      return BenchmarkList.readBenchmarkList(in).stream().map(BenchmarkListEntry::getUsername).distinct().toList();
    } catch (IOException e) {
      return List.of();
    }
  }
}
