package org.ssdbench.results;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

final class RunFoldersTest {
  @TempDir Path dir;

  @Test
  void twoRunsStartedInTheSameSecondGetDistinctFolders() throws Exception {
    RunFolder first = RunFolders.createNew(dir, "host-cpu-20261202-180000");
    RunFolder second = RunFolders.createNew(dir, "host-cpu-20261202-180000");

    assertThat(first.dir().getFileName()).hasToString("host-cpu-20261202-180000");
    assertThat(second.dir().getFileName()).hasToString("host-cpu-20261202-180000-2");
  }

  @Test
  void aNewFolderIsMarkedIncompleteUntilTheRunEnds() throws Exception {
    RunFolder folder = RunFolders.createNew(dir, "run");

    assertThat(folder.isIncomplete()).isTrue();
    folder.markComplete();
    assertThat(folder.isIncomplete()).isFalse();
    assertThat(Files.list(folder.dir())).isEmpty();
  }

  @Test
  void partialJmhFilesAreListedApartFromCompleteOnes() throws Exception {
    RunFolder folder = RunFolders.create(dir.resolve("run"));
    Files.writeString(folder.dir().resolve("jmh-e2e.json"), "[]");
    Files.writeString(folder.dir().resolve("jmh-trt.json.partial"), "");

    assertThat(folder.jmhJsonFiles()).extracting(p -> p.getFileName().toString()).containsExactly("jmh-e2e.json");
    assertThat(folder.partialJmhFiles()).extracting(p -> p.getFileName().toString())
        .containsExactly("jmh-trt.json.partial");
  }
}
