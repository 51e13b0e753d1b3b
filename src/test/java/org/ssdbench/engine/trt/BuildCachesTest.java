package org.ssdbench.engine.trt;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.awt.image.BufferedImage;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

final class BuildCachesTest {
  @TempDir Path dir;

  private static final String MODEL = "cd".repeat(32);

  private BuildCaches caches(String gpu, String trt, CalibrationSet set) {
    return BuildCaches.in(dir, MODEL, new GpuInfo(gpu, "9.0"), trt, set);
  }

  private static byte[] bytes(String s) {
    return s.getBytes(StandardCharsets.UTF_8);
  }

  @Test
  void timingCacheWrittenForOneGpuIsReadBackForTheSameGpuAndVersion() {
    BuildCaches h200 = caches("NVIDIA H200", "10.6.0", CalibrationSet.of(null));
    h200.timingFile().write(h200.timing(), bytes("timings"));

    var lookup = caches("NVIDIA H200", "10.6.0", CalibrationSet.of(null)).timingFile().read(h200.timing());

    assertThat(lookup.bytes()).hasValueSatisfying(b -> assertThat(new String(b, StandardCharsets.UTF_8)).isEqualTo("timings"));
    assertThat(h200.timingCacheFile().getFileName().toString()).isEqualTo("timing-nvidia-h200-cc9.0-trt10.6.0.cache");
    assertThat(Files.exists(dir.resolve("timing-nvidia-h200-cc9.0-trt10.6.0.cache.json"))).isTrue();
  }

  @Test
  void timingCacheOfAnotherTensorRtVersionOrGpuUnderTheSameNameIsRejectedWithTheReason() throws Exception {
    BuildCaches old = caches("NVIDIA H200", "10.5.0", CalibrationSet.of(null));
    BuildCaches now = caches("NVIDIA H200", "10.6.0", CalibrationSet.of(null));
    // a cache copied under the current file name, but its sidecar says 10.5.0
    old.timingFile().write(old.timing(), bytes("old timings"));
    Files.move(old.timingCacheFile(), now.timingCacheFile());
    Files.move(old.timingFile().sidecar(), now.timingFile().sidecar());

    var lookup = now.timingFile().read(now.timing());

    assertThat(lookup.bytes()).isEmpty();
    assertThat(lookup.reason()).contains("belongs to another key").contains("10.5.0");
  }

  @Test
  void timingCacheWithoutSidecarIsRejectedAndARewriteIsAcceptedAgain() throws Exception {
    BuildCaches h100 = caches("NVIDIA H100 80GB HBM3", "10.6.0", CalibrationSet.of(null));
    Files.write(h100.timingCacheFile(), bytes("orphan"));

    assertThat(h100.timingFile().read(h100.timing()).reason()).contains("has no key sidecar");
    h100.timingFile().write(h100.timing(), bytes("rebuilt"));
    assertThat(h100.timingFile().read(h100.timing()).bytes()).isPresent();
    try (var files = Files.list(dir)) {
      assertThat(files.map(p -> p.getFileName().toString())).noneMatch(n -> n.endsWith(".tmp"));
    }
  }

  @Test
  void differentGpusGetDifferentTimingCacheFiles() {
    assertThat(caches("NVIDIA H100 80GB HBM3", "10.6.0", CalibrationSet.of(null)).timingCacheFile())
        .isNotEqualTo(caches("NVIDIA H200", "10.6.0", CalibrationSet.of(null)).timingCacheFile());
  }

  @Test
  void calibrationTableIsKeyedByModelAndCalibrationSetButNotByGpu() {
    BuildCaches onH100 = caches("NVIDIA H100 80GB HBM3", "10.6.0", CalibrationSet.of(null));
    onH100.calibrationTable().write(onH100.calibration(), bytes("table"));

    BuildCaches onH200 = caches("NVIDIA H200", "10.6.0", CalibrationSet.of(null));
    BuildCaches otherImages = caches("NVIDIA H200", "10.6.0", new CalibrationSet.Generated(7, 16));

    assertThat(onH200.calibrationTable().read(onH200.calibration()).bytes()).isPresent();
    assertThat(otherImages.calibrationFile()).isNotEqualTo(onH200.calibrationFile());
    assertThat(otherImages.calibrationTable().read(otherImages.calibration()).bytes()).isEmpty();
  }

  @Test
  void photoFolderCalibratesOnItsImagesScaledToTheInputAndIsNamedByTheirContent() throws Exception {
    Path photos = Files.createDirectory(dir.resolve("photos"));
    for (int i = 0; i < 3; i++) {
      BufferedImage img = new BufferedImage(40, 20, BufferedImage.TYPE_INT_RGB);
      for (int y = 0; y < 20; y++) {
        for (int x = 0; x < 40; x++) {
          img.setRGB(x, y, (200 << 16) | (i * 50 << 8) | 10);
        }
      }
      ImageIO.write(img, "png", photos.resolve("p" + i + ".png").toFile());
    }
    Files.writeString(photos.resolve("notes.txt"), "not an image");

    CalibrationSet set = CalibrationSet.of(photos);
    var batch = set.batch(1, 1, 30, 30);

    assertThat(set.batches(2)).as("three photos at batch 2: the last batch takes the first again").isEqualTo(2);
    assertThat(set.id()).startsWith("photos:3:sha256=");
    assertThat(batch.pixels()).hasSize(30 * 30 * 3);
    assertThat(Byte.toUnsignedInt(batch.pixels()[0])).isEqualTo(200);
    assertThat(Byte.toUnsignedInt(batch.pixels()[1])).isEqualTo(50);
    Files.write(photos.resolve("p0.png"), Files.readAllBytes(photos.resolve("p2.png")));
    assertThat(CalibrationSet.of(photos).id()).isNotEqualTo(set.id());
  }

  @Test
  void emptyOrMissingPhotoFolderFailsNamingTheFolder() throws Exception {
    Path empty = Files.createDirectory(dir.resolve("empty"));
    assertThatThrownBy(() -> CalibrationSet.of(empty)).isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining(empty.toString()).hasMessageContaining(".jpg");
    assertThatThrownBy(() -> CalibrationSet.of(dir.resolve("nope"))).hasMessageContaining("is not a folder");
  }
}
