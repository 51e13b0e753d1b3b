package org.ssdbench.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

final class ModelCommandTest {
  @TempDir Path dir;

  private record Run(int code, String out, String err) {}

  private static Run run(String... args) {
    CommandLine cl = Main.commandLine();
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    cl.setOut(new PrintWriter(out));
    cl.setErr(new PrintWriter(err));
    int code = cl.execute(args);
    return new Run(code, out.toString(), err.toString());
  }

  @Test
  void isRegisteredAsASuiteCommand() {
    assertThat(Main.commandNames()).contains("model");
  }

  @Test
  void writesTheGraphAndReportsTheFile() throws Exception {
    Path pb = dir.resolve("out/ssd.pb");
    Run r = run("model", "--write", pb.toString());
    assertThat(r.code()).isZero();
    assertThat(r.out()).contains("Wrote graph to " + pb).contains("sha256 ");
    assertThat(r.out()).contains("(" + Files.size(pb) + " bytes");
    assertThat(Files.size(pb)).isGreaterThan(60_000_000L);
  }

  @Test
  void describesAWrittenFileNextToTheReference() throws Exception {
    Path pb = dir.resolve("ssd.pb");
    assertThat(run("model", "--write", pb.toString(), "--seed", "9").code()).isZero();
    Run r = run("model", "--describe", "--model", pb.toString());
    assertThat(r.code()).isZero();
    assertThat(r.out()).contains("Model: " + pb).contains("| figure | ours | reference |")
        .contains("| nodes |").contains("8,521").contains("| NMS ops | 90 (NonMaxSuppressionV3) | 90 |")
        .contains("| anchors | 1,917 | 1,917 |").contains("| detection_boxes | DT_FLOAT | [?, 100, 4] |");
  }

  @Test
  void failsWithTheLoadersMessageOnAMissingModel() {
    Run r = run("model", "--describe", "--model", dir.resolve("missing.pb").toString());
    assertThat(r.code()).isNotZero();
    assertThat(r.err()).contains("Model file not found");
  }
}
