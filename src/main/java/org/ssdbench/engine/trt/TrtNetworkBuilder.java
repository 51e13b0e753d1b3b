package org.ssdbench.engine.trt;

import static org.bytedeco.tensorrt.global.nvinfer.createInferBuilder;
import static org.ssdbench.engine.trt.Cuda.requireNative;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
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
import org.bytedeco.tensorrt.global.nvinfer.ProfilingVerbosity;
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
import org.bytedeco.tensorrt.nvinfer.ITimingCache;
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
 * <p>The builder, network, config, timing cache and plugin are local to {@link #build} and deleted before it returns;
 * weights stay in native memory until the plan is serialized, then are freed. With {@link BuildCaches}, the timing
 * cache is loaded before the build and saved after it, and INT8 reads or writes its calibration table.
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
   * @param postprocessing the type of the layers between the box predictors and NMS ({@link PostprocessingLayers})
   */
  public record Options(Precision precision, int batch, boolean probes, int calibrationBatches, long workspaceBytes,
      int builderLevel, NmsPrecision nms, PostprocessingPrecision postprocessing) {
    /** Leaves the builder optimization level at TensorRT's own default (3). */
    public static final int DEFAULT_LEVEL = -1;

    public Options {
      if (batch < 1) {
        throw new IllegalArgumentException("batch must be >= 1, got " + batch);
      }
      checkLevel(builderLevel);
      java.util.Objects.requireNonNull(nms, "nms");
      java.util.Objects.requireNonNull(postprocessing, "postprocessing");
    }

    /** Options whose postprocessing layers run in the types the builder picks. */
    public Options(Precision precision, int batch, boolean probes, int calibrationBatches, long workspaceBytes,
        int builderLevel, NmsPrecision nms) {
      this(precision, batch, probes, calibrationBatches, workspaceBytes, builderLevel, nms,
          PostprocessingPrecision.CHOSEN);
    }

    /** Options whose NMS plugin runs in the precision the builder picks. */
    public Options(Precision precision, int batch, boolean probes, int calibrationBatches, long workspaceBytes,
        int builderLevel) {
      this(precision, batch, probes, calibrationBatches, workspaceBytes, builderLevel, NmsPrecision.CHOSEN);
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

  /**
   * A serialized engine and what building it took.
   *
   * @param calibrationMillis INT8: from the first calibration batch to the table written; 0 when the table came from
   *     the cache or the precision is not INT8
   * @param calibration {@code -} (not INT8), {@code calibrated} or {@code cached table}, followed by {@code on photos
   *     (N)} where the set was {@code --calibration-images}
   * @param timingCache how the timing cache started: {@code none} (no cache folder), {@code new}, {@code loaded} or
   *     {@code rejected: <why>} (then a new one was used)
   * @param timingCacheBytesBefore size of the serialized timing cache loaded (0 when new)
   * @param timingCacheBytesAfter its size after the build: the growth is what this build timed and added
   */
  public record Plan(byte[] bytes, long buildMillis, int calibrationBatches, long calibrationMillis, String calibration,
      String timingCache, long timingCacheBytesBefore, long timingCacheBytesAfter) {}

  private final NetworkDescription description;
  private final InputFormat inputFormat;
  private final Options options;
  private final TrtLogger logger;
  private final BuildCaches caches;
  private final List<Pointer> keepAlive = new ArrayList<>();
  private final Map<String, ITensor> tensors = new HashMap<>();
  private INetworkDefinition network;
  private IPluginV2 nmsPlugin;
  private String timingCacheState = "none";
  private long timingCacheBytesBefore;

  private TrtNetworkBuilder(NetworkDescription description, InputFormat inputFormat, Options options, TrtLogger logger,
      BuildCaches caches) {
    this.description = description;
    this.inputFormat = inputFormat;
    this.options = options;
    this.logger = logger;
    this.caches = caches;
  }

  /** Builds without a timing cache or calibration table on disk (each build times every tactic afresh). */
  public static Plan build(NetworkDescription description, Options options, TrtLogger logger) {
    return build(description, InputFormat.FLOAT_NCHW, options, logger, null);
  }

  /**
   * Builds with the timing cache and calibration table of {@code caches} (null: none), and updates both.
   *
   * @param inputFormat {@link InputFormat#UINT8_NHWC} puts {@link Uint8Front} (cast, scale, transpose) in front of the
   *     network, with input {@link Uint8Front#INPUT}
   */
  public static Plan build(NetworkDescription description, InputFormat inputFormat, Options options, TrtLogger logger,
      BuildCaches caches) {
    TrtRuntime.initPlugins(logger);
    return new TrtNetworkBuilder(description, inputFormat, options, logger, caches).run();
  }

  /** Builds, with every TensorRT message also in a {@link BuildLog} when {@code -Dssdbench.trt.buildLog} is set. */
  private Plan run() {
    long start = System.nanoTime();
    Path logFolder = BuildLog.folderFromSystemProperty();
    if (logFolder == null) {
      return build(start);
    }
    try (BuildLog log = BuildLog.open(logFolder, logName(options, inputFormat), start)) {
      logger.startBuildLog(log);
      try {
        return build(start);
      } finally {
        logger.stopBuildLog();
      }
    }
  }

  /**
   * {@code fp16-u8-nmsfp16-b1-l3}: the engine's name as its cache file has it, with batch and level, to tell this
   * build apart from a run's others (TensorRT's default level is 3).
   */
  static String logName(Options options, InputFormat inputFormat) {
    return "%s-b%d-l%s".formatted(EngineKey.engineName(options.precision().id(), inputFormat.id(), options.nms().id(),
        options.postprocessing().id()), options.batch(),
        options.builderLevel() == Options.DEFAULT_LEVEL ? "3" : Integer.toString(options.builderLevel()));
  }

  /**
   * Every TensorRT object made here is deleted before returning ({@link TrtDelete}): the serialized plan after it is
   * copied to the heap, the config, timing cache and network, then the NMS plugin ({@code IPluginV2.destroy()}, once
   * nothing refers to it), then the builder.
   */
  private Plan build(long start) {
    IBuilder builder = createInferBuilder(logger);
    if (builder == null || builder.isNull()) {
      // the usual cause is the builder's resource library; BuilderResource names the folder to add (checked only now)
      throw new IllegalStateException("createInferBuilder returned null; see the TensorRT log above for the reason. "
          + BuilderResource.whyBuildsWillFail());
    }
    IBuilderConfig config = null;
    ITimingCache timing = null;
    IHostMemory plan = null;
    SyntheticInt8Calibrator calibrator = null;
    byte[] cachedTable = null;
    try {
      network = requireNative(builder.createNetworkV2(0), "IBuilder.createNetworkV2(0)");
      config = requireNative(builder.createBuilderConfig(), "IBuilder.createBuilderConfig");
      config.setMemoryPoolLimit(MemoryPoolType.kWORKSPACE, options.workspaceBytes());
      // keeps each layer's tactic and formats in the plan for the engine inspector (the kernel profile's layer list);
      // metadata only, the kernels are the same
      config.setProfilingVerbosity(ProfilingVerbosity.kDETAILED);
      if (options.builderLevel() != Options.DEFAULT_LEVEL) {
        config.setBuilderOptimizationLevel(options.builderLevel());
      }
      timing = attachTimingCache(config);
      defineNetwork();
      switch (options.precision()) {
        case FP32 -> config.clearFlag(BuilderFlag.kTF32); // strict FP32: TF32 tensor cores would cost ~1e-3
        case FP16 -> config.setFlag(BuilderFlag.kFP16);
        case INT8 -> {
          config.setFlag(BuilderFlag.kFP16);
          config.setFlag(BuilderFlag.kINT8);
          CalibrationSet set = caches != null ? caches.calibrationSet()
              : new CalibrationSet.Generated(CalibrationSet.DEFAULT_SEED, options.calibrationBatches());
          cachedTable = caches == null ? null : caches.calibrationTable().read(caches.calibration()).bytes().orElse(null);
          calibrator = new SyntheticInt8Calibrator(description, inputFormat, options.batch(), set, cachedTable);
          config.setInt8Calibrator(calibrator);
        }
      }
      if (options.nms() == NmsPrecision.FP16 || options.postprocessing() == PostprocessingPrecision.FP32) {
        // preferred, not obeyed: a builder that cannot run the plugin in FP16 warns and builds the engine anyway, and
        // the kernel profile shows which EfficientNMS instantiation ran
        config.setFlag(BuilderFlag.kPREFER_PRECISION_CONSTRAINTS);
      }
      plan = builder.buildSerializedNetwork(network, config);
      if (plan == null || plan.isNull() || plan.size() == 0) {
        throw new IllegalStateException("TensorRT could not build the %s batch-%d engine: %s".formatted(
            options.precision().id(), options.batch(), logger.lastError()));
      }
      byte[] bytes = new byte[(int) plan.size()];
      new BytePointer(plan.data()).capacity(plan.size()).get(bytes);
      long buildMillis = (System.nanoTime() - start) / 1_000_000;
      long timingBytesAfter = saveTimingCache(timing);
      String calibration = "-";
      if (calibrator != null) {
        byte[] written = calibrator.writtenTable();
        if (written != null && caches != null) {
          caches.calibrationTable().write(caches.calibration(), written);
        }
        calibration = (written != null || cachedTable == null ? "calibrated" : "cached table")
            + (caches != null && caches.calibrationSet() instanceof CalibrationSet.Photos photos
                ? " " + Int8Agreement.ON_PHOTOS + " (" + photos.files().size() + ")" : "");
      }
      return new Plan(bytes, buildMillis, calibrator == null ? 0 : calibrator.batchesUsed(),
          calibrator == null ? 0 : calibrator.calibrationMillis(), calibration, timingCacheState, timingCacheBytesBefore,
          timingBytesAfter);
    } finally {
      if (calibrator != null) {
        calibrator.free();
      }
      TrtDelete.delete(plan, IHostMemory.class);
      TrtDelete.delete(config, IBuilderConfig.class);
      TrtDelete.delete(timing, ITimingCache.class);
      TrtDelete.delete(network, INetworkDefinition.class);
      if (nmsPlugin != null && !nmsPlugin.isNull() && TrtDelete.enabled()) {
        nmsPlugin.destroy();
        nmsPlugin.setNull();
      }
      TrtDelete.delete(builder, IBuilder.class);
      keepAlive.forEach(Pointer::close);
      keepAlive.clear();
    }
  }

  /**
   * The timing cache from disk when its key matches this GPU and TensorRT version and TensorRT accepts it, else a new
   * one; set on {@code config} so every tactic this build times is recorded in it.
   */
  private ITimingCache attachTimingCache(IBuilderConfig config) {
    byte[] stored = null;
    if (caches != null) {
      KeyedFile.Lookup lookup = caches.timingFile().read(caches.timing());
      stored = lookup.bytes().orElse(null);
      timingCacheState = stored != null ? "loaded" : lookup.reason().startsWith("no file") ? "new" : "rejected: " + lookup.reason();
    }
    if (stored != null) {
      try (BytePointer blob = new BytePointer(stored)) {
        ITimingCache loaded = config.createTimingCache(blob, stored.length);
        if (loaded != null && !loaded.isNull() && config.setTimingCache(loaded, false)) {
          timingCacheBytesBefore = stored.length;
          return loaded;
        }
        TrtDelete.delete(loaded, ITimingCache.class);
        timingCacheState = "rejected: TensorRT did not accept it (" + logger.lastError() + ")";
      }
    }
    ITimingCache fresh = requireNative(config.createTimingCache(null, 0), "IBuilderConfig.createTimingCache");
    if (!config.setTimingCache(fresh, false)) {
      TrtDelete.delete(fresh, ITimingCache.class);
      throw new IllegalStateException("IBuilderConfig.setTimingCache refused a new timing cache: " + logger.lastError());
    }
    return fresh;
  }

  /** Writes the timing cache back (atomically) and returns its size; 0 when there is no cache folder. */
  private long saveTimingCache(ITimingCache timing) {
    if (caches == null) {
      return 0;
    }
    IHostMemory serialized = timing.serialize();
    try {
      if (serialized == null || serialized.isNull() || serialized.size() == 0) {
        return 0;
      }
      byte[] bytes = new byte[(int) serialized.size()];
      new BytePointer(serialized.data()).capacity(serialized.size()).get(bytes);
      caches.timingFile().write(caches.timing(), bytes);
      return bytes.length;
    } finally {
      TrtDelete.delete(serialized, IHostMemory.class);
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
    Set<String> pinned = options.postprocessing() == PostprocessingPrecision.FP32
        ? PostprocessingLayers.of(description) : Set.of();
    for (Layer layer : description.layers()) {
      ILayer added = addLayer(layer, shapes);
      added.setName(layer.name());
      if (pinned.contains(layer.name())) {
        added.setPrecision(DataType.kFLOAT);
        added.setOutputType(0, DataType.kFLOAT);
      }
      ITensor out = added.getOutput(0);
      out.setName(layer.name());
      tensors.put(layer.name(), out);
    }
    ITensor boxes = tensors.get(description.boxes());
    ITensor scores = tensors.get(description.classScores());
    nmsPlugin = efficientNms(description.nms());
    ILayer nmsLayer = requireNative(network.addPluginV2(new PointerPointer<>(boxes, scores), 2, nmsPlugin),
        "addPluginV2(EfficientNMS_TRT)");
    nmsLayer.setName("EfficientNMS_TRT");
    if (options.nms() == NmsPrecision.FP16) {
      // boxes and scores reach the plugin as FP16 (the engine's outputs stay FP32: network I/O keeps its declared type)
      nmsLayer.setPrecision(DataType.kHALF);
    }
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
