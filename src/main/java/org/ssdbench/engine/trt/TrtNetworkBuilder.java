package org.ssdbench.engine.trt;

import static org.bytedeco.tensorrt.global.nvinfer.createInferBuilder;
import static org.ssdbench.engine.trt.Cuda.requireNative;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.bytedeco.javacpp.BytePointer;
import org.bytedeco.javacpp.FloatPointer;
import org.bytedeco.javacpp.IntPointer;
import org.bytedeco.javacpp.Pointer;
import org.bytedeco.javacpp.PointerPointer;
import org.bytedeco.tensorrt.global.nvinfer;
import org.bytedeco.tensorrt.global.nvinfer.ActivationType;
import org.bytedeco.tensorrt.global.nvinfer.BuilderFlag;
import org.bytedeco.tensorrt.global.nvinfer.DataType;
import org.bytedeco.tensorrt.global.nvinfer.ElementWiseOperation;
import org.bytedeco.tensorrt.global.nvinfer.MemoryPoolType;
import org.bytedeco.tensorrt.global.nvinfer.PluginFieldType;
import org.bytedeco.tensorrt.global.nvinfer.UnaryOperation;
import org.bytedeco.tensorrt.nvinfer.Dims64;
import org.bytedeco.tensorrt.nvinfer.IBuilder;
import org.bytedeco.tensorrt.nvinfer.IBuilderConfig;
import org.bytedeco.tensorrt.nvinfer.IHostMemory;
import org.bytedeco.tensorrt.nvinfer.ILayer;
import org.bytedeco.tensorrt.nvinfer.INetworkDefinition;
import org.bytedeco.tensorrt.nvinfer.IPluginCreator;
import org.bytedeco.tensorrt.nvinfer.IPluginCreatorInterface;
import org.bytedeco.tensorrt.nvinfer.IPluginV2;
import org.bytedeco.tensorrt.nvinfer.ITensor;
import org.bytedeco.tensorrt.nvinfer.Permutation;
import org.bytedeco.tensorrt.nvinfer.PluginField;
import org.bytedeco.tensorrt.nvinfer.PluginFieldCollection;
import org.bytedeco.tensorrt.nvinfer.Weights;
import org.ssdbench.engine.trt.NetworkDescription.Clip;
import org.ssdbench.engine.trt.NetworkDescription.Concat;
import org.ssdbench.engine.trt.NetworkDescription.Constant;
import org.ssdbench.engine.trt.NetworkDescription.Conv;
import org.ssdbench.engine.trt.NetworkDescription.ElementWise;
import org.ssdbench.engine.trt.NetworkDescription.Layer;
import org.ssdbench.engine.trt.NetworkDescription.Shuffle;
import org.ssdbench.engine.trt.NetworkDescription.Slice;
import org.ssdbench.engine.trt.NetworkDescription.Unary;

/**
 * {@link NetworkDescription} to a serialized TensorRT 10 engine: an explicit-batch network (createNetworkV2(0); every
 * network is explicit batch in TensorRT 10) with input {@code [batch, 3, H, W]}, one TensorRT layer per description
 * layer, and NMS inside the engine through the EfficientNMS_TRT plugin (corner boxes ymin, xmin, ymax, xmax; scores
 * already sigmoid; no background class since it was sliced off).
 *
 * <p>Engine outputs: {@code num_detections} int32 [B, 1], {@code detection_boxes} [B, 100, 4], {@code detection_scores}
 * [B, 100], {@code detection_classes} int32 [B, 100] (0-based; TF's are + 1), and, with probes on,
 * {@code raw_box_encodings} [B, N, 4] and {@code class_scores} [B, N, 90] for the correctness check before NMS.
 *
 * <p>The builder, network and config are local to {@link #build}; weights stay in native memory until the plan is
 * serialized, then are freed.
 */
public final class TrtNetworkBuilder {
  public static final String NUM_DETECTIONS = "num_detections";
  public static final String DETECTION_BOXES = "detection_boxes";
  public static final String DETECTION_SCORES = "detection_scores";
  public static final String DETECTION_CLASSES = "detection_classes";

