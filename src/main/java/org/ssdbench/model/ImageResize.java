package org.ssdbench.model;

import java.awt.RenderingHints;
import java.awt.image.BufferedImage;

/**
 * Scales a batch of images to the network's input size once, before anything is timed, so every configuration, the
 * TensorFlow graph (whose resize is then the identity) and the TensorRT engine alike, sees the same pixels.
 */
public final class ImageResize {
  private ImageResize() {}

  /** {@code images} at {@code height x width} (bilinear); the batch itself when it already has that size. */
  public static ImageBatch to(ImageBatch images, int height, int width) {
    if (images.height() == height && images.width() == width) {
      return images;
    }
    int inPlane = images.height() * images.width() * 3;
    int outPlane = height * width * 3;
    byte[] out = new byte[images.batch() * outPlane];
    for (int n = 0; n < images.batch(); n++) {
      BufferedImage src = new BufferedImage(images.width(), images.height(), BufferedImage.TYPE_INT_RGB);
      byte[] px = images.pixels();
      for (int y = 0; y < images.height(); y++) {
        for (int x = 0; x < images.width(); x++) {
          int at = n * inPlane + (y * images.width() + x) * 3;
          src.setRGB(x, y, (px[at] & 0xff) << 16 | (px[at + 1] & 0xff) << 8 | (px[at + 2] & 0xff));
        }
      }
      BufferedImage dst = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
      var g = dst.createGraphics();
      try {
        g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BILINEAR);
        g.drawImage(src, 0, 0, width, height, null);
      } finally {
        g.dispose();
      }
      for (int y = 0; y < height; y++) {
        for (int x = 0; x < width; x++) {
          int rgb = dst.getRGB(x, y);
          int at = n * outPlane + (y * width + x) * 3;
          out[at] = (byte) (rgb >> 16);
          out[at + 1] = (byte) (rgb >> 8);
          out[at + 2] = (byte) rgb;
        }
      }
    }
    return new ImageBatch(out, images.batch(), height, width);
  }
}
