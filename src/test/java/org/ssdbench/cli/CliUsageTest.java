package org.ssdbench.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.ssdbench.placement.Placement;

final class CliUsageTest {
  @TempDir Path dir;

  private record Result(int code, String out, String err) {}

  private static Result execute(String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int code = Main.commandLine().setOut(new PrintWriter(out)).setErr(new PrintWriter(err)).execute(args);
    return new Result(code, out.toString(), err.toString());
  }

  @Test
  void runHelpListsEveryConfigurationAndTheProfileDefault() {
    Result help = execute("run", "--help");

    assertThat(help.code).isZero();
    assertThat(help.out.replaceAll("\\s+", " ")).contains(Placement.names().toArray(String[]::new))
        .contains("(default: quick)").contains("trt-fp16-graph");
  }

  @Test
  void versionNamesTheProgramAndTheBuildsVersionAndCommit() {
    Result version = execute("-V");
    Result runVersion = execute("run", "-V");

    assertThat(version.out.strip()).startsWith(Main.NAME + " ").contains("commit ").doesNotContain("ssd-gpu-bench");
    assertThat(runVersion.out.strip()).isEqualTo(version.out.strip());
    assertThat(execute("--help").out).contains("Usage: " + Main.NAME);
  }

  @Test
  void topLevelHelpShowsTheDiffDescriptionAsAWholeSentence() {
    String help = execute("--help").out;

    assertThat(help).containsPattern("diff\\s+Compares two or more run folders benchmark by benchmark, the first as\\s+baseline\\.");
  }

  @Test
  void aMistypedCommandIsAUsageErrorNamingTheAvailableOnes() {
    assertThat(Main.matchesBenchmark("reprot")).isFalse();
    assertThat(Main.matchesBenchmark("EndToEndBenchmark")).isTrue();
    assertThat(Main.matchesBenchmark("[")).isFalse();
    assertThat(Main.unknownCommand("reprot")).contains("unknown command 'reprot'").contains("report, diff");
  }

  @Test
  void unknownConfigurationIsOneLineExitTwoNamingTheValidOnes() {
    Result result = execute("run", "--configs", "tf-gpx", "--results", dir.toString());

    assertThat(result.code).isEqualTo(ExitCodes.USAGE);
    assertThat(result.err.strip()).doesNotContain("\n").contains("'tf-gpx'").contains("tf-cpu, tf-gpu")
        .doesNotContain("\tat ");
  }

  @Test
  void unknownProfileAndBadNumbersAreUsageErrors() {
    Result profile = execute("run", "--profile", "fast", "--results", dir.toString());
    Result batch = execute("run", "--batch", "0", "--results", dir.toString());
    Result notANumber = execute("run", "--batch", "one", "--results", dir.toString());
    Result trt = execute("run", "--trt-configs", "trt-fp64", "--results", dir.toString());

    assertThat(profile.code).isEqualTo(2);
    assertThat(profile.err).contains("Unknown profile 'fast'; available: quick, full");
    assertThat(batch.code).isEqualTo(2);
    assertThat(batch.err).contains("--batch: 0");
    assertThat(notANumber.code).isEqualTo(2);
    assertThat(notANumber.err.strip().lines()).hasSize(1);
    assertThat(trt.code).isEqualTo(2);
    assertThat(trt.err).contains("'trt-fp64'").contains("trt-fp16-graph");
  }

  @Test
  void aMissingModelFileExitsOneNamingTheFileBeforeCreatingAnything() throws Exception {
    Path results = dir.resolve("results");
    Result result = execute("run", "--model", dir.resolve("nope.pb").toString(), "--results", results.toString());

    assertThat(result.code).isEqualTo(ExitCodes.BAD_INPUT);
    assertThat(result.err).contains("nope.pb").contains("frozen_inference_graph.pb").doesNotContain("\tat ");
    assertThat(results).doesNotExist();
  }

  @Test
  void aBadImageIsFoundBeforeAnyFolderExists() throws Exception {
    Path results = dir.resolve("results");
    Path notAnImage = Files.writeString(dir.resolve("photo.png"), "not a png");

    Result result = execute("run", "--image", notAnImage.toString(), "--no-trace", "--results", results.toString());

    assertThat(result.code).isEqualTo(1);
    assertThat(result.err).contains("photo.png").contains("JPEG or PNG");
    assertThat(results).doesNotExist();
  }

  @Test
  void aResultsPathThatIsAFileIsRefusedWithAMessage() throws Exception {
    Path file = Files.writeString(dir.resolve("results"), "x");

    Result result = execute("run", "--results", file.toString());

    assertThat(result.code).isEqualTo(2);
    assertThat(result.err).contains("is a file, not a folder");
  }

  @Test
  void aReadOnlyParentIsRefusedWithAMessage() throws Exception {
    Path parent = Files.createDirectories(dir.resolve("ro"));
    assertThat(parent.toFile().setWritable(false, false)).isTrue();
    try {
      org.junit.jupiter.api.Assumptions.assumeFalse(Files.isWritable(parent), "running as root: every folder is writable");
      Result result = execute("run", "--results", parent.resolve("results").toString());
      assertThat(result.code).isEqualTo(2);
      assertThat(result.err).contains("read-only");
    } finally {
      parent.toFile().setWritable(true, false);
    }
  }

  @Test
  void anExistingOutFolderIsAUsageError() throws Exception {
    Path out = Files.createDirectories(dir.resolve("run"));

    Result result = execute("run", "--out", out.toString());

    assertThat(result.code).isEqualTo(2);
    assertThat(result.err).contains("exists already");
  }

  @Test
  void otherErrorsAreOneLineWithoutVerboseAndAStackTraceWithIt() {
    CliErrors errors = new CliErrors();
    var cmd = Main.commandLine();
    StringWriter quiet = new StringWriter();
    cmd.setErr(new PrintWriter(quiet));
    int code = errors.handleExecutionException(new IllegalStateException("engine exploded"), cmd,
        cmd.parseArgs("report", "x"));
    StringWriter loud = new StringWriter();
    var cmd2 = Main.commandLine();
    cmd2.setErr(new PrintWriter(loud));
    errors.handleExecutionException(new IllegalStateException("engine exploded"), cmd2,
        cmd2.parseArgs("report", "x", "--verbose"));

    assertThat(code).isEqualTo(1);
    assertThat(quiet.toString()).contains("engine exploded").contains("--verbose").doesNotContain("\tat ");
    assertThat(loud.toString()).contains("\tat ");
  }
}
