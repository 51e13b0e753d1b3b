package org.ssdbench.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.ssdbench.bench.Profile;
import org.ssdbench.bench.Summary;
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
  void profilesBatchOneWhenTheRunTimedIt() {
    assertThat(RunCommand.kernelProfileBatch(Profile.byName("full"))).isEqualTo(1);
    assertThat(RunCommand.kernelProfileBatch(Profile.byName("quick").withBatches(List.of(8, 32)))).isEqualTo(8);
  }

  @Test
  void helpListsTheOption() {
    String usage = Main.commandLine().getSubcommands().get("run").getUsageMessage();
    assertThat(usage).contains("--no-kernel-profile").contains("per-kernel GPU profile");
  }

  @Test
  void profilesOnlyTheEnginesThatWereTimed() {
    Summary timed = new Summary(List.of(new Summary.Row("trt-fp16-graph", 1, 0.45, 0.47, 100, "ms"),
        new Summary.Row("trt-int8-graph", 8, 1.2, 1.3, 100, "ms")));

    assertThat(RunCommand.profiledConfigs(List.of("trt-fp32", "trt-fp16-graph", "trt-int8-graph"), timed, 1))
        .containsExactly("trt-fp16-graph");
    assertThat(RunCommand.profiledConfigs(List.of("trt-fp32"), new Summary(List.of()), 1)).isEmpty();
  }
}
