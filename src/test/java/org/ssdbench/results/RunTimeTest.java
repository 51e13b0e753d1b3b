package org.ssdbench.results;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RunTimeTest {
  @TempDir Path dir;
  private final Instant start = Instant.parse("2026-12-03T09:14:31Z");

  @Test
  void saysHowLongTheRunTookAndHowMuchOfItWasBuilds() {
    RunTime t = new RunTime(start, Duration.ofSeconds(294), 2, Duration.ofMillis(75804));

    assertThat(t.describe()).isEqualTo("4 min 54 s, of which 2 TensorRT engine builds 1 min 16 s");
  }

  @Test
  void aRunWithoutTensorRtSaysOnlyHowLongItTook() {
    RunTime t = new RunTime(start, Duration.ofSeconds(42), 0, Duration.ZERO);
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
  void aPartAddedToTheRunAddsItsTimeAndCountsThePart() throws IOException {
    RunTime first = new RunTime(start, Duration.ofSeconds(300), 0, Duration.ZERO);

    RunTime both = first.plusPart(Duration.ofSeconds(420), 3, Duration.ofSeconds(150), Map.of());
    both.write(dir);

    assertThat(both.started()).isEqualTo(start);
    assertThat(both.describe()).isEqualTo("12 min 0 s in 2 parts, of which 3 TensorRT engine builds 2 min 30 s");
    assertThat(RunTime.read(dir)).contains(both);
  }

  @Test
  void phasesAreWrittenInTheOrderTheyRanAndReadBack() throws IOException {
    Map<String, Duration> phases = new LinkedHashMap<>();
    phases.put("setup", Duration.ofMillis(85_100));
    phases.put("TensorFlow", Duration.ofSeconds(151));
    phases.put("TensorRT", Duration.ofSeconds(466));
    RunTime t = new RunTime(start, Duration.ofMillis(702_100), 5, Duration.ofSeconds(292), 1, phases);

    t.write(dir);

    assertThat(t.describePhases()).isEqualTo("setup 1 min 25 s, TensorFlow 2 min 31 s, TensorRT 7 min 46 s");
    assertThat(RunTime.read(dir)).contains(t);
    assertThat(RunTime.read(dir).orElseThrow().describePhases()).isEqualTo(t.describePhases());
  }

  @Test
  void aPartAddsItsPhasesToTheFoldersByName() {
    RunTime first = new RunTime(start, Duration.ofSeconds(300), 0, Duration.ZERO, 1,
        Map.of("setup", Duration.ofSeconds(60)));
    Map<String, Duration> part = new LinkedHashMap<>();
    part.put("setup", Duration.ofSeconds(20));
    part.put("TensorRT", Duration.ofSeconds(400));

    RunTime both = first.plusPart(Duration.ofSeconds(420), 3, Duration.ofSeconds(150), part);

    assertThat(both.describePhases()).isEqualTo("setup 1 min 20 s, TensorRT 6 min 40 s");
  }

  @Test
  void aFileWrittenBeforePhasesHasNone() throws IOException {
    Files.writeString(dir.resolve(RunTime.FILE), "{\"started\": \"2026-12-03T09:14:31Z\", \"seconds\": 3}");
    assertThat(RunTime.read(dir).orElseThrow().describePhases()).isEmpty();
  }

  @Test
  void aFileWrittenBeforePartsIsOneRun() throws IOException {
    Files.writeString(dir.resolve(RunTime.FILE), "{\"started\": \"2026-12-03T09:14:31Z\", \"seconds\": 3}");
    assertThat(RunTime.read(dir)).get().extracting(RunTime::parts).isEqualTo(1);
  }

  @Test
  void aDamagedFileIsNamed() throws IOException {
    Files.writeString(dir.resolve(RunTime.FILE), "{\"seconds\": 3}");
    assertThatThrownBy(() -> RunTime.read(dir)).isInstanceOf(IOException.class)
        .hasMessageContaining(RunTime.FILE).hasMessageContaining("'started'");
  }
}
