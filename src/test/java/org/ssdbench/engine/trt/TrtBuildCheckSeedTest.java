package org.ssdbench.engine.trt;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

final class TrtBuildCheckSeedTest {
  @Test
  void seedsTheTimingCacheWithItsSidecarUnderTheSameNames(@TempDir Path dir) throws Exception {
    Path run = Files.createDirectories(dir.resolve("run-cache"));
    Path timing = Files.write(run.resolve("timing-nvidia-h200-cc9.0-trt10.6.0.cache"), new byte[] {1, 2, 3});
    Files.writeString(run.resolve("timing-nvidia-h200-cc9.0-trt10.6.0.cache.json"), "{}");
    Path cache = dir.resolve("check/cache");

    Path copied = TrtBuildCheck.seed(timing, cache);

    assertThat(copied).isEqualTo(cache.resolve(timing.getFileName())).hasBinaryContent(new byte[] {1, 2, 3});
    assertThat(cache.resolve("timing-nvidia-h200-cc9.0-trt10.6.0.cache.json")).hasContent("{}");
  }

  @Test
  void aMissingSeedSaysWhatToGive(@TempDir Path dir) {
    assertThatThrownBy(() -> TrtBuildCheck.seed(dir.resolve("nope.cache"), dir.resolve("cache")))
        .hasMessageContaining("--seed-timing-cache").hasMessageContaining("cache/trt/timing-");
  }
}
