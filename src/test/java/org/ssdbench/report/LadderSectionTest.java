package org.ssdbench.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.ssdbench.results.RunFolder;
import org.ssdbench.testing.Fixtures;

final class LadderSectionTest {
  @TempDir Path dir;

  @BeforeAll
  static void headless() {
    System.setProperty("java.awt.headless", "true");
  }

  @Test
  void reportHasTheLadderWithFloorAndTheSweepWithThePeer() throws Exception {
    RunFolder run = new RunFolder(Fixtures.copyOfRun("h100-run", dir));
    Files.copy(Path.of("src/test/resources/peers/jmh-peer-torch.json"), run.dir().resolve("jmh-peer-torch.json"));

    new ReportWriter(false).write(run);

    String md = Files.readString(run.report().resolve("report.md"));
    assertThat(md).contains("## Optimization ladder (batch 1)").contains("(ladder.png)").contains("(throughput.png)");
    assertThat(md).containsPattern("\\| tf-gpu-postproc-cpu \\| 6\\.400 \\| 1\\.40x \\| [0-9.]+x \\.\\. [0-9.]+x \\| 1\\.40x \\| article step 1");
    assertThat(md).contains("| estimated floor (trt-fp16-graph) |").contains("Estimated hardware floor: trt-fp16-graph at batch 1 on H100 SXM");
    assertThat(md).contains("| torch-fp16-graph | 128 |").contains("PyTorch peer, network only");
    assertThat(md).contains("## TensorRT beside PyTorch (batch 1)")
        .containsPattern("\\| PyTorch peer, network only \\| torch-fp16-[a-z]+ \\| [0-9.]+ \\| 6 \\(2\\) \\|")
        .containsPattern("trt-fp16-graph is [0-9.]+x faster than torch-fp16-[a-z]+ ")
        .contains("so the ratio understates TensorRT's lead")
        .doesNotContain("single process");
    assertThat(md.indexOf("## Optimization ladder")).isLessThan(md.indexOf("## Per-op CPU vs GPU"));
    assertThat(run.report().resolve("ladder.png")).isNotEmptyFile();
    assertThat(run.report().resolve("throughput.svg")).isNotEmptyFile();
  }

  @Test
  void aSweepThatTimedTheRunsBatchOneAgainLeavesEachSectionOneMeasurementAndSaysSo() throws Exception {
    // H200, 2026-12-04: the run's own trt-fp16-u8-graph p50 0.3968 ms, the sweep's forks 0.4029 ms at batch 1.
    RunFolder run = new RunFolder(Fixtures.copyOfFolder(Path.of("results/vm-h200-20261204-064421"), dir));

    new ReportWriter(true).write(run);

    String md = Files.readString(run.report().resolve("report.md"));
    assertThat(md).contains("| trt-fp16-u8-graph | 0.3968 |").doesNotContain("| trt-fp16-u8-graph | 0.4029 |");
    assertThat(md).contains("| trt-fp16-u8-graph | 1 | 0.4029 |").doesNotContain("| trt-fp16-u8-graph | 1 | 0.3968 |");
    assertThat(md).contains("also timed trt-fp16-u8-graph at batch 1 (p50 0.3968 ms) on the run's workload");
    assertThat(md).contains("## Targets").contains("| most images/s at any batch size, end to end | &gt;= 30,000 | 27,856")
        .contains("| missed |").contains("set for an NVIDIA H200. This run's GPU is one.");
    // its peer ran in one process, before the peer had forks
    assertThat(md).contains("One side ran in a single process, so the interval leaves out the spread between processes.");
  }
}
