package org.ssdbench.engine.trt;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.bytedeco.tensorrt.global.nvinfer.DataType;
import org.bytedeco.tensorrt.global.nvinfer.LayerInformationFormat;
import org.bytedeco.tensorrt.global.nvinfer.TensorIOMode;
import org.bytedeco.tensorrt.nvinfer.Dims64;
import org.bytedeco.tensorrt.nvinfer.ICudaEngine;
import org.bytedeco.tensorrt.nvinfer.IEngineInspector;
import org.bytedeco.tensorrt.nvinfer.IExecutionContext;

/** A deserialized TensorRT engine (ICudaEngine) and the names, shapes and types of its I/O tensors. */
public final class TrtEngine extends NativeResource {
  /** One input or output tensor of the engine. */
  public record IoTensor(String name, boolean input, long[] shape, DataType type) {
    public long elements() {
      long n = 1;
      for (long d : shape) {
        n *= d;
      }
      return n;
    }

    public long bytes() {
      int size = switch (type) {
        case kFLOAT, kINT32 -> 4;
        case kHALF, kBF16 -> 2;
        case kINT8, kUINT8, kBOOL, kFP8 -> 1;
        case kINT64 -> 8;
        default -> throw new IllegalStateException("tensor '%s' has type %s".formatted(name, type));
      };
      return elements() * size;
    }
  }

  private final TrtRuntime runtime;
  private ICudaEngine engine;
  private final Map<String, IoTensor> io = new LinkedHashMap<>();

  /** @throws IllegalStateException when TensorRT rejects the plan */
  public TrtEngine(TrtRuntime runtime, byte[] plan) {
    super("TrtEngine");
    this.runtime = runtime;
    this.engine = runtime.deserialize(plan);
    if (engine == null) {
      throw new IllegalStateException("TensorRT could not deserialize the engine (%d bytes): %s"
          .formatted(plan.length, runtime.logger().lastError()));
    }
    for (int i = 0; i < engine.getNbIOTensors(); i++) {
      String name = engine.getIOTensorName(i);
      Dims64 d = engine.getTensorShape(name);
      long[] shape = new long[d.nbDims()];
      for (int k = 0; k < shape.length; k++) {
        shape[k] = d.d(k);
      }
      // JavaCPP returns a fresh enum object from native code: intern() maps it to the constant, so == and switch work.
      io.put(name, new IoTensor(name, engine.getTensorIOMode(name).intern() == TensorIOMode.kINPUT, shape,
          engine.getTensorDataType(name).intern()));
    }
  }

  public Map<String, IoTensor> io() {
    return io;
  }

  public IoTensor tensor(String name) {
    IoTensor t = io.get(name);
    if (t == null) {
      throw new IllegalArgumentException("engine has no tensor '%s'; it has %s".formatted(name, io.keySet()));
    }
    return t;
  }

  public List<IoTensor> outputs() {
    var out = new ArrayList<IoTensor>();
    io.values().stream().filter(t -> !t.input()).forEach(out::add);
    return out;
  }

  IExecutionContext createContext() {
    ensureOpen();
    return Cuda.requireNative(engine.createExecutionContext(), "ICudaEngine.createExecutionContext");
  }

  /** Layers of the built engine (after TensorRT's fusions), from {@code ICudaEngine.getNbLayers}. */
  public int layerCount() {
    ensureOpen();
    return engine.getNbLayers();
  }

  /**
   * The engine's layers as TensorRT's engine inspector describes them, as JSON: each layer's name, type, inputs and
   * outputs with their formats, and its tactic (the kernel it runs) since the builder keeps detailed profiling
   * information ({@link TrtNetworkBuilder}).
   */
  public String layerInformationJson() {
    ensureOpen();
    IEngineInspector inspector = Cuda.requireNative(engine.createEngineInspector(), "ICudaEngine.createEngineInspector");
    try {
      return inspector.getEngineInformation(LayerInformationFormat.kJSON);
    } finally {
      TrtDelete.delete(inspector, IEngineInspector.class);
    }
  }

  public long deviceMemoryBytes() {
    ensureOpen();
    return engine.getDeviceMemorySizeV2();
  }

  TrtRuntime runtime() {
    return runtime;
  }

  /** Deletes the ICudaEngine ({@link TrtDelete}); its contexts must be closed first. */
  @Override
  void release() {
    TrtDelete.delete(engine, ICudaEngine.class);
    engine = null;
  }
}
