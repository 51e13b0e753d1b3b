package org.ssdbench.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.stream.Stream;

/** Paths of the test resources, and copies of run folders that a test may write into. */
public final class Fixtures {
  private Fixtures() {}

  /** The resource {@code name}, e.g. {@code "jmh/sample-histogram.json"}. */
  public static Path resource(String name) {
    try {
      return Path.of(Fixtures.class.getResource("/" + name).toURI());
    } catch (URISyntaxException | NullPointerException e) {
      throw new IllegalArgumentException("No test resource '" + name + "'", e);
    }
  }

  /** A copy of the run folder {@code runs/<name>} under {@code dir}, so tests never write into the resources. */
  public static Path copyOfRun(String name, Path dir) {
    return copyOfFolder(resource("runs/" + name), dir);
  }

  /** A copy of the folder {@code source} (a committed run under results/, say) inside {@code dir}, by its name. */
  public static Path copyOfFolder(Path source, Path dir) {
    Path target = dir.resolve(source.getFileName().toString());
    try (Stream<Path> files = Files.walk(source)) {
      for (Path file : (Iterable<Path>) files::iterator) {
        Path copy = target.resolve(source.relativize(file).toString());
        if (Files.isDirectory(file)) {
          Files.createDirectories(copy);
        } else {
          Files.copy(file, copy, StandardCopyOption.REPLACE_EXISTING);
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return target;
  }
}
