package org.ssdbench.engine.trt;

import org.bytedeco.javacpp.Loader;

/**
 * Whether TensorRT can run here, and if not, why: {@link #check()} returns an empty string when a CUDA GPU and the
 * TensorRT 10 / CUDA 12 native libraries are usable, else one line naming what is missing (a Maven profile, a
 * library, or the GPU). Used by benchmark setup to fail fast, by tests and by run-bench.sh to skip cleanly:
 * {@code java -cp ... org.ssdbench.engine.trt.TensorRtAvailability} prints the reason and exits 0 when available, 3 when
 * not.
 */
public final class TensorRtAvailability {
  private static String cached;

  private TensorRtAvailability() {}

  public static synchronized String check() {
    if (cached == null) {
      cached = probe();
    }
    return cached;
  }

  private static String probe() {
    String cuda = load(org.bytedeco.cuda.global.cudart.class, "cuda", "libcudart.so.12");
    if (!cuda.isEmpty()) {
      return cuda;
    }
    int[] count = new int[1];
    int status = org.bytedeco.cuda.global.cudart.cudaGetDeviceCount(count);
    if (status != 0 || count[0] == 0) {
      return "no CUDA GPU: cudaGetDeviceCount returned %d with %d devices (%s)".formatted(status, count[0],
          status == 0 ? "no device" : org.bytedeco.cuda.global.cudart.cudaGetErrorString(status).getString());
    }
    String trt = load(org.bytedeco.tensorrt.global.nvinfer.class, "tensorrt", "libnvinfer.so.10");
    if (!trt.isEmpty()) {
      return trt;
    }
    return load(org.bytedeco.tensorrt.global.nvinfer_plugin.class, "tensorrt", "libnvinfer_plugin.so.10");
  }

  private static String load(Class<?> bindings, String artifact, String library) {
    try {
      Loader.load(bindings);
      return "";
    } catch (Throwable e) {
      String msg = String.valueOf(e.getMessage());
      Throwable c = e;
      while (c.getCause() != null) {
        c = c.getCause();
        msg += " / " + c.getMessage();
      }
      if (msg.contains("jni") && !msg.contains(".so.")) {
        return "the JNI libraries of org.bytedeco:%s are not on the classpath: build with -Pgpu (%s)"
            .formatted(artifact, firstLine(msg));
      }
      var missing = java.util.regex.Pattern.compile("(lib[\\w.+-]+\\.so[\\d.]*): cannot open shared object").matcher(msg);
      if (missing.find()) {
        String lib = missing.group(1);
        if (lib.startsWith("libcuda.so")) {
          return "%s (the NVIDIA driver) not found: no GPU driver on this machine".formatted(lib);
        }
        return "%s not found: put the CUDA 12 / TensorRT 10 libraries on LD_LIBRARY_PATH or build with -Pgpu -Predist"
            .formatted(lib);
      }
      return "%s (or a library it needs) could not be loaded: put the CUDA 12 / TensorRT 10 libraries on "
          .formatted(library) + "LD_LIBRARY_PATH or build with -Pgpu -Predist (" + firstLine(msg) + ")";
    }
  }

  private static String firstLine(String s) {
    int nl = s.indexOf('\n');
    return nl < 0 ? s : s.substring(0, nl);
  }

  public static void main(String[] args) {
    String reason = check();
    if (reason.isEmpty()) {
      System.out.println("TensorRT available: " + TrtRuntime.version());
      System.exit(0);
    }
    System.out.println("SKIP TensorRT: " + reason);
    System.exit(3);
  }
}
