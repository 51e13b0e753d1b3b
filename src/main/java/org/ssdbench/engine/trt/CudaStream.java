package org.ssdbench.engine.trt;

import static org.bytedeco.cuda.global.cudart.cudaStreamCreateWithFlags;
import static org.bytedeco.cuda.global.cudart.cudaStreamDestroy;
import static org.bytedeco.cuda.global.cudart.cudaStreamNonBlocking;
import static org.bytedeco.cuda.global.cudart.cudaStreamSynchronize;
import static org.ssdbench.engine.trt.Cuda.checkCuda;

import org.bytedeco.cuda.cudart.CUstream_st;

/** One non-blocking CUDA stream (non-blocking so it can be captured into a CUDA graph). Not thread-safe. */
public final class CudaStream extends NativeResource {
  private final CUstream_st stream = new CUstream_st();

  public CudaStream() {
    super("CudaStream");
    checkCuda(cudaStreamCreateWithFlags(stream, cudaStreamNonBlocking), "cudaStreamCreateWithFlags");
  }

  public CUstream_st handle() {
    ensureOpen();
    return stream;
  }

  public void synchronize() {
    checkCuda(cudaStreamSynchronize(handle()), "cudaStreamSynchronize");
  }

  @Override
  void release() {
    checkCuda(cudaStreamDestroy(stream), "cudaStreamDestroy");
  }
}