  /**
   * @param probes also mark the raw box encodings and class scores as outputs
   * @param calibrationBatches INT8 only: how many batches of generated images to calibrate on
   * @param builderLevel TensorRT's builder optimization level, 0 (fastest build) to 5, or {@link #DEFAULT_LEVEL}
   */
  public record Options(Precision precision, int batch, boolean probes, int calibrationBatches, long workspaceBytes,
      int builderLevel) {
    /** Leaves the builder optimization level at TensorRT's own default (3). */
    public static final int DEFAULT_LEVEL = -1;

    public Options {
      if (batch < 1) {
        throw new IllegalArgumentException("batch must be >= 1, got " + batch);
      }
      checkLevel(builderLevel);
    }

    public static Options of(Precision precision, int batch) {
      return new Options(precision, batch, true, 16, 1L << 30, DEFAULT_LEVEL);
    }

    /** Fails for a level TensorRT does not have, so a bad option is caught before anything is built. */
    public static void checkLevel(int builderLevel) {
      if (builderLevel != DEFAULT_LEVEL && (builderLevel < 0 || builderLevel > 5)) {
        throw new IllegalArgumentException("builder optimization level must be 0 to 5, got " + builderLevel);
      }
    }
  }

  /** A serialized engine and what building it took. */
  public record Plan(byte[] bytes, long buildMillis, int calibrationBatches) {}

  private final NetworkDescription description;
  private final InputFormat inputFormat;
  private final Options options;
  private final TrtLogger logger;
  private final List<Pointer> keepAlive = new ArrayList<>();
  private final Map<String, ITensor> tensors = new HashMap<>();
  private INetworkDefinition network;

  private TrtNetworkBuilder(NetworkDescription description, InputFormat inputFormat, Options options, TrtLogger logger) {
    this.description = description;
    this.inputFormat = inputFormat;
    this.options = options;
    this.logger = logger;
  }

  public static Plan build(NetworkDescription description, Options options, TrtLogger logger) {
    return build(description, InputFormat.FLOAT_NCHW, options, logger);
  }

  /**
   * @param inputFormat {@link InputFormat#UINT8_NHWC} puts {@link Uint8Front} (cast, scale, transpose) in front of the
   *     network, with input {@link Uint8Front#INPUT}
   */
  public static Plan build(NetworkDescription description, InputFormat inputFormat, Options options, TrtLogger logger) {
    TrtRuntime.initPlugins(logger);
    return new TrtNetworkBuilder(description, inputFormat, options, logger).run();
  }

  private Plan run() {
    long start = System.nanoTime();
    IBuilder builder = requireNative(createInferBuilder(logger), "createInferBuilder");
    SyntheticInt8Calibrator calibrator = null;
    try {
      network = requireNative(builder.createNetworkV2(0), "IBuilder.createNetworkV2(0)");
      IBuilderConfig config = requireNative(builder.createBuilderConfig(), "IBuilder.createBuilderConfig");
      config.setMemoryPoolLimit(MemoryPoolType.kWORKSPACE, options.workspaceBytes());
      if (options.builderLevel() != Options.DEFAULT_LEVEL) {
        config.setBuilderOptimizationLevel(options.builderLevel());
      }
      defineNetwork();
      switch (options.precision()) {
        case FP32 -> config.clearFlag(BuilderFlag.kTF32); // strict FP32: TF32 tensor cores would cost ~1e-3
        case FP16 -> config.setFlag(BuilderFlag.kFP16);
        case INT8 -> {
          config.setFlag(BuilderFlag.kFP16);
          config.setFlag(BuilderFlag.kINT8);
          calibrator = new SyntheticInt8Calibrator(description, inputFormat, options.batch(),
              options.calibrationBatches(), 1234);
          config.setInt8Calibrator(calibrator);
        }
      }
      IHostMemory plan = builder.buildSerializedNetwork(network, config);
      if (plan == null || plan.isNull() || plan.size() == 0) {
        throw new IllegalStateException("TensorRT could not build the %s batch-%d engine: %s".formatted(
            options.precision().id(), options.batch(), logger.lastError()));
      }
      byte[] bytes = new byte[(int) plan.size()];
      new BytePointer(plan.data()).capacity(plan.size()).get(bytes);
      int used = calibrator == null ? 0 : calibrator.batchesUsed();
      return new Plan(bytes, (System.nanoTime() - start) / 1_000_000, used);
    } finally {
      if (calibrator != null) {
        calibrator.free();
      }
      keepAlive.forEach(Pointer::close);
      keepAlive.clear();
    }
  }

