package org.ssdbench.engine.trt;

import static org.bytedeco.cuda.global.cudart.cudaEventCreate;
import static org.bytedeco.cuda.global.cudart.cudaEventDestroy;
import static org.bytedeco.cuda.global.cudart.cudaEventElapsedTime;
import static org.bytedeco.cuda.global.cudart.cudaEventRecord;
import static org.ssdbench.engine.trt.Cuda.checkCuda;

import org.bytedeco.cuda.cudart.CUevent_st;

/** A CUDA event with timing, for GPU-side time between two points of a stream. */
public final class CudaEvent extends NativeResource {
  private final CUevent_st event = new CUevent_st();
  private final float[] ms = new float[1];

  public CudaEvent() {
    super("CudaEvent");
    checkCuda(cudaEventCreate(event), "cudaEventCreate");
  }

  public void record(CudaStream stream) {
    ensureOpen();
    checkCuda(cudaEventRecord(event, stream.handle()), "cudaEventRecord");
  }

  /** Milliseconds from {@code start} to this event; both must have completed (synchronize the stream first). */
  public float millisSince(CudaEvent start) {
    ensureOpen();
    checkCuda(cudaEventElapsedTime(ms, start.event, event), "cudaEventElapsedTime");
    return ms[0];
  }

  @Override
  void release() {
    checkCuda(cudaEventDestroy(event), "cudaEventDestroy");
  }
}
