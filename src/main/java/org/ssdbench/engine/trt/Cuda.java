package org.ssdbench.engine.trt;

import static org.bytedeco.cuda.global.cudart.cudaGetErrorName;
import static org.bytedeco.cuda.global.cudart.cudaGetErrorString;
import static org.bytedeco.cuda.global.cudart.cudaSuccess;

/** Checks of CUDA runtime return codes. */
public final class Cuda {
  private Cuda() {}

  /** A CUDA runtime call failed; the message names the call, CUDA's error string and the code. */
  public static final class CudaException extends RuntimeException {
    private final int code;

    CudaException(String op, int code, String name, String description) {
      super("%s failed: %s (%s, code %d)".formatted(op, description, name, code));
      this.code = code;
    }

    public int code() {
      return code;
    }
  }

  /** Throws {@link CudaException} unless {@code status} is cudaSuccess, e.g. {@code checkCuda(s, "cudaMalloc(input)")}. */
  public static void checkCuda(int status, String op) {
    if (status != cudaSuccess) {
      String name = cudaGetErrorName(status).getString();
      String description = cudaGetErrorString(status).getString();
      throw new CudaException(op, status, name, description);
    }
  }

  /** Null-checks a factory result: {@code requireNative(createInferBuilder(logger), "createInferBuilder")}. */
  public static <T extends org.bytedeco.javacpp.Pointer> T requireNative(T pointer, String what) {
    if (pointer == null || pointer.isNull()) {
      throw new IllegalStateException(what + " returned null; see the TensorRT log above for the reason");
    }
    return pointer;
  }
}
