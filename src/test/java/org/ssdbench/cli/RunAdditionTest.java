package org.ssdbench.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumSet;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.ssdbench.cli.RunAddition.Part;
import org.ssdbench.results.Environment;
import org.ssdbench.results.EnvironmentFile;
import org.ssdbench.results.RunFolder;
import org.ssdbench.results.WorkloadFolder;

/** {@code run --add-to DIR}: a part times the folder's work, on its setup, and never overwrites what the folder has. */
final class RunAdditionTest {
  @TempDir Path dir;
  private Path run;

  private static Environment env(String gpu, String commit, String tensorrt) {
    return new Environment("host", gpu, "580.159.04", "12.6", "9.14.0", "9.0", 143771L, null, "cpu", 16, "Linux", "17",
        "2.18.0", tensorrt, "intra-op 0", commit, "generated(seed=42)", "ab12", "2026-12-04T02:10:18Z");
  }

  private void manifest(String profile) throws Exception {
    Files.createDirectories(run.resolve(WorkloadFolder.DIR));
    WorkloadFolder.Batch one = new WorkloadFolder.Batch(1, "generated(seed=42)", "ab12", "b1/model.pb", true, 300, 300,
        "synthetic", "b1/images.u8", "b1/input-nchw.f32", true);
    new ObjectMapper().writeValue(run.resolve(WorkloadFolder.DIR).resolve(WorkloadFolder.MANIFEST).toFile(),
        new WorkloadFolder.Manifest(1, "generated", "synthetic", "0.3", List.of(one), profile));
  }

  @BeforeEach
  void aFolderOfAFirstPartWithTensorFlowResults() throws Exception {
    run = dir.resolve("host-h200-20261204-021018");
    Files.createDirectories(run);
    EnvironmentFile.write(env("NVIDIA H200", "1603c11aa000", null), run.resolve(RunFolder.ENV));
    manifest("quick");
    Files.writeString(run.resolve("jmh-e2e.json"), "[]");
  }

  @Test
  void aPartTheFolderHasIsRefusedNamingItsFileAndTheOptionThatLeavesItOut() throws Exception {
    RunAddition addition = RunAddition.open(run);

    assertThatThrownBy(() -> addition.checkNotThere(EnumSet.of(Part.TENSORFLOW, Part.PER_OP), List.of()))
        .isInstanceOf(BadInputException.class).hasMessageContaining("jmh-e2e.json").hasMessageContaining("--no-tf");
    addition.checkNotThere(EnumSet.of(Part.TENSORRT, Part.PER_OP), List.of("trt-fp16-graph"));

    Files.writeString(run.resolve("jmh-ops-conv2d.json"), "[]");
    assertThatThrownBy(() -> addition.checkNotThere(EnumSet.of(Part.PER_OP), List.of()))
        .hasMessageContaining("jmh-ops-conv2d.json").hasMessageContaining("--no-ops");
  }

  private void trtResults(String file, String... configs) throws Exception {
    StringBuilder json = new StringBuilder("[");
    for (String c : configs) {
      json.append(json.length() > 1 ? "," : "").append("{\"benchmark\": \"org.ssdbench.bench.TensorRtBenchmark.infer\","
          + " \"mode\": \"sample\", \"params\": {\"config\": \"").append(c).append("\", \"batch\": \"1\"},"
          + " \"primaryMetric\": {\"score\": 0.4, \"scoreError\": 0.01, \"scoreUnit\": \"ms/op\"}}");
    }
    Files.writeString(run.resolve(file), json.append("]").toString());
  }

  @Test
  void tensorRtConfigurationsAreAddedASetAtATimeEachIntoItsOwnFile() throws Exception {
    RunAddition addition = RunAddition.open(run);
    assertThat(addition.nextTensorRtJson()).isEqualTo("trt");
    trtResults("jmh-trt.json", "trt-fp32", "trt-fp16-graph");

    assertThatThrownBy(() -> addition.checkNotThere(EnumSet.of(Part.TENSORRT), List.of("trt-int8", "trt-fp16-graph")))
        .isInstanceOf(BadInputException.class).hasMessageContaining("has trt-fp16-graph timed already (jmh-trt.json)")
        .hasMessageContaining("--trt-configs");
    addition.checkNotThere(EnumSet.of(Part.TENSORRT), List.of("trt-int8", "trt-int8-graph"));
    assertThat(addition.nextTensorRtJson()).isEqualTo("trt-2");

    trtResults("jmh-trt-2.json", "trt-int8");
    assertThat(addition.nextTensorRtJson()).isEqualTo("trt-3");
    assertThatThrownBy(() -> addition.checkNotThere(EnumSet.of(Part.TENSORRT), List.of("trt-int8")))
        .hasMessageContaining("has trt-int8 timed already (jmh-trt-2.json)");
    assertThat(Part.TENSORRT.isResult("jmh-throughput.json")).isFalse();
    assertThat(Part.TENSORRT.isStopped("jmh-trt-2.json.partial")).isTrue();
    // the sweep's two files, one and two batches in flight, are its part; a stopped one is set aside with it
    assertThat(Part.THROUGHPUT.isResult("jmh-throughput-2inflight.json")).isTrue();
    assertThat(Part.THROUGHPUT.isStopped("jmh-throughput-2inflight.json.partial")).isTrue();
    assertThat(Part.TENSORRT.isResult("jmh-throughput-2inflight.json")).isFalse();
  }

