package org.ssdbench.results;

import java.io.IOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/**
 * Names and creates run folders. A new run never reuses an existing folder; a part added to one ({@link #reopen}) adds
 * its results beside the folder's, overwrites none of them, and updates only run-time.json and env.json (the TensorRT
 * version, when the first part did not load TensorRT).
 */
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
    return started(dir);
  }

  /**
   * Creates {@code parent/name}, or {@code name-2}, {@code name-3}, ... when a run started in the same second took that
   * name (the creation itself is atomic, so two runs never share a folder).
   */
  public static RunFolder createNew(Path parent, String name) throws IOException {
    Files.createDirectories(parent);
    for (int i = 1; i < 1000; i++) {
      Path dir = parent.resolve(i == 1 ? name : name + "-" + i);
      try {
        Files.createDirectory(dir);
        return started(dir);
      } catch (FileAlreadyExistsException e) {
        // taken by another run: try the next suffix
      }
    }
    throw new FileAlreadyExistsException(parent.resolve(name).toString(), null, "999 run folders of this name exist");
  }

  /**
   * Marks an existing run folder as being added to ({@code run --add-to}): not finished until the added part ends. What
   * the folder holds stays as it is.
   */
  public static RunFolder reopen(Path dir) throws IOException {
    RunFolder folder = new RunFolder(dir);
    mark(folder, "a part added by 'run --add-to'");
    return folder;
  }

  /** Marks a new run folder as not finished yet ({@link RunFolder#markComplete()} removes the mark). */
  private static RunFolder started(Path dir) throws IOException {
    RunFolder folder = new RunFolder(dir);
    mark(folder, "'run'");
    return folder;
  }

  private static void mark(RunFolder folder, String what) throws IOException {
    Files.writeString(folder.incompleteMarker(), "This run has not finished: " + what + " started at "
        + java.time.OffsetDateTime.now().withNano(0) + " and deletes this file when it ends. If it is still here the run"
        + " was stopped; 'report' reports what it left and names what is missing.\n");
  }
}