  private void defineNetwork() {
    int b = options.batch();
    var shapes = description.shapes(b);
    if (inputFormat == InputFormat.UINT8_NHWC) {
      addUint8Front(b);
    } else {
      ITensor input = requireNative(network.addInput(description.input(), DataType.kFLOAT,
          dims(b, description.channels(), description.height(), description.width())), "addInput");
      tensors.put(description.input(), input);
    }
    for (Layer layer : description.layers()) {
      ILayer added = addLayer(layer, shapes);
      added.setName(layer.name());
      ITensor out = added.getOutput(0);
      out.setName(layer.name());
      tensors.put(layer.name(), out);
    }
    ITensor boxes = tensors.get(description.boxes());
    ITensor scores = tensors.get(description.classScores());
    IPluginV2 nms = efficientNms(description.nms());
    ILayer nmsLayer = requireNative(network.addPluginV2(new PointerPointer<>(boxes, scores), 2, nms),
        "addPluginV2(EfficientNMS_TRT)");
    nmsLayer.setName("EfficientNMS_TRT");
    String[] names = {NUM_DETECTIONS, DETECTION_BOXES, DETECTION_SCORES, DETECTION_CLASSES};
    for (int i = 0; i < names.length; i++) {
      ITensor t = nmsLayer.getOutput(i);
      t.setName(names[i]);
      network.markOutput(t);
    }
    if (options.probes()) {
      network.markOutput(tensors.get(description.rawBoxEncodings()));
      network.markOutput(tensors.get(description.classScores()));
    }
  }

  /** uint8 NHWC input, cast to float, then {@link Uint8Front#layers()}, whose last output is the description's input. */
  private void addUint8Front(int batch) {
    Uint8Front front = Uint8Front.of(description);
    ITensor pixels = requireNative(network.addInput(Uint8Front.INPUT, DataType.kUINT8, dims(front.inputShape(batch))),
        "addInput(" + Uint8Front.INPUT + ", kUINT8)");
    ILayer cast = requireNative(network.addCast(pixels, DataType.kFLOAT), "addCast(uint8 -> float)");
    cast.setName(Uint8Front.CAST);
    ITensor floats = cast.getOutput(0);
    floats.setName(Uint8Front.CAST);
    tensors.put(Uint8Front.CAST, floats);
    var shapes = front.shapes(batch);
    for (Layer layer : front.layers()) {
      ILayer added = addLayer(layer, shapes);
      added.setName(layer.name());
      ITensor out = added.getOutput(0);
      out.setName(layer.name());
      tensors.put(layer.name(), out);
    }
  }

  private ILayer addLayer(Layer layer, Map<String, long[]> shapes) {
    if (layer instanceof Conv c) {
      long[] in = shapes.get(c.input());
      var conv = requireNative(network.addConvolutionNd(tensors.get(c.input()), c.outChannels(),
          dims(c.kernelH(), c.kernelW()), weights(c.weights()), weights(c.bias())), "addConvolutionNd " + c.name());
      conv.setStrideNd(dims(c.stride(), c.stride()));
      int[] ph = c.pads(in[2], c.kernelH());
      int[] pw = c.pads(in[3], c.kernelW());
      conv.setPrePadding(dims(ph[0], pw[0]));
      conv.setPostPadding(dims(ph[1], pw[1]));
      conv.setNbGroups(c.groups());
      return conv;
    }
    if (layer instanceof Clip c) {
      var act = requireNative(network.addActivation(tensors.get(c.input()), ActivationType.kCLIP), "addActivation");
      act.setAlpha(c.lo());
      act.setBeta(c.hi());
      return act;
    }
    if (layer instanceof ElementWise e) {
      ElementWiseOperation op = switch (e.op()) {
        case SUM -> ElementWiseOperation.kSUM;
        case SUB -> ElementWiseOperation.kSUB;
        case PROD -> ElementWiseOperation.kPROD;
        case DIV -> ElementWiseOperation.kDIV;
      };
      return requireNative(network.addElementWise(tensors.get(e.a()), tensors.get(e.b()), op), "addElementWise");
    }
    if (layer instanceof Constant c) {
      return requireNative(network.addConstant(dims(c.shape()), weights(c.values())), "addConstant " + c.name());
    }
    if (layer instanceof Unary u) {
      ITensor in = tensors.get(u.input());
      return u.op() == Unary.Op.EXP
          ? requireNative(network.addUnary(in, UnaryOperation.kEXP), "addUnary(kEXP)")
          : requireNative(network.addActivation(in, ActivationType.kSIGMOID), "addActivation(kSIGMOID)");
    }
    if (layer instanceof Shuffle s) {
      var shuffle = requireNative(network.addShuffle(tensors.get(s.input())), "addShuffle");
      if (s.permutation() != null) {
        Permutation p = new Permutation();
        keepAlive.add(p);
        for (int i = 0; i < s.permutation().length; i++) {
          p.order(i, s.permutation()[i]);
        }
        shuffle.setFirstTranspose(p);
      }
      if (s.reshape() != null) {
        shuffle.setReshapeDimensions(dims(s.reshape()));
      }
      return shuffle;
    }
    if (layer instanceof Concat c) {
      ITensor[] ins = c.inputs().stream().map(tensors::get).toArray(ITensor[]::new);
      PointerPointer<ITensor> pp = new PointerPointer<>(ins);
      keepAlive.add(pp);
      var concat = requireNative(network.addConcatenation(pp, ins.length), "addConcatenation");
      concat.setAxis(c.axis());
      return concat;
    }
    if (layer instanceof Slice s) {
      long[] size = s.resolvedSize(shapes.get(s.input()));
      long[] stride = new long[size.length];
      java.util.Arrays.fill(stride, 1);
      return requireNative(network.addSlice(tensors.get(s.input()), dims(s.start()), dims(size), dims(stride)),
          "addSlice");
    }
    throw new IllegalArgumentException("no TensorRT layer for " + layer);
  }