  @Test
  void aDamagedResultsFileIsNamed() throws Exception {
    Files.writeString(run.resolve("jmh-trt.json"), "[{");
    RunAddition addition = RunAddition.open(run);
    assertThatThrownBy(() -> addition.checkNotThere(EnumSet.of(Part.TENSORRT), List.of("trt-int8")))
        .isInstanceOf(BadInputException.class).hasMessageContaining("jmh-trt.json").hasMessageContaining("move it away");
  }

  @Test
  void aStoppedPartsHalfWrittenFileIsKeptUnderAnotherNameThatNoReportReads() throws Exception {
    Path stopped = run.resolve("jmh-trt.json.partial");
    Files.writeString(stopped, "[{\"stopped\": 1}]");
    Files.writeString(run.resolve("jmh-ops-conv2d.json.partial"), "[]");
    RunAddition addition = RunAddition.open(run);

    List<Path> aside = addition.setAsideStopped(EnumSet.of(Part.TENSORRT));
    Files.writeString(stopped, "[{\"stopped\": 2}]");
    List<Path> again = addition.setAsideStopped(EnumSet.of(Part.TENSORRT));

    assertThat(aside).containsExactly(run.resolve("jmh-trt.json.partial.stopped"));
    assertThat(again).containsExactly(run.resolve("jmh-trt.json.partial.stopped-2"));
    assertThat(aside.get(0)).hasContent("[{\"stopped\": 1}]");
    assertThat(stopped).doesNotExist();
    assertThat(new RunFolder(run).partialJmhFiles()).containsExactly(run.resolve("jmh-ops-conv2d.json.partial"));
    assertThat(new RunFolder(run).stoppedJmhFiles()).containsExactly(aside.get(0), again.get(0));
  }

  @Test
  void anotherGpuOrSuiteBuildIsRefusedNamingBothValues() throws Exception {
    RunAddition addition = RunAddition.open(run);

    assertThatThrownBy(() -> addition.checkSameSetup(env("NVIDIA H100 80GB HBM3", "1603c11aa000", null)))
        .isInstanceOf(BadInputException.class).hasMessageContaining("GPU: NVIDIA H200 in the folder, NVIDIA H100 80GB HBM3 here");
    assertThatThrownBy(() -> addition.checkSameSetup(env("NVIDIA H200", "0123456789ab", null)))
        .hasMessageContaining("suite commit: 1603c11aa000 in the folder, 0123456789ab here");
    addition.checkSameSetup(env("NVIDIA H200", "1603c11aa000", "10.6.0"));
  }

  @Test
  void theFirstPartThatLoadsTensorRtRecordsItsVersion() throws Exception {
    RunAddition addition = RunAddition.open(run);

    assertThat(addition.withTensorRt("10.6.0").tensorrt()).isEqualTo("10.6.0");
    assertThat(addition.withTensorRt("10.6.0").gpuName()).isEqualTo("NVIDIA H200");
    assertThat(addition.withTensorRt(null)).isSameAs(addition.env());
  }

  @Test
  void aFolderWithoutItsWorkloadOrProfileCannotBeAddedTo() throws Exception {
    assertThatThrownBy(() -> RunAddition.open(dir.resolve("nowhere"))).isInstanceOf(BadInputException.class)
        .hasMessageContaining("no such run folder");
    Path file = Files.writeString(dir.resolve("a-file"), "");
    assertThatThrownBy(() -> RunAddition.open(file)).hasMessageContaining("a file, not a run folder");
    manifest(null);
    assertThatThrownBy(() -> RunAddition.open(run)).hasMessageContaining("does not record the run's profile");
    Files.delete(run.resolve(WorkloadFolder.DIR).resolve(WorkloadFolder.MANIFEST));
    assertThatThrownBy(() -> RunAddition.open(run)).hasMessageContaining("workload/ in place: start a new run");
    Files.delete(run.resolve(RunFolder.ENV));
    assertThatThrownBy(() -> RunAddition.open(run)).hasMessageContaining("not a run folder");
  }

  @Test
  void theRunRefusesOptionsThatDescribeOtherWorkBeforeTouchingTheFolder() throws Exception {
    StringWriter err = new StringWriter();
    int profile = Main.commandLine().setErr(new PrintWriter(err))
        .execute("run", "--add-to", run.toString(), "--profile", "full", "--no-tf");
    int out = Main.commandLine().setErr(new PrintWriter(err))
        .execute("run", "--add-to", run.toString(), "--out", dir.resolve("x").toString(), "--no-tf");
    int threshold = Main.commandLine().setErr(new PrintWriter(err))
        .execute("run", "--add-to", run.toString(), "--score-threshold", "1e-8", "--no-tf");

    assertThat(List.of(profile, out, threshold)).containsOnly(ExitCodes.USAGE);
    assertThat(err.toString()).contains("was run with --profile quick, not full")
        .contains("--add-to and --out contradict each other").contains("--score-threshold 0.3, not 1.0E-8");
    assertThat(run.resolve(RunFolder.INCOMPLETE)).doesNotExist();
  }

  @Test
  void theRunRefusesAPartTheFolderHasAndKeepsItsResults() throws Exception {
    StringWriter err = new StringWriter();
    int code = Main.commandLine().setErr(new PrintWriter(err))
        .execute("run", "--add-to", run.toString(), "--profile", "quick", "--model", "generated", "--no-trt", "--no-ops");

    assertThat(code).isEqualTo(ExitCodes.BAD_INPUT);
    assertThat(err.toString()).contains("has the TensorFlow configurations already (jmh-e2e.json)").contains("--no-tf");
    assertThat(run.resolve("jmh-e2e.json")).hasContent("[]");
    assertThat(run.resolve(RunFolder.INCOMPLETE)).doesNotExist();
  }
}
