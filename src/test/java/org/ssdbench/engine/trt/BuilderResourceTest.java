package org.ssdbench.engine.trt;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

final class BuilderResourceTest {
  @Test
  void aLoadedCopyOutsideTheSearchPathMeansFailedBuildsAndSaysWhichFolderToAdd(@TempDir Path cache) {
    Path loaded = cache.resolve(BuilderResource.FILE);

    String why = BuilderResource.whyUnfindable(Optional.of(loaded), "/opt/other", false);

    assertThat(why).contains("engine builds will fail").contains("LD_LIBRARY_PATH=" + cache)
        .contains("Engines already in the cache still load");
  }

  @Test
  void aFolderOfLdLibraryPathThatHoldsItOrTheLinkerCacheIsEnough(@TempDir Path dir) throws Exception {
    Files.writeString(dir.resolve(BuilderResource.FILE), "");

    assertThat(BuilderResource.whyUnfindable(Optional.empty(), "/nope:" + dir, false)).isEmpty();
    assertThat(BuilderResource.whyUnfindable(Optional.empty(), null, true)).isEmpty();
    assertThat(BuilderResource.whyUnfindable(Optional.empty(), null, false)).contains("~/.javacpp/cache");
  }

  @Test
  void thisProcessHasNotLoadedIt() {
    assertThat(BuilderResource.loadedCopy()).isEmpty();
  }
}
