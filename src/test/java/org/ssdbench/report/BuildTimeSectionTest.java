package org.ssdbench.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.ssdbench.report.doc.Block;
import org.ssdbench.results.RunFolder;

final class BuildTimeSectionTest {
  private static final String LOG = String.join("\n",
      "0.500 kINFO [MemUsageChange] Init CUDA: CPU +0, GPU +0",
      "6000.000 kINFO [MemUsageChange] Init builder kernel library: CPU +4648, GPU +1292",
      "7000.000 kVERBOSE --------------- Timing Runner: conv (CaskConvolution)",
      "7100.000 kVERBOSE Tactic: 0x01 Time: 0.0128",
      "9000.000 kVERBOSE --------------- Timing Runner: Optimizer Reformat(<in> -> to_anchors) (Reformat)",
      "9100.000 kVERBOSE Tactic: 0x02 Time: 0.0042",
      "9200.000 kVERBOSE Tactic: 0x03 Time: 0.0044",
      "15000.000 kINFO Detected 1 inputs and 4 output network tensors.",
      "19000.000 kINFO Engine generation completed in 12.5 seconds.",
      "20000.000 kINFO Serialized 13503 timing cache entries", "");

  private static byte[] gzip(String text) throws IOException {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (GZIPOutputStream gz = new GZIPOutputStream(bytes)) {
      gz.write(text.getBytes(StandardCharsets.UTF_8));
    }
    return bytes.toByteArray();
  }

  @Test
  void oneRowPerBuildLogWithItsSearchesByKind(@TempDir Path dir) throws Exception {
    Path logs = Files.createDirectories(dir.resolve("trt-build-logs"));
    Files.write(logs.resolve("int8-u8-b1-l2.log.gz"), gzip(LOG));
    // killed mid-build: a long search whose log lost its end (a short one would lose every line to the cut)
    StringBuilder longSearch = new StringBuilder("10.000 kVERBOSE --------------- Timing Runner: conv (CaskConvolution)\n");
    for (int i = 1; i <= 20_000; i++) {
      longSearch.append(10 + i).append(".000 kVERBOSE Tactic: 0x").append(Integer.toHexString(i * 7919))
          .append(" Time: 0.0").append(i % 97).append('\n');
    }
    byte[] whole = gzip(longSearch.toString());
    Files.write(logs.resolve("fp16-b1-l3.log.gz"), Arrays.copyOf(whole, whole.length - 20));
    Files.write(logs.resolve("fp32-b1-l3.log.gz"), Arrays.copyOf(gzip(LOG), 40)); // nothing readable

    List<Block> blocks = BuildTimeSection.blocks(new RunFolder(dir));

    assertThat(((Block.Heading) blocks.get(0)).text()).isEqualTo("Where the build time goes");
    Block.Table table = (Block.Table) blocks.get(2);
    assertThat(table.rows()).hasSize(3);
    assertThat(table.rows().get(0).get(0)).isEqualTo("fp16-b1-l3 (log ends early)");
    assertThat(Double.parseDouble(table.rows().get(0).get(3))).isGreaterThan(10.0); // most of the search was read
    assertThat(table.rows().get(1).get(0)).isEqualTo("fp32-b1-l3 (log ends early)");
    assertThat(table.rows().get(1).get(1)).startsWith("unreadable: not a TensorRT build log");
    assertThat(table.rows().get(2)).containsExactly("int8-u8-b1-l2", "20.0", "6.0", "2.0", "6.0", "0.0", "6.0", "3",
        "Optimizer Reformat(<in> -> to_anchors) 6.0 s");
  }

  @Test
  void aWholeLogOfABuildThatNeverCompletedSaysSo(@TempDir Path dir) throws Exception {
    Path logs = Files.createDirectories(dir.resolve("trt-build-logs"));
    Files.write(logs.resolve("fp16-u8-b1-l1.log.gz"), gzip(LOG.replace("Engine generation completed", "Building")));

    Block.Table table = (Block.Table) BuildTimeSection.blocks(new RunFolder(dir)).get(2);

    assertThat(table.rows().get(0).get(0)).isEqualTo("fp16-u8-b1-l1 (build did not finish)");
  }

  @Test
  void noLogsNoSection(@TempDir Path dir) throws Exception {
    assertThat(BuildTimeSection.blocks(new RunFolder(dir))).isEmpty();
    Files.createDirectories(dir.resolve("trt-build-logs"));
    assertThat(BuildTimeSection.blocks(new RunFolder(dir))).isEmpty();
  }
}
