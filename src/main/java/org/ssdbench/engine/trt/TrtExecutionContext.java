package org.ssdbench.engine.trt;

import org.bytedeco.javacpp.Pointer;
import org.bytedeco.tensorrt.nvinfer.IExecutionContext;

/** An IExecutionContext: tensor addresses bound once, then enqueueV3 on a stream per inference. */
public final class TrtExecutionContext extends NativeResource {
  private final TrtEngine engine;
  private IExecutionContext context;

  public TrtExecutionContext(TrtEngine engine) {
    super("TrtExecutionContext");
    this.engine = engine;
    this.context = engine.createContext();
  }

  public void bind(String tensor, DeviceBuffer buffer) {
    ensureOpen();
    engine.tensor(tensor);
    if (!context.setTensorAddress(tensor, buffer.pointer())) {
      throw new IllegalStateException("setTensorAddress('%s') failed: %s"
          .formatted(tensor, engine.runtime().logger().lastError()));
    }
  }

  /** Enqueues one inference; does not wait. */
  public void enqueue(CudaStream stream) {
    ensureOpen();
    if (!context.enqueueV3(stream.handle())) {
      throw new IllegalStateException("enqueueV3 failed: " + engine.runtime().logger().lastError());
    }
  }

  Pointer handle() {
    return context;
  }

  /** Deletes the IExecutionContext ({@link TrtDelete}). */
  @Override
  void release() {
    TrtDelete.delete(context, IExecutionContext.class);
    context = null;
  }
}
