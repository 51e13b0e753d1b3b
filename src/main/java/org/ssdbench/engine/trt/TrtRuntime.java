package org.ssdbench.engine.trt;

import static org.bytedeco.tensorrt.global.nvinfer.createInferRuntime;
import static org.ssdbench.engine.trt.Cuda.requireNative;

import org.bytedeco.javacpp.BytePointer;
import org.bytedeco.tensorrt.global.nvinfer;
import org.bytedeco.tensorrt.global.nvinfer_plugin;
import org.bytedeco.tensorrt.nvinfer.ICudaEngine;
import org.bytedeco.tensorrt.nvinfer.IRuntime;

/**
 * TensorRT's runtime (IRuntime) with the standard plugins registered, and the logger it reports to. Engines it
 * deserializes must be closed before it.
 *
 * <p>close() deletes the IRuntime ({@link TrtDelete}: the JavaCPP bindings' own {@code close()} would only forget the
 * address). Engines it deserialized must be closed first.
 */
public final class TrtRuntime extends NativeResource {
  private static boolean pluginsInitialised;

  private final TrtLogger logger;
  private IRuntime runtime;

  public TrtRuntime(TrtLogger logger) {
    super("TrtRuntime");
    this.logger = logger;
    initPlugins(logger);
    runtime = requireNative(createInferRuntime(logger), "createInferRuntime");
  }

  /** Registers TensorRT's standard plugins (EfficientNMS_TRT among them) once per process. */
  static synchronized void initPlugins(TrtLogger logger) {
    if (!pluginsInitialised) {
      if (!nvinfer_plugin.initLibNvInferPlugins(logger, "")) {
        throw new IllegalStateException("initLibNvInferPlugins failed: " + logger.lastError());
      }
      pluginsInitialised = true;
    }
  }

  /** "10.6.0" (from getInferLibVersion, e.g. 100600 -> 10.6.0). */
  public static String version() {
    int v = nvinfer.getInferLibVersion();
    return "%d.%d.%d".formatted(v / 10000, (v / 100) % 100, v % 100);
  }

  public TrtLogger logger() {
    return logger;
  }

  /** Deserializes a plan; null when TensorRT rejects it (wrong version, GPU or a damaged file). */
  ICudaEngine deserialize(byte[] plan) {
    ensureOpen();
    try (BytePointer bytes = new BytePointer(plan)) {
      ICudaEngine engine = runtime.deserializeCudaEngine(bytes, plan.length);
      return engine == null || engine.isNull() ? null : engine;
    }
  }

  @Override
  void release() {
    TrtDelete.delete(runtime, IRuntime.class);
    runtime = null;
  }
}
