package org.ssdbench.results;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.Properties;

/**
 * Runs at build time (Maven's process-classes phase) and writes {@link BuildInfo#RESOURCE}: the suite's version and the
 * commit its sources were built from. The commit is read from the files of the source tree's {@code .git} (HEAD, refs,
 * packed-refs; a worktree's {@code gitdir} and {@code commondir} links), so no program is run: nothing of a repository's
 * configuration (hooks, fsmonitor) can execute. A tree without {@code .git} (a source archive) records "unknown".
 *
 * <p>Arguments: the source tree's root, the version, the properties file to write.
 */
public final class BuildInfoWriter {
  private BuildInfoWriter() {}

  public static void main(String[] args) throws IOException {
    if (args.length != 3) {
      throw new IllegalArgumentException("usage: BuildInfoWriter SOURCE_ROOT VERSION OUTPUT_FILE");
    }
    write(Path.of(args[0]), args[1], Path.of(args[2]));
  }

  static void write(Path root, String version, Path output) throws IOException {
    Properties properties = new Properties();
    properties.setProperty("version", version);
    properties.setProperty("commit", commit(root).orElse(BuildInfo.UNKNOWN));
    Files.createDirectories(output.toAbsolutePath().getParent());
    try (OutputStream out = Files.newOutputStream(output)) {
      // No date comment: the same sources give the same file.
      out.write(("version=" + escape(properties.getProperty("version")) + "\ncommit="
          + escape(properties.getProperty("commit")) + "\n").getBytes(StandardCharsets.ISO_8859_1));
    }
  }

  /** The commit HEAD points at in {@code root/.git}, 12 hex digits; empty when it cannot be read. */
  static Optional<String> commit(Path root) throws IOException {
    Path dotGit = root.resolve(".git");
    Path gitDir;
    if (Files.isDirectory(dotGit)) {
      gitDir = dotGit;
    } else if (Files.isRegularFile(dotGit)) {
      String link = Files.readString(dotGit).strip();
      if (!link.startsWith("gitdir:")) {
        return Optional.empty();
      }
      gitDir = root.resolve(link.substring("gitdir:".length()).strip()).normalize();
    } else {
      return Optional.empty();
    }
    Path headFile = gitDir.resolve("HEAD");
    if (!Files.isRegularFile(headFile)) {
      return Optional.empty();
    }
    String head = Files.readString(headFile).strip();
    if (!head.startsWith("ref:")) {
      return hex(head);
    }
    String ref = head.substring("ref:".length()).strip();
    Path common = gitDir;
    Path commonDirFile = gitDir.resolve("commondir");
    if (Files.isRegularFile(commonDirFile)) {
      common = gitDir.resolve(Files.readString(commonDirFile).strip()).normalize();
    }
    for (Path dir : new Path[] {gitDir, common}) {
      Path refFile = dir.resolve(ref);
      if (Files.isRegularFile(refFile)) {
        return hex(Files.readString(refFile).strip());
      }
    }
    Path packed = common.resolve("packed-refs");
    if (Files.isRegularFile(packed)) {
      for (String line : Files.readAllLines(packed)) {
        String[] parts = line.strip().split(" ");
        if (parts.length == 2 && parts[1].equals(ref)) {
          return hex(parts[0]);
        }
      }
    }
    return Optional.empty();
  }

  private static Optional<String> hex(String sha) {
    return sha.matches("[0-9a-f]{40}([0-9a-f]{24})?") ? Optional.of(sha.substring(0, 12)) : Optional.empty();
  }

  private static String escape(String value) {
    return value.replace("\\", "\\\\").replace("\n", "\\n");
  }
}
