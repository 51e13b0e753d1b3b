package org.ssdbench.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.ssdbench.ops.DefaultSignatures;
import org.ssdbench.ops.ModelGraphs;

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

  @Test
  void knowsWhichGeneratedModelsItCanRebuild() {
    assertThat(ModelGraphs.generatedThreshold("generated(seed=42,batch=1,threshold=0.3,nms=V3)")).contains(0.3f);
    assertThat(ModelGraphs.generatedThreshold("generated(seed=42,batch=1,threshold=1.0E-8,nms=V3)")).contains(1e-8f);
    assertThat(ModelGraphs.generatedThreshold("generated(seed=42,batch=8,threshold=0.3,nms=V3)")).isEmpty();
    assertThat(ModelGraphs.generatedThreshold("generated(seed=42,batch=1,threshold=0.3,nms=V3,layout=2019)")).isEmpty();
    assertThat(ModelGraphs.generatedThreshold("/models/frozen_inference_graph.pb")).isEmpty();
  }

  /** The per-op results and env.json of the H200 quick run, whose model is the generated one at threshold 0.3. */
  private static Path quickRun(Path dir) throws Exception {
    Path from = Path.of("results/vm-h200-20261204-050852");
    for (String f : new String[] {"env.json", "jmh-ops-gatherV2.json", "jmh-ops-nonMaxSuppressionV3.json"}) {
      Files.copy(from.resolve(f), dir.resolve(f));
    }
    return dir;
  }

  @Test
  void reportCountsSignaturesInTheModelTheRunTimed(@TempDir Path dir) throws Exception {
    Path run = quickRun(dir);
    StringWriter err = new StringWriter();

    int code = Main.commandLine().setErr(new PrintWriter(err)).execute("ops", "--report", run.toString());

    assertThat(code).as(err.toString()).isZero();
    // at threshold 0.3 the gathers on the kept detections run on empty tensors, 172 times an inference (the default
    // --signatures model, threshold 1e-8, has none of them: counted there, their occurrences were 0)
    assertThat(Files.readString(run.resolve("ops-report.csv"))).contains("signature,GatherV2,gatherv2:0*0.i32/axis0,172,172,");
    assertThat(err.toString()).doesNotContain("WARNING");
  }

  @Test
  void reportRefusesAThresholdOrModelOtherThanTheRunsNamingBoth(@TempDir Path dir) throws Exception {
    Path run = quickRun(Files.createDirectories(dir.resolve("run")));
    StringWriter err = new StringWriter();
    int code = Main.commandLine().setErr(new PrintWriter(err))
        .execute("ops", "--report", run.toString(), "--score-threshold", "1e-8");
    assertThat(code).isEqualTo(ExitCodes.USAGE);
    assertThat(err.toString()).contains("--score-threshold 1.0E-8 contradicts").contains("threshold=0.3");

    Path other = dir.resolve("other.pb");
    Files.write(other, ModelGraphs.generated(1e-8f).toByteArray());
    StringWriter err2 = new StringWriter();
    code = Main.commandLine().setErr(new PrintWriter(err2))
        .execute("ops", "--report", run.toString(), "--model", other.toString());
    assertThat(code).isEqualTo(ExitCodes.BAD_INPUT);
    assertThat(err2.toString()).contains(other.toString()).contains("is not the model").contains("bffacb6d");
    assertThat(run.resolve("ops-report.csv")).doesNotExist();
  }
}
