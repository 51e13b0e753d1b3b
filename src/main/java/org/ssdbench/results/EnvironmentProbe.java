package org.ssdbench.results;

import java.io.IOException;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Reads what a run measures on: the GPU from {@code nvidia-smi}, the CUDA runtime and cuDNN from their libraries when the
 * bindings load, the CPU from /proc/cpuinfo, versions of the JVM and TF. Whatever cannot be read stays null.
 */
public final class EnvironmentProbe {
  private EnvironmentProbe() {}

  /**
   * @param tensorflow TF's version string (the caller has TF loaded; this class does not load it)
   * @param tensorrt TensorRT's version, or null
   * @param tfThreads how the TF sessions' thread pools were configured
   */
  public static Environment probe(String tensorflow, String tensorrt, String tfThreads, String modelSource,
      String modelSha256) {
    List<String> gpu = nvidiaSmi();
    return new Environment(
        hostName(),
        field(gpu, 0),
        field(gpu, 1),
        cudaRuntime(),
        cudnn(),
        field(gpu, 2),
        parseLong(field(gpu, 3)),
        gpu.isEmpty() ? null : "sm %s MHz, mem %s MHz (max)".formatted(field(gpu, 4), field(gpu, 5)),
        cpuModel(),
        Runtime.getRuntime().availableProcessors(),
        System.getProperty("os.name") + " " + System.getProperty("os.version") + " " + System.getProperty("os.arch"),
        System.getProperty("java.vm.name") + " " + System.getProperty("java.runtime.version"),
        tensorflow,
        tensorrt,
        tfThreads,
        suiteCommit(),
        modelSource,
        modelSha256,
        OffsetDateTime.now().withNano(0).toString());
  }

  /** name, driver, compute capability, memory MiB, max SM clock, max memory clock of GPU 0; empty without nvidia-smi. */
  static List<String> nvidiaSmi() {
    String out = run("nvidia-smi",
        "--query-gpu=name,driver_version,compute_cap,memory.total,clocks.max.sm,clocks.max.mem",
        "--format=csv,noheader,nounits", "--id=0");
    if (out == null || out.isBlank()) {
      return List.of();
    }
    return List.of(out.lines().findFirst().orElse("").split("\\s*,\\s*"));
  }

  static String cudaRuntime() {
    try {
      int[] version = new int[1];
      Class<?> cudart = Class.forName("org.bytedeco.cuda.global.cudart");
      org.bytedeco.javacpp.Loader.load(cudart);
      cudart.getMethod("cudaRuntimeGetVersion", int[].class).invoke(null, (Object) version);
      return "%d.%d".formatted(version[0] / 1000, (version[0] % 1000) / 10);
    } catch (ReflectiveOperationException | LinkageError | RuntimeException e) {
      return null;
    }
  }

  static String cudnn() {
    try {
      Class<?> cudnn = Class.forName("org.bytedeco.cuda.global.cudnn");
      org.bytedeco.javacpp.Loader.load(cudnn);
      long v = ((Number) cudnn.getMethod("cudnnGetVersion").invoke(null)).longValue();
      // cuDNN 9 encodes major*10000 + minor*100 + patch.
      return "%d.%d.%d".formatted(v / 10000, (v % 10000) / 100, v % 100);
    } catch (ReflectiveOperationException | LinkageError | RuntimeException e) {
      return null;
    }
  }

  static String cpuModel() {
    try {
      return Files.readAllLines(Path.of("/proc/cpuinfo")).stream()
          .filter(l -> l.startsWith("model name"))
          .map(l -> l.substring(l.indexOf(':') + 1).trim())
          .findFirst()
          .orElse(null);
    } catch (IOException e) {
      return null;
    }
  }

  /**
   * The suite's commit as recorded when the jar was built ({@link BuildInfo}); null when unknown. Never read from the
   * working directory: running git there would run that repository's configured commands and record its commit.
   */
  static String suiteCommit() {
    String commit = BuildInfo.current().commit();
    return BuildInfo.UNKNOWN.equals(commit) ? null : commit;
  }

  static String hostName() {
    try {
      return InetAddress.getLocalHost().getHostName();
    } catch (IOException e) {
      return System.getenv().getOrDefault("HOSTNAME", "unknown-host");
    }
  }

  private static String field(List<String> values, int i) {
    return i < values.size() && !values.get(i).isBlank() && !values.get(i).contains("N/A") ? values.get(i) : null;
  }

  private static Long parseLong(String s) {
    try {
      return s == null ? null : Long.parseLong(s.trim());
    } catch (NumberFormatException e) {
      return null;
    }
  }

  /** Runs a command for its standard output; null when it is missing, fails or takes over 10 s. */
  static String run(String... command) {
    try {
      Process p = new ProcessBuilder(command).redirectErrorStream(false).start();
      p.getOutputStream().close();
      byte[] out = p.getInputStream().readAllBytes();
      if (!p.waitFor(10, TimeUnit.SECONDS) || p.exitValue() != 0) {
        p.destroyForcibly();
        return null;
      }
      return new String(out, StandardCharsets.UTF_8);
    } catch (IOException e) {
      return null;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return null;
    }
  }
}