  /**
   * EfficientNMS_TRT. Each field is made whole with PluginField's four-argument constructor and copied into its slot:
   * naming an element of {@code new PluginField(n)} in place copies into a null pointer and crashes the JVM. The names
   * and values stay reachable ({@code keepAlive}) until the plugin is created.
   */
  private IPluginV2 efficientNms(NmsSettings nms) {
    IPluginCreatorInterface found = nvinfer.getPluginRegistry().getCreator("EfficientNMS_TRT", "1", "");
    IPluginCreator creator = new IPluginCreator(requireNative(found,
        "getPluginRegistry().getCreator(\"EfficientNMS_TRT\", \"1\") (is libnvinfer_plugin.so.10 loaded?)"));
    List<PluginField> fields = new ArrayList<>();
    fields.add(floatField("score_threshold", nms.scoreThreshold()));
    fields.add(floatField("iou_threshold", nms.iouThreshold()));
    fields.add(intField("max_output_boxes", nms.maxTotal()));
    fields.add(intField("background_class", -1));
    fields.add(intField("score_activation", 0));
    fields.add(intField("class_agnostic", 0));
    fields.add(intField("box_coding", 0));
    PluginField array = new PluginField(fields.size());
    keepAlive.add(array);
    for (int i = 0; i < fields.size(); i++) {
      array.getPointer(i).put(fields.get(i));
    }
    PluginFieldCollection collection = new PluginFieldCollection();
    keepAlive.add(collection);
    collection.nbFields(fields.size()).fields(array);
    return requireNative(creator.createPlugin("efficient_nms", collection), "EfficientNMS_TRT createPlugin");
  }

  private PluginField floatField(String name, float value) {
    FloatPointer data = new FloatPointer(1).put(value);
    return field(name, data, PluginFieldType.kFLOAT32);
  }

  private PluginField intField(String name, int value) {
    IntPointer data = new IntPointer(1).put(value);
    return field(name, data, PluginFieldType.kINT32);
  }

  private PluginField field(String name, Pointer data, PluginFieldType type) {
    BytePointer n = new BytePointer(name, StandardCharsets.US_ASCII);
    keepAlive.add(n);
    keepAlive.add(data);
    PluginField f = new PluginField(n, data, type.value, 1);
    keepAlive.add(f);
    return f;
  }

  private Weights weights(float[] values) {
    FloatPointer p = new FloatPointer(values);
    keepAlive.add(p);
    Weights w = new Weights();
    keepAlive.add(w);
    w.type(DataType.kFLOAT).values(p).count(values.length);
    return w;
  }

  private Dims64 dims(long... d) {
    Dims64 dims = new Dims64();
    keepAlive.add(dims);
    dims.nbDims(d.length);
    for (int i = 0; i < d.length; i++) {
      dims.d(i, d[i]);
    }
    return dims;
  }
}
