package org.ssdbench.engine.tf;

import java.util.ArrayList;
import java.util.List;

/**
 * Makes the CUDA 12 libraries that TF 2.18 dlopens (cudart, cuBLAS/cuBLASLt, cuFFT, cuSOLVER, cuSPARSE, cuDNN 9) available
 * before any TF class loads its native library.
 *
 * <p>With the {@code redist} profile the libraries are inside the bytedeco jars: loading each binding class through JavaCPP
 * extracts and loads them, and TF's later {@code dlopen("libcudart.so.12")} finds the copy already in the process by its
 * soname. Without those jars nothing happens here and TF looks in the system paths (LD_LIBRARY_PATH, ld.so.conf). Either way
 * {@link #report()} says what was found, for the run's log.
 */
public final class CudaLibraries {
  private static final String[] BINDINGS = {
    "org.bytedeco.cuda.global.cudart",
    "org.bytedeco.cuda.global.cublas",
    "org.bytedeco.cuda.global.cufft",
    "org.bytedeco.cuda.global.cusolver",
    "org.bytedeco.cuda.global.cusparse",
    "org.bytedeco.cuda.global.cudnn",
  };
  private static final List<String> report = new ArrayList<>();
  private static boolean done;

  private CudaLibraries() {}

  /** Loads the redist libraries if their jars are on the class path; a no-op after the first call or without them. */
  public static synchronized void preload() {
    if (done) {
      return;
    }
    done = true;
    if (!redistJarsPresent() || Boolean.getBoolean("ssdbench.noCudaPreload")) {
      report.add("CUDA libraries: from the system (no redist jars on the class path)");
      return;
    }
    for (String binding : BINDINGS) {
      try {
        org.bytedeco.javacpp.Loader.load(Class.forName(binding));
        report.add("loaded " + binding + " from the redist jars");
      } catch (ClassNotFoundException | LinkageError e) {
        report.add("could not load " + binding + ": " + e);
      }
    }
  }

  static boolean redistJarsPresent() {
    // The redist jars carry the libraries as resources next to the JNI libraries.
    return CudaLibraries.class.getClassLoader().getResource("org/bytedeco/cuda/linux-x86_64/libcudart.so.12") != null;
  }

  /** What {@link #preload()} did, one line per library. */
  public static synchronized List<String> report() {
    return List.copyOf(report);
  }
}
