package org.ssdbench.model;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import javax.imageio.ImageIO;

/** Reads a JPEG or PNG file into an {@link ImageBatch}, repeating the image to fill the batch. */
public final class ImageFiles {
  private ImageFiles() {}

  public static ImageBatch read(Path path, int batch) {
    if (batch < 1) {
      throw new IllegalArgumentException("batch must be at least 1, got " + batch);
    }
    if (!Files.isRegularFile(path)) {
      throw new IllegalArgumentException("Image file not found: " + path + "; pass a JPEG or PNG file");
    }
    BufferedImage image;
    try {
      image = ImageIO.read(path.toFile());
    } catch (IOException e) {
      throw new IllegalArgumentException("Cannot read image %s: %s; pass a JPEG or PNG file".formatted(path, e.getMessage()), e);
    }
    if (image == null) {
      throw new IllegalArgumentException("Image file %s is not a JPEG or PNG that javax.imageio can decode".formatted(path));
    }
    int h = image.getHeight();
    int w = image.getWidth();
    int[] argb = image.getRGB(0, 0, w, h, null, 0, w);
    byte[] one = new byte[h * w * 3];
    for (int i = 0; i < argb.length; i++) {
      one[i * 3] = (byte) (argb[i] >> 16);
      one[i * 3 + 1] = (byte) (argb[i] >> 8);
      one[i * 3 + 2] = (byte) argb[i];
    }
    byte[] all = new byte[one.length * batch];
    for (int i = 0; i < batch; i++) {
      System.arraycopy(one, 0, all, i * one.length, one.length);
    }
    return new ImageBatch(all, batch, h, w);
  }
}
