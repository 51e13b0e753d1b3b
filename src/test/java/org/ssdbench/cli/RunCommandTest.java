package org.ssdbench.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

final class RunCommandTest {
  @Test
  void refusesNoTfTogetherWithConfigsBeforeWritingAnything(@TempDir Path dir) throws Exception {
    StringWriter err = new StringWriter();
    int code = Main.commandLine().setErr(new PrintWriter(err))
        .execute("run", "--no-tf", "--configs", "tf-cpu", "--results", dir.toString());
    assertThat(code).isEqualTo(2);
    assertThat(err.toString()).contains("--no-tf and --configs contradict each other");
    try (var files = Files.list(dir)) {
      assertThat(files).isEmpty();
    }
  }

  @Test
  void planPrintsWhatTheRunWouldMeasureAndWritesNothing(@TempDir Path dir) throws Exception {
    java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
    java.io.PrintStream before = System.out;
    int code;
    System.setOut(new java.io.PrintStream(out, true, java.nio.charset.StandardCharsets.UTF_8));
    try {
      code = Main.commandLine().execute("run", "--plan", "--no-ops", "--configs", "tf-cpu", "--results", dir.toString());
    } finally {
      System.setOut(before);
    }

    assertThat(code).isEqualTo(0);
    assertThat(out.toString(java.nio.charset.StandardCharsets.UTF_8)).contains("Plan (quick profile):")
        .contains("TensorFlow end to end  1 configuration x 1 batch size = 1 trial x 2 forks x 7 s of iterations")
        .contains("JMH iterations alone: 14 s");
    try (var files = Files.list(dir)) {
      assertThat(files).isEmpty();
    }
  }

  @Test
  void refusesARunWithNothingLeftToRun(@TempDir Path dir) throws Exception {
    StringWriter err = new StringWriter();
    int code = Main.commandLine().setErr(new PrintWriter(err))
        .execute("run", "--no-tf", "--no-trt", "--no-ops", "--results", dir.toString());
    assertThat(code).isEqualTo(2);
    assertThat(err.toString()).contains("leave nothing to run");
  }

  @Test
  void refusesABuilderLevelTensorRtDoesNotHave(@TempDir Path dir) throws Exception {
    StringWriter err = new StringWriter();
    int code = Main.commandLine().setErr(new PrintWriter(err))
        .execute("run", "--trt-builder-level", "9", "--results", dir.toString());
    assertThat(code).isEqualTo(2);
    assertThat(err.toString()).contains("--trt-builder-level must be 0 to 5").contains("9");
    try (var files = Files.list(dir)) {
      assertThat(files).isEmpty();
    }
  }

  @Test
  void theBuilderLevelIsTheProfilesUnlessTheRunNamesOne() {
    RunCommand run = new RunCommand();
    assertThat(run.builderLevel(org.ssdbench.bench.Profile.QUICK)).isEqualTo(org.ssdbench.bench.Profile.QUICK_TRT_LEVEL);
    assertThat(run.builderLevel(org.ssdbench.bench.Profile.FULL))
        .isEqualTo(org.ssdbench.engine.trt.TrtNetworkBuilder.Options.DEFAULT_LEVEL);
    run.trtBuilderLevel = 3;
    assertThat(run.builderLevel(org.ssdbench.bench.Profile.QUICK)).isEqualTo(3);
  }

  @Test
  void refusesCalibrationImagesThatAreNotAFolderOfPhotosBeforeWritingAnything(@TempDir Path dir) throws Exception {
    Path empty = Files.createDirectories(dir.resolve("photos"));
    Path results = Files.createDirectories(dir.resolve("results"));
    StringWriter err = new StringWriter();
    StringWriter out = new StringWriter();

    int code = Main.commandLine().setErr(new PrintWriter(err)).setOut(new PrintWriter(out))
        .execute("run", "--calibration-images", empty.toString(), "--results", results.toString());

    assertThat(code).isEqualTo(1);
    assertThat(err.toString() + out.toString()).contains(empty.toString())
        .contains("has no .jpg, .jpeg or .png file");
    try (var files = Files.list(results)) {
      assertThat(files).isEmpty();
    }
  }

  @Test
  void everyJvmThatOpensATensorRtEngineLearnsTheCalibrationPhotos() {
    assertThat(RunCommand.trtJvmArgs(java.util.List.of("-Xmx4g"), null)).containsExactly("-Xmx4g");
    assertThat(RunCommand.trtJvmArgs(java.util.List.of("-Xmx4g"), Path.of("photos"))).containsExactly("-Xmx4g",
        "-Dssdbench.trt.calibration.images=" + Path.of("photos").toAbsolutePath());
  }
}
