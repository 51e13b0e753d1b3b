package org.ssdbench.cli;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import picocli.CommandLine;

final class RunKernelProfileOptionTest {
  private static RunCommand parse(String... args) {
    RunCommand run = new RunCommand();
    new CommandLine(run).parseArgs(args);
    return run;
  }

  @Test
  void noProfileSkipsTheKernelProfileAndLeavesTheQuickOrFullProfileAlone() {
    RunCommand run = parse("--no-kernel-profile", "--profile", "full");
    assertThat(run.noKernelProfile).isTrue();
    assertThat(run.profile).isEqualTo("full");
    assertThat(parse().noKernelProfile).isFalse();
  }

  @Test
  void saysWhyTheKernelProfileDoesNotRun() {
    SkipReasons gpu = new SkipReasons(true);
    assertThat(RunCommand.whyNoKernelProfile(false, false, "", gpu)).isEmpty();
    assertThat(RunCommand.whyNoKernelProfile(true, false, "", gpu)).isEqualTo("--no-kernel-profile");
    assertThat(RunCommand.whyNoKernelProfile(false, true, "", gpu)).isEqualTo("--no-trt");
    assertThat(RunCommand.whyNoKernelProfile(false, false, "libnvinfer missing (-Predist)", gpu))
        .isEqualTo("libnvinfer missing (-Predist)");
    assertThat(RunCommand.whyNoKernelProfile(false, false, "libnvinfer missing", new SkipReasons(false)))
        .isEqualTo(SkipReasons.NO_GPU);
  }

  @Test
  void helpListsTheOption() {
    String usage = Main.commandLine().getSubcommands().get("run").getUsageMessage();
    assertThat(usage).contains("--no-kernel-profile").contains("per-kernel GPU profile");
  }
}
