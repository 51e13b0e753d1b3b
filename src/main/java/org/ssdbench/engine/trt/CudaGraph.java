package org.ssdbench.engine.trt;

import static org.bytedeco.cuda.global.cudart.cudaGraphDestroy;
import static org.bytedeco.cuda.global.cudart.cudaGraphExecDestroy;
import static org.bytedeco.cuda.global.cudart.cudaGraphInstantiate;
import static org.bytedeco.cuda.global.cudart.cudaGraphLaunch;
import static org.bytedeco.cuda.global.cudart.cudaStreamBeginCapture;
import static org.bytedeco.cuda.global.cudart.cudaStreamCaptureModeThreadLocal;
import static org.bytedeco.cuda.global.cudart.cudaStreamEndCapture;
import static org.ssdbench.engine.trt.Cuda.checkCuda;

import org.bytedeco.cuda.cudart.CUgraphExec_st;
import org.bytedeco.cuda.cudart.CUgraph_st;

/**
 * The work a stream received between begin and end of capture, instantiated once and replayed with one launch:
 * {@code cudaStreamBeginCapture}, the work, {@code cudaStreamEndCapture}, {@code cudaGraphInstantiate}, then
 * {@code cudaGraphLaunch} per replay. Owns the graph and its executable; closes both.
 */
public final class CudaGraph extends NativeResource {
  private final CUgraph_st graph = new CUgraph_st();
  private final CUgraphExec_st exec = new CUgraphExec_st();
  private boolean instantiated;

  /** Captures what {@code work} enqueues on {@code stream} (it must not synchronize). */
  public CudaGraph(CudaStream stream, Runnable work) {
    super("CudaGraph");
    checkCuda(cudaStreamBeginCapture(stream.handle(), cudaStreamCaptureModeThreadLocal), "cudaStreamBeginCapture");
    try {
      work.run();
    } catch (RuntimeException e) {
      cudaStreamEndCapture(stream.handle(), graph); // leave capture mode; the error is the one to report
      if (!graph.isNull()) {
        cudaGraphDestroy(graph);
      }
      throw e;
    }
    checkCuda(cudaStreamEndCapture(stream.handle(), graph), "cudaStreamEndCapture");
    try {
      checkCuda(cudaGraphInstantiate(exec, graph, 0L), "cudaGraphInstantiate");
      instantiated = true;
    } catch (RuntimeException e) {
      cudaGraphDestroy(graph);
      throw e;
    }
  }

  public void launch(CudaStream stream) {
    ensureOpen();
    checkCuda(cudaGraphLaunch(exec, stream.handle()), "cudaGraphLaunch");
  }

  @Override
  void release() {
    if (instantiated) {
      checkCuda(cudaGraphExecDestroy(exec), "cudaGraphExecDestroy");
    }
    checkCuda(cudaGraphDestroy(graph), "cudaGraphDestroy");
  }
}
