package org.ssdbench.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine.HelpCommand;

/** The top-level command: lists the subcommands. Arguments that name none of them are passed to JMH. */
@Command(
    name = "ssdbench",
    mixinStandardHelpOptions = true,
    version = "ssd-gpu-bench 0.1.0",
    description = {
      "SSD MobileNet V2 inference benchmarks: TensorFlow on CPU and GPU, NMS placement, TensorRT.",
      "Any arguments that are not a command below go to JMH (e.g. '-l', '-f 1 EndToEnd')."
    },
    subcommands = {ModelCommand.class, RunCommand.class, OpsCommand.class, ReportCommand.class, DiffCommand.class,
        HelpCommand.class})
final class SuiteCommand implements Runnable {
  @Override
  public void run() {
    new picocli.CommandLine(this).usage(System.out);
  }
}
