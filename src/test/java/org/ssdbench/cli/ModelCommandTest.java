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
        .contains("| anchors | 1,917 | 1,917 |").contains("| detection_boxes | DT_FLOAT | [?, 100, 4] |")
        .contains("Layout: 2018 (matched: 64 unfused BatchNorm/batchnorm blocks, 90 NonMaxSuppressionV3, while loops:")
        .contains("Score threshold: 0.3 (read from").contains("TensorRT: convertible");
  }

  @Test
  void failsWithTheLoadersMessageOnAMissingModel() {
    Run r = run("model", "--describe", "--model", dir.resolve("missing.pb").toString());
    assertThat(r.code()).isNotZero();
    assertThat(r.err()).contains("Model file not found");
  }

  @Test
  void describesAWrittenNewerLayoutWithWhatItMatchedAndTheGraphsThreshold() throws Exception {
    Path pb = dir.resolve("ssd-2019.pb");
    assertThat(run("model", "--write", pb.toString(), "--layout", "2019", "--score-threshold", "1e-8").code()).isZero();
    Run r = run("model", "--describe", "--model", pb.toString(), "--score-threshold", "0.3");
    assertThat(r.code()).isZero();
    assertThat(r.out()).contains("Layout: 2019 (matched: 64 FusedBatchNormV3, 90 NonMaxSuppressionV5 (soft_nms_sigma 0.0)")
        .contains("loops unrolled").contains("Identity/StopGradient nodes in the postprocessor")
        .contains("extra outputs raw_detection_boxes, raw_detection_scores, detection_multiclass_scores")
        .contains("input [1, 300, 300, 3]")
        .contains("Score threshold: 1.0E-8 (read from Postprocessor/BatchMultiClassNonMaxSuppression/")
        .contains("TensorRT: convertible");
  }

  @Test
  void namesTheDynamicLayoutAndWhatTensorRtMissesForSoftNms() {
    Run r = run("model", "--describe", "--layout", "2019-dynamic", "--soft-nms-sigma", "0.5");
    assertThat(r.code()).isZero();
    assertThat(r.out()).contains("Layout: 2019-dynamic (matched:")
        .contains("while loops: Preprocessor/map/while BatchMultiClassNonMaxSuppression/map/while")
        .contains("input [?, ?, ?, 3]")
        .contains("TensorRT: not convertible, missing hard NMS (soft_nms_sigma 0.5");
  }

  @Test
  void contradictoryGeneratorOptionsAreUsageErrors() {
    Run sigma = run("model", "--describe", "--soft-nms-sigma", "0.5");
    assertThat(sigma.code()).isEqualTo(2);
    assertThat(sigma.err()).contains("soft-NMS sigma 0.5 needs NonMaxSuppressionV5; nms is V3");
    Run layout = run("model", "--describe", "--layout", "2020");
    assertThat(layout.code()).isEqualTo(2);
    assertThat(layout.err()).contains("Unknown export layout '2020'; valid: [2018, 2019, 2019-dynamic]");
    Run nms = run("model", "--describe", "--nms-v2", "--nms", "V5");
    assertThat(nms.code()).isEqualTo(2);
    assertThat(nms.err()).contains("--nms-v2 contradicts --nms V5");
  }
}
