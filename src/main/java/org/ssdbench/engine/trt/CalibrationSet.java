package org.ssdbench.engine.trt;

import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;
import javax.imageio.ImageIO;
import org.ssdbench.model.ImageBatch;

/**
 * The images INT8 calibration runs on: generated ones ({@link CalibrationImages}, the default) or the photos of a
 * folder ({@code --calibration-images DIR}), each scaled to the network's input size. {@link #id()} names the set for
 * the calibration cache key: the generator's seed and count, or the SHA-256 of the photos' names and bytes.
 *
 * <p>The set is a fixed list of images whatever the engine's batch size: an engine's input has a fixed batch, so a batch
 * of {@code b} images takes the next {@code b} of the list and starts it again where it runs out. The table the key
 * names is then computed from the same images for an engine of any batch size (the key holds no batch size), where
 * taking {@code b} new images per batch would calibrate a batch-256 engine on 4,096 other images than a batch-1 one.
 */
public sealed interface CalibrationSet {
  /** Default: 16 generated images from seed 1234 (16 batches at batch size 1). */
  int DEFAULT_BATCHES = 16;
  long DEFAULT_SEED = 1234;

  String id();

  /** How many images the set holds. */
  int size();

  /** How many batches of {@code batch} images calibration runs: every image at least once. */
  int batches(int batch);

  /** Batch {@code index} of {@code batch} images, {@code height x width}: images {@code index * batch ...}, cycling. */
  ImageBatch batch(int index, int batch, int height, int width);

  /** The set's images at {@code (index * batch + n) mod size}, n < batch, as one batch. */
  static ImageBatch cycling(int size, int index, int batch, int height, int width,
      java.util.function.IntFunction<byte[]> image) {
    byte[] px = new byte[batch * height * width * 3];
    int one = height * width * 3;
    for (int n = 0; n < batch; n++) {
      System.arraycopy(image.apply((int) (((long) index * batch + n) % size)), 0, px, n * one, one);
    }
    return new ImageBatch(px, batch, height, width);
  }

  /** The default set, or the photos of {@code dir} when it is not null. */
  static CalibrationSet of(Path dir) {
    return dir == null ? new Generated(DEFAULT_SEED, DEFAULT_BATCHES) : Photos.of(dir);
  }

  /**
   * {@code count} images, image {@code i} being {@link CalibrationImages#generate} of one image from {@code seed + i}
   * (what batch {@code i} of the batch-1 calibration always was, so the default table's key is unchanged). Calibration
   * runs {@code lcm(count, batch) / batch} batches, so every image weighs the same in the histograms at any batch size:
   * 16 at batch 1, 2 at batch 8, one batch (each image 16 times) at batch 256.
   */
  record Generated(long seed, int count) implements CalibrationSet {
    public Generated {
      if (count < 1) {
        throw new IllegalArgumentException("calibration needs at least 1 batch, got " + count);
      }
    }

    @Override
    public String id() {
      return "generated:seed=%d:batches=%d".formatted(seed, count);
    }

    @Override
    public int size() {
      return count;
    }

    @Override
    public int batches(int batch) {
      return (int) (lcm(count, batch) / batch);
    }

    @Override
    public ImageBatch batch(int index, int batch, int height, int width) {
      return CalibrationSet.cycling(count, index, batch, height, width,
          i -> CalibrationImages.generate(1, height, width, seed + i).pixels());
    }

    private static long lcm(long a, long b) {
      long x = a;
      long y = b;
      while (y != 0) {
        long t = x % y;
        x = y;
        y = t;
      }
      return a / x * b;
    }
  }

  /**
   * JPEG and PNG files of one folder, in name order. Calibration runs {@code ceil(photos / batch)} batches: every photo
   * once, and a last batch that the photos do not fill takes the first ones again (with fewer photos than one batch,
   * they repeat), so those few weigh twice.
   */
  record Photos(Path dir, List<Path> files, String sha256) implements CalibrationSet {
    public Photos {
      files = List.copyOf(files);
    }

    static Photos of(Path dir) {
      if (!Files.isDirectory(dir)) {
        throw new IllegalArgumentException(
            "--calibration-images: " + dir + " is not a folder; pass a folder of JPEG or PNG photos");
      }
      List<Path> files;
      try (Stream<Path> all = Files.list(dir)) {
        files = all.filter(p -> p.getFileName().toString().toLowerCase(Locale.ROOT).matches(".*\\.(jpe?g|png)"))
            .filter(Files::isRegularFile).sorted().toList();
      } catch (IOException e) {
        throw new UncheckedIOException("cannot list " + dir, e);
      }
      if (files.isEmpty()) {
        throw new IllegalArgumentException(
            "--calibration-images: " + dir + " has no .jpg, .jpeg or .png file; put the calibration photos there");
      }
      return new Photos(dir, files, digest(files));
    }

    private static String digest(List<Path> files) {
      try {
        MessageDigest md = MessageDigest.getInstance("SHA-256");
        for (Path f : files) {
          md.update(f.getFileName().toString().getBytes(StandardCharsets.UTF_8));
          md.update(Files.readAllBytes(f));
        }
        return HexFormat.of().formatHex(md.digest());
      } catch (IOException e) {
        throw new UncheckedIOException("cannot read calibration photo", e);
      } catch (NoSuchAlgorithmException e) {
        throw new IllegalStateException(e);
      }
    }

    @Override
    public String id() {
      return "photos:%d:sha256=%s".formatted(files.size(), sha256);
    }

    @Override
    public int size() {
      return files.size();
    }

    @Override
    public int batches(int batch) {
      return (files.size() + batch - 1) / batch;
    }

    @Override
    public ImageBatch batch(int index, int batch, int height, int width) {
      return CalibrationSet.cycling(files.size(), index, batch, height, width, i -> scaled(files.get(i), height, width));
    }

    /** The photo scaled (bilinear) to {@code height x width}, as RGB bytes. */
    static byte[] scaled(Path file, int height, int width) {
      BufferedImage image;
      try {
        image = ImageIO.read(file.toFile());
      } catch (IOException e) {
        throw new IllegalArgumentException("cannot read calibration photo %s: %s".formatted(file, e.getMessage()), e);
      }
      if (image == null) {
        throw new IllegalArgumentException("calibration photo %s is not a JPEG or PNG that javax.imageio can decode"
            .formatted(file));
      }
      BufferedImage out = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
      Graphics2D g = out.createGraphics();
      try {
        g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BILINEAR);
        g.drawImage(image, 0, 0, width, height, null);
      } finally {
        g.dispose();
      }
      int[] argb = out.getRGB(0, 0, width, height, null, 0, width);
      byte[] rgb = new byte[height * width * 3];
      for (int i = 0; i < argb.length; i++) {
        rgb[i * 3] = (byte) (argb[i] >> 16);
        rgb[i * 3 + 1] = (byte) (argb[i] >> 8);
        rgb[i * 3 + 2] = (byte) argb[i];
      }
      return rgb;
    }
  }
}
