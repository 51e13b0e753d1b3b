package org.ssdbench.results;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RunTimeTest {
  @TempDir Path dir;
  private final Instant start = Instant.parse("2026-12-03T09:14:31Z");

  @Test
  void countsTheBuildsButNotTheEnginesLoadedFromTheCache() throws IOException {
    Files.writeString(dir.resolve("trt-builds.csv"), String.join("\n",
        "config,precision,batch,builder_level,build,build_ms,timing_cache",
        "trt-fp16-graph,fp16,1,3 (TensorRT default),warm,19293,loaded",
        "trt-fp16-graph,fp16,1,3 (TensorRT default),cached,0,-",
        "trt-int8-u8-graph,int8,1,2,cold,56511,new", ""));

    RunTime t = RunTime.measure(start, start.plusSeconds(294), dir);

    assertThat(t.took()).isEqualTo(Duration.ofSeconds(294));
    assertThat(t.trtBuilds()).isEqualTo(2);
    assertThat(t.trtBuildTime()).isEqualTo(Duration.ofMillis(75804));
    assertThat(t.describe()).isEqualTo("4 min 54 s, of which 2 TensorRT engine builds 1 min 16 s");
  }

  @Test
  void aRunWithoutTensorRtSaysOnlyHowLongItTook() throws IOException {
    RunTime t = RunTime.measure(start, start.plusSeconds(42), dir);
    assertThat(t.trtBuilds()).isZero();
    assertThat(t.describe()).isEqualTo("42 s");
  }

  @Test
  void readsBackWhatItWrote() throws IOException {
    RunTime t = new RunTime(start, Duration.ofMillis(754_200), 5, Duration.ofMillis(422_000));
    t.write(dir);
    assertThat(RunTime.read(dir)).contains(t);
    assertThat(RunTime.read(dir.resolve("elsewhere"))).isEmpty();
  }

  @Test
  void aDamagedFileIsNamed() throws IOException {
    Files.writeString(dir.resolve(RunTime.FILE), "{\"seconds\": 3}");
    assertThatThrownBy(() -> RunTime.read(dir)).isInstanceOf(IOException.class)
        .hasMessageContaining(RunTime.FILE).hasMessageContaining("'started'");
  }
}
