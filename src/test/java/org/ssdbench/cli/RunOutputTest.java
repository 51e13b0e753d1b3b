package org.ssdbench.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.zip.CRC32;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.ssdbench.bench.JmhLauncher;
import org.ssdbench.bench.Summary;

final class RunOutputTest {
  @TempDir Path dir;

  @Test
  void withoutAGpuTheSkipReasonIsTheMissingGpu() throws Exception {
    String detail = "TensorFlow found no GPU (devices: [CPU:0]). Build with -Pgpu ...";

    assertThat(new SkipReasons(false).forGpu(detail)).startsWith("no GPU").doesNotContain("-Pgpu");
    assertThat(new SkipReasons(true).forGpu(detail)).isEqualTo(detail);
    assertThat(SkipReasons.nvidiaDevicePresent(dir, dir.resolve("gpus"))).isFalse();
    Files.createDirectories(dir.resolve("gpus/0000:01:00.0"));
    assertThat(SkipReasons.nvidiaDevicePresent(dir, dir.resolve("gpus"))).isTrue();
  }

  @Test
  void theClosingBlockSaysWhatRanWhatWasSkippedAndWhereTheReportIs() {
    Summary summary = new Summary(List.of(new Summary.Row("tf-cpu", 1, 20.48, 62.19, 1200, "ms/op")));
    List<ClosingSummary.Skip> skipped = List.of(
        new ClosingSummary.Skip("tf-gpu", SkipReasons.NO_GPU),
        new ClosingSummary.Skip("tf-gpu-nms-cpu", SkipReasons.NO_GPU),
        new ClosingSummary.Skip("trt-fp32, trt-fp16", "--no-trt"));
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();

    new ClosingSummary(summary, List.of("per-op on cpu"), skipped, "4 min 54 s", "").print(new PrintStream(bytes, true),
        Path.of("results/r/report/report.md"), "", Path.of("results/r"));

    String out = bytes.toString(StandardCharsets.UTF_8);
    assertThat(out).contains("=== Summary ===").contains("Ran:      tf-cpu (batch 1), per-op on cpu")
        .contains("20.480").contains("62.190")
        .contains("Skipped:  tf-gpu, tf-gpu-nms-cpu: no GPU on this machine")
        .contains("trt-fp32, trt-fp16: --no-trt")
        .contains("Took:     4 min 54 s\nReport:   results/r/report/report.md").contains("Results:  results/r");
    assertThat(out.lines().filter(l -> l.contains("no GPU"))).hasSize(1);
  }

  @Test
  void theClosingBlockSaysWhereTheTimeWentWhenThePhasesWereTimed() {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();

    new ClosingSummary(new Summary(List.of()), List.of(), List.of(), "4 min 54 s", "setup 40 s, TensorFlow 4 min 14 s")
        .print(new PrintStream(bytes, true), null, "not written", Path.of("results/r"));

    assertThat(bytes.toString(StandardCharsets.UTF_8))
        .contains("Took:     4 min 54 s\n          by phase: setup 40 s, TensorFlow 4 min 14 s\nReport:   not written");
  }

  @Test
  void aRunWithEveryConfigurationSkippedCreatesNothingAndExitsFour() throws Exception {
    org.junit.jupiter.api.Assumptions.assumeFalse(SkipReasons.ofThisMachine().forGpu("").isEmpty(),
        "this machine has a GPU: tf-gpu would run");
    Path results = dir.resolve("results");
    var err = new java.io.StringWriter();
    PrintStream stdout = System.out;
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    int code;
    System.setOut(new PrintStream(out, true));
    try {
      code = Main.commandLine().setErr(new java.io.PrintWriter(err))
          .execute("run", "--configs", "tf-gpu", "--no-ops", "--no-trt", "--results", results.toString());
    } finally {
      System.setOut(stdout);
    }

    assertThat(code).isEqualTo(ExitCodes.NOTHING_RAN);
    assertThat(err.toString()).contains("nothing ran");
    assertThat(out.toString()).contains("Skipped:  tf-gpu: no GPU").contains("trt-fp32");
    assertThat(results).doesNotExist();
  }

  @Test
  void anImageTooLargeIsRefusedWithTheAcceptedSize() throws Exception {
    Path huge = dir.resolve("huge.png");
    Files.write(huge, pngHeader(30000, 30000));

    assertThat(org.assertj.core.api.Assertions.catchThrowable(() -> ImageCheck.check(huge, 1)))
        .isInstanceOf(BadInputException.class)
        .hasMessageContaining("huge.png").hasMessageContaining("30000 x 30000")
        .hasMessageContaining("1 to " + ImageCheck.MAX_SIDE + " pixels a side");
  }

  @Test
  void jmhJsonIsWrittenUnderATemporaryNameAndRenamedWhenComplete() throws Exception {
    Path json = dir.resolve("jmh-e2e.json");
    Files.writeString(JmhLauncher.partial(json), "[]");

    assertThat(JmhLauncher.partial(json).getFileName()).hasToString("jmh-e2e.json.partial");
    java.lang.reflect.Method complete = JmhLauncher.class.getDeclaredMethod("complete", Path.class);
    complete.setAccessible(true);
    complete.invoke(null, json);

    assertThat(json).hasContent("[]");
    assertThat(JmhLauncher.partial(json)).doesNotExist();
  }

  /** The signature and an IHDR chunk of a PNG claiming {@code width} x {@code height}: enough for its header. */
  static byte[] pngHeader(int width, int height) {
    java.nio.ByteBuffer ihdr = java.nio.ByteBuffer.allocate(17);
    ihdr.put("IHDR".getBytes(StandardCharsets.US_ASCII)).putInt(width).putInt(height)
        .put((byte) 8).put((byte) 2).put((byte) 0).put((byte) 0).put((byte) 0);
    CRC32 crc = new CRC32();
    crc.update(ihdr.array());
    java.nio.ByteBuffer png = java.nio.ByteBuffer.allocate(8 + 4 + 17 + 4);
    png.put(new byte[] {(byte) 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A}).putInt(13).put(ihdr.array())
        .putInt((int) crc.getValue());
    return png.array();
  }
}
