package org.ssdbench.results;

import java.io.IOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/** Names and creates run folders. An existing folder is never reused: results are not overwritten. */
public final class RunFolders {
  private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss");

  private RunFolders() {}

  /** {@code <host>-<gpu>-<yyyyMMdd-HHmmss>}, with the GPU's name shortened to letters, digits and dashes ("cpu" without). */
  public static String name(Environment env, LocalDateTime when) {
    String gpu = env.gpuName() == null ? "cpu" : slug(env.gpuName().replaceFirst("(?i)^nvidia\\s+", ""));
    return slug(env.host()) + "-" + gpu + "-" + STAMP.format(when);
  }

  static String slug(String text) {
    String s = text.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-").replaceAll("(^-|-$)", "");
    return s.isEmpty() ? "unknown" : s;
  }

  /**
   * Creates {@code dir} (and its parents).
   *
   * @throws FileAlreadyExistsException when it exists already, so earlier results stay as they are
   */
  public static RunFolder create(Path dir) throws IOException {
    if (Files.exists(dir)) {
      throw new FileAlreadyExistsException(dir.toString(), null,
          "results folder exists already; choose another --out or move it away (results are never overwritten)");
    }
    Files.createDirectories(dir.getParent() == null ? Path.of(".") : dir.toAbsolutePath().getParent());
    Files.createDirectory(dir);
    return new RunFolder(dir);
  }
}
