package org.ssdbench.results;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

final class BuildInfoWriterTest {
  private static final String SHA = "0123456789abcdef0123456789abcdef01234567";

  @TempDir Path dir;

  @Test
  void readsTheCommitOfABranchFromItsRefFile() throws Exception {
    Path git = Files.createDirectories(dir.resolve("src/.git/refs/heads"));
    Files.writeString(dir.resolve("src/.git/HEAD"), "ref: refs/heads/main\n");
    Files.writeString(git.resolve("main"), SHA + "\n");

    assertThat(BuildInfoWriter.commit(dir.resolve("src"))).contains("0123456789ab");
  }

  @Test
  void followsAWorktreeLinkAndPackedRefs() throws Exception {
    Path common = Files.createDirectories(dir.resolve("main/.git"));
    Path worktree = Files.createDirectories(common.resolve("worktrees/wt"));
    Files.writeString(worktree.resolve("HEAD"), "ref: refs/heads/topic\n");
    Files.writeString(worktree.resolve("commondir"), "../..\n");
    Files.writeString(common.resolve("packed-refs"), "# pack-refs with: peeled\n" + SHA + " refs/heads/topic\n");
    Path tree = Files.createDirectories(dir.resolve("wt"));
    Files.writeString(tree.resolve(".git"), "gitdir: " + worktree + "\n");

    assertThat(BuildInfoWriter.commit(tree)).contains("0123456789ab");
  }

  @Test
  void aDetachedHeadIsItsOwnCommitAndNoGitIsUnknown() throws Exception {
    Files.createDirectories(dir.resolve("d/.git"));
    Files.writeString(dir.resolve("d/.git/HEAD"), SHA);
    Path output = dir.resolve("out/build.properties");

    BuildInfoWriter.write(dir.resolve("d"), "1.2.3", output);
    BuildInfoWriter.write(dir.resolve("none"), "1.2.3", dir.resolve("none.properties"));

    Properties written = new Properties();
    written.load(Files.newBufferedReader(output));
    assertThat(written).containsEntry("commit", "0123456789ab").containsEntry("version", "1.2.3");
    assertThat(Files.readString(dir.resolve("none.properties"))).contains("commit=unknown");
  }

  @Test
  void theBuildRecordedThisSuitesVersionAndTheEnvironmentUsesIt() {
    BuildInfo info = BuildInfo.current();

    assertThat(info.version()).isNotEqualTo(BuildInfo.UNKNOWN);
    assertThat(info.describe()).startsWith("ssdbench " + info.version());
    assertThat(EnvironmentProbe.suiteCommit()).isEqualTo(
        BuildInfo.UNKNOWN.equals(info.commit()) ? null : info.commit());
  }

  @Test
  void theProbeRunsNoGitInTheWorkingDirectory() throws Exception {
    String source = Files.readString(Path.of("src/main/java/org/ssdbench/results/EnvironmentProbe.java"));
    String script = Files.readString(Path.of("run-bench.sh"));

    assertThat(source).doesNotContain("\"git\"").doesNotContain("ssdbench.commit");
    assertThat(script).doesNotContainPattern("(?m)^[^#]*\\bgit ").doesNotContain("ssdbench.commit");
  }
}
