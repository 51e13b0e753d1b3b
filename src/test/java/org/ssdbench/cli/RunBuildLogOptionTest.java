package org.ssdbench.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

final class RunBuildLogOptionTest {
  private final Path run = Path.of("/results/vm-h200-20261203-091431");

  @Test
  void theTensorRtForksWriteEachBuildsLogIntoTheRunFolder() {
    assertThat(RunCommand.tensorRtForkArgs(List.of("-Xmx4g"), run)).containsExactly("-Xmx4g",
        "-Dssdbench.run.dir=/results/vm-h200-20261203-091431",
        "-Dssdbench.trt.buildLog=/results/vm-h200-20261203-091431/trt-build-logs");
  }

  @Test
  void aBuildLogFolderGivenWithJvmArgIsKept() {
    assertThat(RunCommand.tensorRtForkArgs(List.of("-Dssdbench.trt.buildLog=/tmp/logs"), run))
        .containsExactly("-Dssdbench.trt.buildLog=/tmp/logs", "-Dssdbench.run.dir=/results/vm-h200-20261203-091431");
  }
}
