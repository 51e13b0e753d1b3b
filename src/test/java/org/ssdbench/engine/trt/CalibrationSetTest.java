package org.ssdbench.engine.trt;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.nio.file.Path;
import java.util.Arrays;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.ssdbench.model.ImageBatch;

/** The calibration images are the same list for an engine of any batch size, as the calibration key says. */
final class CalibrationSetTest {
  private static final int H = 6;
  private static final int W = 5;
  private static final int ONE = H * W * 3;

  private final CalibrationSet.Generated set = new CalibrationSet.Generated(CalibrationSet.DEFAULT_SEED, 16);

  @Test
  void atBatchOneEachBatchIsTheImageItAlwaysWasSoTheDefaultTableKeepsItsKey() {
    assertThat(set.batches(1)).isEqualTo(16);
    for (int k = 0; k < 16; k++) {
      assertThat(set.batch(k, 1, H, W).pixels())
          .isEqualTo(CalibrationImages.generate(1, H, W, CalibrationSet.DEFAULT_SEED + k).pixels());
    }
    assertThat(set.id()).isEqualTo("generated:seed=1234:batches=16");
  }

  @Test
  void largerBatchesHoldTheSameSixteenImagesEachAsOftenAsTheOthers() {
    assertThat(set.batches(8)).isEqualTo(2);
    assertThat(image(set.batch(1, 8, H, W), 3)).isEqualTo(image(set.batch(11, 1, H, W), 0));

    assertThat(set.batches(256)).isEqualTo(1);
    ImageBatch all = set.batch(0, 256, H, W);
    for (int n = 0; n < 256; n++) {
      assertThat(image(all, n)).isEqualTo(image(set.batch(n % 16, 1, H, W), 0));
    }

    // 5 does not divide 16: 16 batches of 5, every image 5 times
    assertThat(set.batches(5)).isEqualTo(16);
    int[] seen = new int[16];
    for (int k = 0; k < set.batches(5); k++) {
      ImageBatch b = set.batch(k, 5, H, W);
      for (int n = 0; n < 5; n++) {
        for (int i = 0; i < 16; i++) {
          if (Arrays.equals(image(b, n), image(set.batch(i, 1, H, W), 0))) {
            seen[i]++;
          }
        }
      }
    }
    assertThat(seen).containsOnly(5);
  }

  @Test
  void photosFillTheLastBatchFromTheStartInsteadOfLeavingPhotosOut(@TempDir Path dir) throws Exception {
    for (int i = 0; i < 3; i++) {
      BufferedImage img = new BufferedImage(W, H, BufferedImage.TYPE_INT_RGB);
      img.setRGB(0, 0, 0x102030 * (i + 1));
      ImageIO.write(img, "png", dir.resolve("p" + i + ".png").toFile());
    }
    CalibrationSet photos = CalibrationSet.of(dir);

    assertThat(photos.size()).isEqualTo(3);
    assertThat(photos.batches(2)).isEqualTo(2);
    assertThat(image(photos.batch(1, 2, H, W), 1)).isEqualTo(image(photos.batch(0, 1, H, W), 0));
    // fewer photos than one batch: they repeat, where calibration used to refuse
    assertThat(photos.batches(8)).isEqualTo(1);
    assertThat(image(photos.batch(0, 8, H, W), 7)).isEqualTo(image(photos.batch(1, 1, H, W), 0));
  }

  private static byte[] image(ImageBatch b, int n) {
    return Arrays.copyOfRange(b.pixels(), n * ONE, (n + 1) * ONE);
  }
}
