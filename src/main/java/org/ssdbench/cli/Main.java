package org.ssdbench.cli;

import java.util.Set;
import picocli.CommandLine;

/**
 * The suite's front door. The first argument picks a command ({@code model}, {@code run}, {@code report}, {@code diff});
 * anything else goes to JMH's own {@link org.openjdk.jmh.Main}, so {@code java -jar benchmarks.jar -l} and every plain JMH
 * option keep working on the shaded jar.
 */
public final class Main {
  private Main() {}

  public static void main(String[] args) throws Exception {
    if (args.length > 0 && isSuiteCommand(args[0])) {
      System.exit(commandLine().execute(args));
    }
    org.openjdk.jmh.Main.main(args);
  }

  static CommandLine commandLine() {
    return new CommandLine(new SuiteCommand());
  }

  static boolean isSuiteCommand(String first) {
    return commandNames().contains(first) || Set.of("-h", "--help", "-V", "--version", "help").contains(first);
  }

  static Set<String> commandNames() {
    return commandLine().getSubcommands().keySet();
  }
}
