package org.ssdbench.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

/**
 * Why a configuration is skipped, with the first cause first: on a machine without an NVIDIA GPU that is the missing
 * GPU, not a Maven profile or a library the libraries' own checks would name.
 */
final class SkipReasons {
  static final String NO_GPU = "no GPU on this machine (no NVIDIA device: /dev/nvidia0 and /proc/driver/nvidia/gpus are"
      + " absent)";

  private final boolean gpuPresent;

  SkipReasons(boolean gpuPresent) {
    this.gpuPresent = gpuPresent;
  }

  /** For this machine: a GPU is present when the NVIDIA driver shows one (no program is run to find out). */
  static SkipReasons ofThisMachine() {
    return new SkipReasons(nvidiaDevicePresent(Path.of("/dev"), Path.of("/proc/driver/nvidia/gpus")));
  }

  static boolean nvidiaDevicePresent(Path dev, Path procGpus) {
    if (Files.exists(dev.resolve("nvidia0"))) {
      return true;
    }
    if (!Files.isDirectory(procGpus)) {
      return false;
    }
    try (Stream<Path> gpus = Files.list(procGpus)) {
      return gpus.findAny().isPresent();
    } catch (IOException e) {
      return false;
    }
  }

  /** The reason a GPU configuration cannot run: "no GPU ..." without one, else the library check's own {@code detail}. */
  String forGpu(String detail) {
    return gpuPresent ? detail : NO_GPU;
  }
}
