package org.ssdbench.engine.trt;

import static org.bytedeco.cuda.global.cudart.cudaFree;
import static org.bytedeco.cuda.global.cudart.cudaMalloc;
import static org.ssdbench.engine.trt.Cuda.checkCuda;

import org.bytedeco.javacpp.Pointer;

/** GPU memory from cudaMalloc, freed by {@link #close()}. */
public final class DeviceBuffer extends NativeResource {
  private final Pointer pointer = new Pointer();
  private final long bytes;

  public DeviceBuffer(long bytes, String name) {
    super("DeviceBuffer(" + name + ")");
    if (bytes <= 0) {
      throw new IllegalArgumentException("device buffer '%s' needs a positive size, got %d".formatted(name, bytes));
    }
    this.bytes = bytes;
    checkCuda(cudaMalloc(pointer, bytes), "cudaMalloc(" + name + ", " + bytes + " bytes)");
  }

  public Pointer pointer() {
    ensureOpen();
    return pointer;
  }

  public long bytes() {
    return bytes;
  }

  @Override
  void release() {
    checkCuda(cudaFree(pointer), "cudaFree");
  }
}
