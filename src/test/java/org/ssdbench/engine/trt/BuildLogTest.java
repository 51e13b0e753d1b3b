package org.ssdbench.engine.trt;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BuildLogTest {
  @TempDir Path dir;

  @Test
  void prefixesEachMessageWithTheMillisecondsSinceTheBuildBegan() throws IOException {
    try (BuildLog log = BuildLog.open(dir.resolve("logs"), "fp16-b1-l3", 1_000_000L)) {
      log.line("kVERBOSE", "Timing Runner: conv1", 1_000_000L + 2_500_000L);
      log.line("kINFO", "Engine generation completed", 1_000_000L + 90_000_000_000L);
    }
    assertThat(gunzip(dir.resolve("logs/fp16-b1-l3.log.gz")))
        .isEqualTo("2.500 kVERBOSE Timing Runner: conv1\n90000.000 kINFO Engine generation completed\n");
  }

  @Test
  void aRebuildOfTheSameEngineKeepsTheEarlierLog() throws IOException {
    try (BuildLog first = BuildLog.open(dir, "int8-u8-b1-l2", 0)) {
      first.line("kINFO", "first", 0);
    }
    try (BuildLog second = BuildLog.open(dir, "int8-u8-b1-l2", 0)) {
      second.line("kINFO", "second", 0);
    }
    assertThat(gunzip(dir.resolve("int8-u8-b1-l2.log.gz"))).contains("first");
    assertThat(gunzip(dir.resolve("int8-u8-b1-l2-2.log.gz"))).contains("second");
  }

  @Test
  void aBuildsLogIsNamedAfterItsEngineAsTheCacheFileIs() {
    var int8 = new TrtNetworkBuilder.Options(Precision.INT8, 1, true, 16, 1L << 30, 2, NmsPrecision.CHOSEN,
        PostprocessingPrecision.FP32);
    var fp16 = new TrtNetworkBuilder.Options(Precision.FP16, 8, true, 16, 1L << 30,
        TrtNetworkBuilder.Options.DEFAULT_LEVEL, NmsPrecision.FP16);

    assertThat(TrtNetworkBuilder.logName(int8, InputFormat.UINT8_NHWC)).isEqualTo("int8-u8-pp32-b1-l2");
    assertThat(TrtNetworkBuilder.logName(fp16, InputFormat.FLOAT_NCHW)).isEqualTo("fp16-nmsfp16-b8-l3");
  }

  private static String gunzip(Path file) throws IOException {
    try (var in = new java.util.zip.GZIPInputStream(Files.newInputStream(file))) {
      return new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
    }
  }

  @Test
  void aFolderThatCannotBeMadeIsNamedWithTheProperty() throws IOException {
    Path file = Files.writeString(dir.resolve("plain-file"), "x");
    assertThatThrownBy(() -> BuildLog.open(file.resolve("logs"), "fp32-b1-l3", 0))
        .isInstanceOf(UncheckedIOException.class)
        .hasMessageContaining(file.resolve("logs").toString()).hasMessageContaining("-Dssdbench.trt.buildLog");
  }

  @Test
  void isOffUnlessThePropertyNamesAFolder() {
    String before = System.getProperty(BuildLog.PROPERTY);
    try {
      System.clearProperty(BuildLog.PROPERTY);
      assertThat(BuildLog.folderFromSystemProperty()).isNull();
      System.setProperty(BuildLog.PROPERTY, " " + dir + " ");
      assertThat(BuildLog.folderFromSystemProperty()).isEqualTo(dir);
    } finally {
      if (before == null) {
        System.clearProperty(BuildLog.PROPERTY);
      } else {
        System.setProperty(BuildLog.PROPERTY, before);
      }
    }
  }
}
