package org.ssdbench.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine.HelpCommand;
import picocli.CommandLine.Option;
import picocli.CommandLine.ScopeType;

/** The top-level command: lists the subcommands. Arguments that name none of them are passed to JMH. */
@Command(
    name = Main.NAME,
    mixinStandardHelpOptions = true,
    versionProvider = VersionProvider.class,
    description = {
      "SSD MobileNet V2 inference benchmarks: TensorFlow on CPU and GPU, NMS placement, TensorRT.",
      "JMH options (e.g. '-l', '-f 1 EndToEnd') go to JMH. Exit codes: 0 done, 1 bad input file or error,",
      "2 usage error, 3 some configuration without a result, 4 nothing ran (everything skipped)."
    },
    subcommands = {ModelCommand.class, RunCommand.class, OpsCommand.class, ReportCommand.class, DiffCommand.class,
        HelpCommand.class})
final class SuiteCommand implements Runnable {
  @Option(names = "--verbose", scope = ScopeType.INHERIT,
      description = "Print the stack trace of an error (by default one line names what went wrong).")
  boolean verbose;

  @Override
  public void run() {
    new picocli.CommandLine(this).usage(System.out);
  }
}
