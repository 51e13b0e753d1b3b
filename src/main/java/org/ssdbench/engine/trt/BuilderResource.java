package org.ssdbench.engine.trt;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * Whether TensorRT's builder will find {@value #FILE}. The builder opens it with {@code dlopen} by file name when an
 * engine is built, and its soname ({@code do_not_link_against_nvinfer_builder_resource}) keeps a copy already loaded
 * (JavaCPP loads the one in the redist jar) from matching: the file must be in a folder of {@code LD_LIBRARY_PATH}
 * (read when the process starts) or in the dynamic linker's cache. Without it every engine build fails with "Unable to
 * load library"; engines already in the cache still load, so this is a warning, not a reason to skip TensorRT.
 */
public final class BuilderResource {
  public static final String FILE = "libnvinfer_builder_resource.so.10.6.0";

  private BuilderResource() {}

  /** Empty when a build will find the library; else what to do. Reads /proc/self/maps and runs {@code ldconfig -p}. */
  public static String whyBuildsWillFail() {
    return whyUnfindable(loadedCopy(), System.getenv("LD_LIBRARY_PATH"), ldconfigKnows());
  }

  /**
   * @param loaded the path of the copy this process loaded, if any
   * @param ldLibraryPath the process's LD_LIBRARY_PATH (null when unset)
   * @param inLinkerCache whether {@code ldconfig -p} lists the file
   */
  static String whyUnfindable(Optional<Path> loaded, String ldLibraryPath, boolean inLinkerCache) {
    if (inLinkerCache) {
      return "";
    }
    List<String> dirs = ldLibraryPath == null ? List.of()
        : Arrays.stream(ldLibraryPath.split(":")).filter(d -> !d.isBlank()).toList();
    if (dirs.stream().anyMatch(d -> Files.isRegularFile(Path.of(d).resolve(FILE)))) {
      return "";
    }
    String where = loaded.map(p -> p.getParent().toString())
        .orElse("the folder that holds it (with the redist jars: ~/.javacpp/cache/<tensorrt redist jar>/org/bytedeco/"
            + "tensorrt/linux-x86_64)");
    return ("TensorRT engine builds will fail: its builder opens %s by file name and no folder of LD_LIBRARY_PATH or "
        + "the linker cache has it; start Java with LD_LIBRARY_PATH=%s (run-bench.sh does). Engines already in the "
        + "cache still load.").formatted(FILE, where);
  }

  /** The loaded copy's path, from this process's memory map. */
  static Optional<Path> loadedCopy() {
    try {
      return Files.readAllLines(Path.of("/proc/self/maps")).stream().map(line -> line.split("\\s+"))
          .filter(f -> f.length >= 6 && f[5].endsWith("/" + FILE)).map(f -> Path.of(f[5])).findFirst();
    } catch (IOException | RuntimeException e) {
      return Optional.empty();
    }
  }

  private static boolean ldconfigKnows() {
    for (String ldconfig : List.of("/sbin/ldconfig", "/usr/sbin/ldconfig", "ldconfig")) {
      try {
        Process p = new ProcessBuilder(ldconfig, "-p").redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        if (p.waitFor() == 0) {
          return out.contains(FILE);
        }
      } catch (IOException e) {
        // try the next location
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return false;
      }
    }
    return false;
  }
}
