package org.ssdbench.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Iterator;
import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.stream.ImageInputStream;

/**
 * Checks an {@code --image} file before a run creates anything: it exists, javax.imageio can read its header as JPEG or
 * PNG, and its size is one the suite accepts (the whole batch of RGB bytes is held in one Java array; the model resizes
 * to 300 x 300 anyway). Reads only the header, so a huge image is refused without decoding it.
 */
final class ImageCheck {
  /** The largest width and height accepted. */
  static final int MAX_SIDE = 8192;

  private ImageCheck() {}

  static void check(Path image, int largestBatch) throws BadInputException {
    if (!Files.isRegularFile(image)) {
      throw new BadInputException(image, "no such image file; pass a JPEG or PNG file, or 'synthetic'");
    }
    int width;
    int height;
    try (ImageInputStream in = ImageIO.createImageInputStream(image.toFile())) {
      Iterator<ImageReader> readers = in == null ? java.util.Collections.emptyIterator() : ImageIO.getImageReaders(in);
      if (!readers.hasNext()) {
        throw new BadInputException(image, "not a JPEG or PNG image that javax.imageio can read");
      }
      ImageReader reader = readers.next();
      try {
        reader.setInput(in, true, true);
        width = reader.getWidth(0);
        height = reader.getHeight(0);
      } finally {
        reader.dispose();
      }
    } catch (IOException | RuntimeException e) {
      throw new BadInputException(image, "cannot read the image header (" + e.getMessage() + "); pass a JPEG or PNG");
    }
    long bytes = (long) width * height * 3 * Math.max(1, largestBatch);
    if (width < 1 || height < 1 || width > MAX_SIDE || height > MAX_SIDE || bytes > Integer.MAX_VALUE - 8) {
      throw new BadInputException(image, "the image is %d x %d pixels; accepted: 1 to %d pixels a side (and, times the batch of %d, under 2 GB of RGB); scale it down, the model resizes to 300 x 300 anyway"
          .formatted(width, height, MAX_SIDE, largestBatch));
    }
  }
}
