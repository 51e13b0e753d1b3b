package org.ssdbench.engine.trt;

import static org.bytedeco.cuda.global.cudart.cudaFreeHost;
import static org.bytedeco.cuda.global.cudart.cudaMallocHost;
import static org.ssdbench.engine.trt.Cuda.checkCuda;

import org.bytedeco.javacpp.BytePointer;
import org.bytedeco.javacpp.FloatPointer;
import org.bytedeco.javacpp.IntPointer;
import org.bytedeco.javacpp.Pointer;

/** Page-locked host memory from cudaMallocHost, so copies to and from the GPU are asynchronous DMA. */
public final class PinnedBuffer extends NativeResource {
  private final Pointer pointer = new Pointer();
  private final long bytes;

  public PinnedBuffer(long bytes, String name) {
    super("PinnedBuffer(" + name + ")");
    if (bytes <= 0) {
      throw new IllegalArgumentException("pinned buffer '%s' needs a positive size, got %d".formatted(name, bytes));
    }
    this.bytes = bytes;
    checkCuda(cudaMallocHost(pointer, bytes), "cudaMallocHost(" + name + ", " + bytes + " bytes)");
    pointer.capacity(bytes).limit(bytes);
  }

  public Pointer pointer() {
    ensureOpen();
    return pointer;
  }

  public long bytes() {
    return bytes;
  }

  public void write(float[] values) {
    check(values.length * 4L);
    new FloatPointer(pointer()).capacity(bytes / 4).put(values);
  }

  public void write(byte[] values) {
    check(values.length);
    new BytePointer(pointer()).capacity(bytes).put(values);
  }

  public void read(float[] values) {
    check(values.length * 4L);
    new FloatPointer(pointer()).capacity(bytes / 4).get(values);
  }

  public void read(int[] values) {
    check(values.length * 4L);
    new IntPointer(pointer()).capacity(bytes / 4).get(values);
  }

  public byte firstByte() {
    return new BytePointer(pointer()).get(0);
  }

  private void check(long n) {
    if (n > bytes) {
      throw new IllegalArgumentException("%d bytes do not fit %s of %d bytes".formatted(n, this, bytes));
    }
  }

  @Override
  void release() {
    checkCuda(cudaFreeHost(pointer), "cudaFreeHost");
  }
}
