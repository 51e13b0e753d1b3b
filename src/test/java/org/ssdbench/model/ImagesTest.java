package org.ssdbench.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

final class ImagesTest {
  @TempDir Path dir;

  @Test
  void syntheticImageIsDeterministicPerSeed() {
    ImageBatch a = SyntheticImage.create(5, 1, 120, 160);
    ImageBatch b = SyntheticImage.create(5, 1, 120, 160);
    ImageBatch c = SyntheticImage.create(6, 1, 120, 160);
    assertThat(a.pixels()).isEqualTo(b.pixels());
    assertThat(a.pixels()).isNotEqualTo(c.pixels());
    assertThat(a.shape()).containsExactly(1L, 120L, 160L, 3L);
  }

  @Test
  void syntheticImageHasStructureNotAFlatColour() {
    byte[] px = SyntheticImage.create(1, 1, 300, 300).pixels();
    long distinct = java.util.stream.IntStream.range(0, px.length).map(i -> px[i] & 0xff).distinct().count();
    assertThat(distinct).isGreaterThan(100);
  }

  @Test
  void syntheticImageRepeatsOverTheBatch() {
    ImageBatch two = SyntheticImage.create(1, 2, 50, 40);
    int one = 50 * 40 * 3;
    assertThat(Arrays.copyOfRange(two.pixels(), 0, one)).isEqualTo(Arrays.copyOfRange(two.pixels(), one, 2 * one));
  }

  @Test
  void readsAPngIntoRgbBytesRepeatedToTheBatch() throws Exception {
    BufferedImage img = new BufferedImage(4, 3, BufferedImage.TYPE_INT_RGB);
    img.setRGB(1, 2, 0x102030);
    Path file = dir.resolve("tiny.png");
    ImageIO.write(img, "png", file.toFile());
    ImageBatch batch = ImageFiles.read(file, 2);
    assertThat(batch.shape()).containsExactly(2L, 3L, 4L, 3L);
    int at = (2 * 4 + 1) * 3;
    assertThat(new int[] {batch.pixels()[at] & 0xff, batch.pixels()[at + 1] & 0xff, batch.pixels()[at + 2] & 0xff})
        .containsExactly(0x10, 0x20, 0x30);
    assertThat(batch.pixels()[36 + at]).isEqualTo(batch.pixels()[at]);
  }

  @Test
  void failsOnMissingImage() {
    Path missing = dir.resolve("missing.jpg");
    assertThatThrownBy(() -> ImageFiles.read(missing, 1)).isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("Image file not found").hasMessageContaining(missing.toString());
  }

  @Test
  void failsOnAFileThatIsNotAnImage() throws Exception {
    Path file = dir.resolve("notes.jpg");
    Files.writeString(file, "not an image");
    assertThatThrownBy(() -> ImageFiles.read(file, 1)).isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("is not a JPEG or PNG").hasMessageContaining(file.toString());
  }
}
