package org.ssdbench.results;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

final class HostLoadTest {
  @TempDir Path dir;

  private static final String STAT_BEFORE = """
      cpu  1000 10 500 8000 100 0 20 300 0 0
      cpu0 500 5 250 4000 50 0 10 150 0 0
      intr 12345
      """;
  private static final String STAT_AFTER = """
      cpu  1600 10 700 8900 100 0 30 400 0 0
      cpu0 800 5 350 4450 50 0 15 200 0 0
      """;

  @Test
  void stealIsItsShareOfAllCpuTimeBetweenTwoSnapshots() {
    HostLoad.CpuTimes before = HostLoad.CpuTimes.parse(STAT_BEFORE).orElseThrow();
    HostLoad.CpuTimes after = HostLoad.CpuTimes.parse(STAT_AFTER).orElseThrow();

    assertThat(before).isEqualTo(new HostLoad.CpuTimes(9930, 300));
    // (400 - 300) of (600 + 200 + 900 + 10 + 100) ticks
    assertThat(after.stealShareSince(before)).isCloseTo(100.0 / 1810, org.assertj.core.data.Offset.offset(1e-12));
    assertThat(HostLoad.CpuTimes.parse("cpu  1 2 3\n")).isEmpty();
    assertThat(HostLoad.CpuTimes.parse("intr 1\n")).isEmpty();
  }

  @Test
  void aPartFinishedWithoutProcIsUnknownNotZero() {
    HostLoad.Start start = new HostLoad.Start(Instant.parse("2026-12-04T05:08:03Z"), Double.NaN, Optional.empty());

    HostLoad load = start.finish(Instant.parse("2026-12-04T05:24:32Z"), HostLoad.CpuTimes.parse(STAT_AFTER));

    assertThat(load.took()).isEqualTo(Duration.ofSeconds(989));
    assertThat(load.stealShare()).isNaN();
    assertThat(load.notableSteal()).isFalse();
    assertThat(load.describe()).isEqualTo("load average unknown at its start, CPU steal unknown of CPU time");
  }

  @Test
  void readsTheLoadAverageAndThisMachinesProc() throws IOException {
    Path loadavg = Files.writeString(dir.resolve("loadavg"), "0.41 0.35 0.30 2/345 6789\n");

    assertThat(HostLoad.loadAverage(loadavg)).isEqualTo(0.41);
    assertThat(HostLoad.loadAverage(dir.resolve("missing"))).isNaN();
    if (Files.isReadable(Path.of("/proc/stat"))) {
      HostLoad.Start start = HostLoad.start();
      assertThat(start.cpu()).isPresent();
      assertThat(start.loadAverage()).isGreaterThanOrEqualTo(0.0);
    }
  }

  @Test
  void eachPartIsAppendedAndReadBack() throws IOException {
    assertThat(HostLoad.read(dir)).isEmpty();
    HostLoad first = new HostLoad(Instant.parse("2026-12-04T05:08:03Z"), Duration.ofSeconds(989), 0.41, 0.0012);
    HostLoad second = new HostLoad(Instant.parse("2026-12-04T05:30:00Z"), Duration.ofSeconds(300), Double.NaN, 0.05);

    first.appendTo(dir);
    second.appendTo(dir);

    assertThat(HostLoad.read(dir)).hasSize(2);
    assertThat(HostLoad.read(dir).get(0)).isEqualTo(first);
    assertThat(HostLoad.read(dir).get(1).loadAverageAtStart()).isNaN();
    assertThat(HostLoad.read(dir).get(1).notableSteal()).isTrue();
    assertThat(Files.readString(dir.resolve(HostLoad.FILE))).contains("\"loadAverageAtStart\" : null");
  }

  @Test
  void aFileThatIsNotAListOfPartsIsNamed() throws IOException {
    Files.writeString(dir.resolve(HostLoad.FILE), "{\"started\": \"x\"}");

    assertThatThrownBy(() -> HostLoad.read(dir)).hasMessageContaining(HostLoad.FILE).hasMessageContaining("array");
  }
}
