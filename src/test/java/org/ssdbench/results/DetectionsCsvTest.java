package org.ssdbench.results;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

final class DetectionsCsvTest {
  @Test
  void aFileWithoutTheDetectionColumnsIsRefusedByName(@TempDir Path dir) throws Exception {
    Path file = Files.writeString(dir.resolve(DetectionsCsv.FILE), "config,batch,image\ntrt-int8,1,0\n");
    assertThatThrownBy(() -> DetectionsCsv.read(file)).isInstanceOf(IOException.class)
        .hasMessageContaining(file.toString()).hasMessageContaining("expected");
  }

  @Test
  void aCellThatIsNoNumberIsRefusedWithItsLine(@TempDir Path dir) throws Exception {
    Path file = Files.writeString(dir.resolve(DetectionsCsv.FILE), String.join(",", DetectionsCsv.HEADER) + "\n"
        + "trt-int8,1,0,0,1,0.9,0.1,0.1,0.4,0.4\n"
        + "trt-int8,1,0,1,1,high,0.1,0.1,0.4,0.4\n");
    assertThatThrownBy(() -> DetectionsCsv.read(file)).isInstanceOf(IOException.class)
        .hasMessageContaining(file.toString()).hasMessageContaining("line 3").hasMessageContaining("high");
  }

  @Test
  void aNegativeRowOrBatchIsRefused(@TempDir Path dir) throws Exception {
    Path rows = Files.writeString(dir.resolve("rows.csv"), String.join(",", DetectionsCsv.HEADER) + "\n"
        + "trt-int8,1,0,-1,1,0.9,0.1,0.1,0.4,0.4\n");
    assertThatThrownBy(() -> DetectionsCsv.read(rows)).isInstanceOf(IOException.class).hasMessageContaining("line 2");
    Path batch = Files.writeString(dir.resolve("batch.csv"), String.join(",", DetectionsCsv.HEADER) + "\n"
        + "trt-int8,0,0,0,1,0.9,0.1,0.1,0.4,0.4\n");
    assertThatThrownBy(() -> DetectionsCsv.read(batch)).isInstanceOf(IOException.class).hasMessageContaining("batch 0");
  }
}
