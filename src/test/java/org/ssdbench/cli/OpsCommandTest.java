package org.ssdbench.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.ssdbench.ops.DefaultSignatures;

final class OpsCommandTest {
  @Test
  void isASuiteCommand() {
    assertThat(Main.commandNames()).contains("ops");
    assertThat(Main.isSuiteCommand("ops")).isTrue();
  }

  @Test
  void choosesJmhDevicesByWhetherThereIsAGpu() {
    assertThat(OpsCommand.jmhParams(true)).isEqualTo("-p device=cpu,gpu");
    assertThat(OpsCommand.jmhParams(false)).isEqualTo("-p device=cpu");
  }

  @Test
  void printsTheTopSignaturesWithOccurrences() {
    StringWriter out = new StringWriter();
    int code = Main.commandLine().setOut(new PrintWriter(out)).execute("ops", "--signatures", "--top", "1");
    assertThat(code).isZero();
    assertThat(out.toString())
        .contains(DefaultSignatures.NMS_1)
        .containsPattern("GatherV2\\s+180\\s")
        .contains(DefaultSignatures.CONV2D_1);
  }

  @Test
  void reportFailsWithAMessageWhenTheRunHasNoOpResults(@TempDir Path dir) throws Exception {
    Files.writeString(dir.resolve("jmh-e2e.json"), "[]");
    StringWriter err = new StringWriter();
    int code = Main.commandLine().setErr(new PrintWriter(err)).execute("ops", "--report", dir.toString());
    assertThat(code).isNotZero();
    assertThat(err.toString()).contains("No OpBenchmark results");
  }
}
