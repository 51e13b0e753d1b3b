package org.ssdbench.engine.trt;

import static org.bytedeco.cuda.global.cudart.cudaMemcpyAsync;
import static org.bytedeco.cuda.global.cudart.cudaMemcpyDeviceToHost;
import static org.bytedeco.cuda.global.cudart.cudaMemcpyHostToDevice;
import static org.ssdbench.engine.trt.Cuda.checkCuda;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.bytedeco.tensorrt.global.nvinfer.DataType;
import org.ssdbench.engine.Detections;
import org.ssdbench.engine.GateCriteria;
import org.ssdbench.engine.InferenceEngine;
import org.ssdbench.model.ImageBatch;
import org.ssdbench.model.SsdSignature;

/**
 * SSD MobileNet V2 as a TensorRT engine behind {@link InferenceEngine}. One inference is, on one CUDA stream: copy the
 * preprocessed NCHW input from pinned host memory to the GPU, {@code enqueueV3}, copy the four NMS outputs back to
 * pinned memory, synchronize. With {@link Config#cudaGraph()} that sequence is captured once into a {@link CudaGraph}
 * and each inference is one {@code cudaGraphLaunch}. CUDA events around it give the GPU-side time of each run
 * ({@link #lastGpuMillis()}), so the harness's own overhead can be read off against the host-side latency.
 *
 * <p>For the float input, host preprocessing (x * 2 / 255 - 1, NHWC to NCHW) happens in {@link #prepare}, outside the
 * timed call; for {@link InputFormat#UINT8_NHWC} prepare only copies the pixels into pinned memory, and the engine's
 * front end ({@link Uint8Front}) does that work inside the timed call, on a quarter of the bytes.
 *
 * <p>Owns, and closes in reverse order: runtime, engine, context, stream, events, device and pinned buffers, graph.
 * Not thread-safe.
 */
public final class TrtInferenceEngine implements InferenceEngine {
  /**
   * @param scoreThreshold NMS score threshold to build with; null takes the graph's
   * @param probes expose (and on {@link #detect} copy back) the pre-NMS tensors for the correctness check
   * @param builderLevel TensorRT's builder optimization level, 0 (fastest build) to 5, or
   *     {@link TrtNetworkBuilder.Options#DEFAULT_LEVEL}
   * @param input what the engine takes: the host-preprocessed float NCHW image, or the uint8 NHWC pixels with the
   *     preprocessing inside the engine ({@link Uint8Front})
   * @param nms the NMS plugin's precision: the builder's choice, or pinned to FP16 ({@code -nmsfp16})
   * @param post the postprocessing layers' precision: the builder's choice, or pinned to FP32 ({@code -pp32})
   */
  public record Config(Precision precision, int batch, boolean cudaGraph, Float scoreThreshold, boolean probes,
      int builderLevel, InputFormat input, NmsPrecision nms, PostprocessingPrecision post) {
    /** The builder level INT8 builds at when none is given. */
    public static final int INT8_DEFAULT_LEVEL = 2;
    private static final String NAMES = "trt-<fp32|fp16|int8>[-u8][-nmsfp16][-pp32][-graph][-l<0..5>], e.g. trt-fp32, "
        + "trt-fp16-graph, trt-fp16-u8, trt-fp16-u8-graph, trt-fp16-nmsfp16-graph, trt-int8-u8-graph, "
        + "trt-int8-u8-pp32-graph, trt-fp16-u8-graph-l5";
    private static final String NMS_FP16 = "-nmsfp16";
    private static final String POST_FP32 = "-pp32";
    private static final java.util.regex.Pattern LEVEL = java.util.regex.Pattern.compile("-l(\\d)$");

    public Config {
      if (batch < 1) {
        throw new IllegalArgumentException("batch must be >= 1, got " + batch);
      }
      TrtNetworkBuilder.Options.checkLevel(builderLevel);
      java.util.Objects.requireNonNull(input, "input");
      java.util.Objects.requireNonNull(nms, "nms");
      java.util.Objects.requireNonNull(post, "post");
      if (nms == NmsPrecision.FP16 && precision == Precision.FP32) {
        throw new IllegalArgumentException("an FP32 engine is strict FP32: it has no FP16 to run the NMS plugin in;"
            + " -nmsfp16 goes with fp16 or int8");
      }
      if (post == PostprocessingPrecision.FP32 && precision == Precision.FP32) {
        throw new IllegalArgumentException("an FP32 engine's postprocessing is FP32 already; -pp32 goes with fp16 or"
            + " int8");
      }
    }

    /** A configuration whose postprocessing runs in the types the builder picks. */
    public Config(Precision precision, int batch, boolean cudaGraph, Float scoreThreshold, boolean probes,
        int builderLevel, InputFormat input, NmsPrecision nms) {
      this(precision, batch, cudaGraph, scoreThreshold, probes, builderLevel, input, nms,
          PostprocessingPrecision.CHOSEN);
    }

    /** A configuration whose NMS plugin runs in the precision the builder picks. */
    public Config(Precision precision, int batch, boolean cudaGraph, Float scoreThreshold, boolean probes,
        int builderLevel, InputFormat input) {
      this(precision, batch, cudaGraph, scoreThreshold, probes, builderLevel, input, NmsPrecision.CHOSEN);
    }

    /** A configuration with the float NCHW input. */
    public Config(Precision precision, int batch, boolean cudaGraph, Float scoreThreshold, boolean probes,
        int builderLevel) {
      this(precision, batch, cudaGraph, scoreThreshold, probes, builderLevel, InputFormat.FLOAT_NCHW);
    }

    /**
     * trt-fp32, trt-fp16-graph, trt-fp16-u8-graph, trt-int8-nmsfp16-graph, trt-fp16-u8-graph-l5, ...: the builder level
     * is named when it is not the precision's default ({@link #levelFor}).
     */
    public String name() {
      String level = builderLevel == levelFor(precision, TrtNetworkBuilder.Options.DEFAULT_LEVEL) ? ""
          : "-l" + builderLevel;
      return "trt-" + precision.id() + (input == InputFormat.UINT8_NHWC ? "-u8" : "")
          + (nms == NmsPrecision.FP16 ? NMS_FP16 : "") + (post == PostprocessingPrecision.FP32 ? POST_FP32 : "")
          + (cudaGraph ? "-graph" : "") + level;
    }

    /**
     * Parses a benchmark configuration name: {@code trt-<fp32|fp16|int8>[-u8][-nmsfp16][-graph]}, at the default builder
     * level.
     */
    public static Config parse(String name, int batch) {
      return parse(name, batch, TrtNetworkBuilder.Options.DEFAULT_LEVEL);
    }

    /**
     * Parses a configuration name and applies {@code builderLevel} (or {@link #levelFor}'s default for the precision). A
     * level in the name ({@code -l5}: the ladder's builder-level step) is that configuration's own and wins over
     * {@code builderLevel}, the run's level for configurations without one (the quick profile builds at level 1, and
     * its ladder's {@code -l5} step still at 5).
     */
    public static Config parse(String name, int batch, int builderLevel) {
      Config parsed = parse0(name, batch);
      TrtNetworkBuilder.Options.checkLevel(builderLevel);
      int level = parsed.builderLevel() != TrtNetworkBuilder.Options.DEFAULT_LEVEL ? parsed.builderLevel()
          : builderLevel;
      return new Config(parsed.precision(), batch, parsed.cudaGraph(), null, false,
          levelFor(parsed.precision(), level), parsed.input(), parsed.nms(), parsed.post());
    }

    /**
     * The builder level to use when {@code requested} is given, else TensorRT's default, except INT8:
     * {@link #INT8_DEFAULT_LEVEL}, whose build fits a run (at level 3 an INT8 build ran past 6 minutes on an H100).
     */
    public static int levelFor(Precision precision, int requested) {
      TrtNetworkBuilder.Options.checkLevel(requested);
      return requested == TrtNetworkBuilder.Options.DEFAULT_LEVEL && precision == Precision.INT8
          ? INT8_DEFAULT_LEVEL : requested;
    }

    private static Config parse0(String name, int batch) {
      String s = name.trim();
      int level = TrtNetworkBuilder.Options.DEFAULT_LEVEL;
      java.util.regex.Matcher named = LEVEL.matcher(s);
      if (named.find()) {
        level = Integer.parseInt(named.group(1));
        s = s.substring(0, named.start());
      }
      boolean graph = s.endsWith("-graph");
      if (graph) {
        s = s.substring(0, s.length() - "-graph".length());
      }
      PostprocessingPrecision post = PostprocessingPrecision.CHOSEN;
      if (s.endsWith(POST_FP32)) {
        post = PostprocessingPrecision.FP32;
        s = s.substring(0, s.length() - POST_FP32.length());
      }
      NmsPrecision nms = NmsPrecision.CHOSEN;
      if (s.endsWith(NMS_FP16)) {
        nms = NmsPrecision.FP16;
        s = s.substring(0, s.length() - NMS_FP16.length());
      }
      InputFormat input = InputFormat.FLOAT_NCHW;
      if (s.endsWith("-u8")) {
        input = InputFormat.UINT8_NHWC;
        s = s.substring(0, s.length() - "-u8".length());
      }
      if (!s.startsWith("trt-")) {
        throw new IllegalArgumentException("Unknown TensorRT config '%s'; available: %s".formatted(name, NAMES));
      }
      Precision precision;
      try {
        precision = Precision.parse(s.substring(4));
      } catch (IllegalArgumentException e) {
        throw new IllegalArgumentException(
            "Unknown TensorRT config '%s' (%s); available: %s".formatted(name, e.getMessage(), NAMES), e);
      }
      try {
        return new Config(precision, batch, graph, null, true, level, input, nms, post);
      } catch (IllegalArgumentException e) {
        throw new IllegalArgumentException("TensorRT config '%s': %s".formatted(name, e.getMessage()), e);
      }
    }
  }

  /** How the engine was obtained. */
  public record Provenance(EngineCache.Source source, String reason, long buildMillis, EngineKey key) {}

  /**
   * System property naming a folder of photos for INT8 calibration (what {@code --calibration-images} sets); unset:
   * generated images.
   */
  public static final String CALIBRATION_IMAGES_PROPERTY = "ssdbench.trt.calibration.images";

  private final Deque<AutoCloseable> owned = new ArrayDeque<>();
  private final NetworkDescription description;
  private final Config config;
  private final TrtEngine engine;
  private final TrtExecutionContext context;
  private final CudaStream stream;
  private final CudaEvent start;
  private final CudaEvent stop;
  private final Map<String, DeviceBuffer> device = new LinkedHashMap<>();
  private final Map<String, PinnedBuffer> host = new LinkedHashMap<>();
  private final List<String> copiedBack = List.of(TrtNetworkBuilder.NUM_DETECTIONS, TrtNetworkBuilder.DETECTION_BOXES,
      TrtNetworkBuilder.DETECTION_SCORES, TrtNetworkBuilder.DETECTION_CLASSES);
  private final Provenance provenance;
  private final TrtBuild build;
  private CudaGraph graph;
  private final GpuTimes gpuTimes = new GpuTimes();
  private float lastGpuMillis;
  private boolean prepared;
  /** Whether an inference {@link #launch()} started has not been awaited yet. */
  private boolean inFlight;
  private boolean closed;

  /**
   * Loads the engine from {@code cache} when one matching every key field is there, else builds and stores it.
   *
   * @param modelSha256 SHA-256 of the GraphDef the description came from
   */
  public TrtInferenceEngine(NetworkDescription description, String modelSha256, Config config, EngineCache cache) {
    this(description, modelSha256, config, cache, CalibrationSet.of(calibrationImagesFromProperty()));
  }

  /**
   * As above, calibrating INT8 on {@code calibration}. The timing cache and calibration table live in the engine
   * cache's folder ({@link BuildCaches}). When {@value TrtBuildsCsv#RUN_DIR_PROPERTY} names a run folder, the build's
   * facts are appended to its {@code trt-builds.csv}.
   */
  public TrtInferenceEngine(NetworkDescription description, String modelSha256, Config config, EngineCache cache,
      CalibrationSet calibration) {
    String missing = TensorRtAvailability.check();
    if (!missing.isEmpty()) {
      throw new IllegalStateException("TensorRT is not available: " + missing);
    }
    NetworkDescription d = withThreshold(description, config);
    this.description = d;
    this.config = config;
    try {
      TrtLogger logger = TrtLogger.shared();
      TrtRuntime runtime = own(new TrtRuntime(logger));
      GpuInfo gpu = GpuInfo.current();
      EngineKey key = key(d, modelSha256, config, gpu, calibration);
      BuildCaches caches = BuildCaches.in(cache.dir(), modelSha256, gpu, TrtRuntime.version(), calibration);
      TrtNetworkBuilder.Plan[] built = {null};
      var entry = cache.getOrBuild(key, bytes -> tryLoad(runtime, bytes), () -> {
        built[0] = TrtNetworkBuilder.build(d, config.input(),
            new TrtNetworkBuilder.Options(config.precision(), config.batch(), config.probes(),
                CalibrationSet.DEFAULT_BATCHES, 1L << 30, config.builderLevel(), config.nms(), config.post()), logger,
            caches);
        return built[0].bytes();
      });
      engine = own(entry.value());
      provenance = new Provenance(entry.source(), entry.reason(), built[0] == null ? 0 : built[0].buildMillis(), key);
      build = buildRecord(config, built[0], entry, engine, gpu);
      TrtBuildsCsv.appendToRun(build);
      context = own(new TrtExecutionContext(engine));
      stream = own(new CudaStream());
      start = own(new CudaEvent());
      stop = own(new CudaEvent());
      for (TrtEngine.IoTensor t : engine.io().values()) {
        DeviceBuffer buffer = own(new DeviceBuffer(t.bytes(), t.name()));
        device.put(t.name(), buffer);
        host.put(t.name(), own(new PinnedBuffer(t.bytes(), t.name())));
        context.bind(t.name(), buffer);
      }
      checkIo();
    } catch (RuntimeException e) {
      closeOwned();
      throw e;
    }
  }

  /**
   * The cache key of the engine the constructor opens for these arguments on this GPU, so a caller can tell beforehand
   * whether it would be loaded or built ({@link EngineCache#read}).
   */
  public static EngineKey keyFor(NetworkDescription description, String modelSha256, Config config) {
    return key(withThreshold(description, config), modelSha256, config, GpuInfo.current(),
        CalibrationSet.of(calibrationImagesFromProperty()));
  }

  /** The description with the config's NMS score threshold, when it gives one. */
  private static NetworkDescription withThreshold(NetworkDescription description, Config config) {
    return config.scoreThreshold() == null ? description
        : withNms(description, description.nms().withScoreThreshold(config.scoreThreshold()));
  }

  private static EngineKey key(NetworkDescription d, String modelSha256, Config config, GpuInfo gpu,
      CalibrationSet calibration) {
    return new EngineKey(modelSha256, gpu.name(), gpu.computeCapability(), TrtRuntime.version(),
        config.precision().id(), config.batch(), d.nms().scoreThreshold(), config.probes(), config.builderLevel(),
        EngineKey.FORMAT, config.input().id(), config.nms().id(), config.post().id(), calibration.id());
  }

  private static Path calibrationImagesFromProperty() {
    String dir = System.getProperty(CALIBRATION_IMAGES_PROPERTY);
    return dir == null || dir.isBlank() ? null : Path.of(dir);
  }

  private static TrtBuild buildRecord(Config config, TrtNetworkBuilder.Plan plan, EngineCache.Entry<TrtEngine> entry,
      TrtEngine engine, GpuInfo gpu) {
    boolean cached = plan == null;
    long engineBytes;
    try {
      engineBytes = Files.size(entry.file());
    } catch (IOException e) {
      engineBytes = cached ? -1 : plan.bytes().length;
    }
    return new TrtBuild(config.name(), config.precision().id(), config.batch(), TrtBuild.levelLabel(config.builderLevel()),
        cached ? TrtBuild.CACHED
            : TrtBuild.kind(false, plan.timingCache(), plan.timingCacheBytesBefore(), plan.timingCacheBytesAfter()),
        cached ? 0 : plan.buildMillis(),
        cached ? "-" : plan.timingCache(), cached ? 0 : plan.timingCacheBytesBefore(),
        cached ? 0 : plan.timingCacheBytesAfter(), cached ? "-" : plan.calibration(),
        cached ? 0 : plan.calibrationMillis(), cached ? 0 : plan.calibrationBatches(), engine.layerCount(), engineBytes,
        engine.deviceMemoryBytes(), gpu.name(), TrtRuntime.version(), entry.reason());
  }

  private static Optional<TrtEngine> tryLoad(TrtRuntime runtime, byte[] bytes) {
    try {
      return Optional.of(new TrtEngine(runtime, bytes));
    } catch (IllegalStateException e) {
      return Optional.empty();
    }
  }

  private static NetworkDescription withNms(NetworkDescription d, NmsSettings nms) {
    return new NetworkDescription(d.input(), d.channels(), d.height(), d.width(), d.layers(), d.rawBoxEncodings(),
        d.classScores(), d.boxes(), d.anchors(), nms, d.source());
  }

  private <T extends AutoCloseable> T own(T resource) {
    owned.push(resource);
    return resource;
  }

  /** The engine's input tensor: the description's (float NCHW) or {@link Uint8Front#INPUT} (uint8 NHWC). */
  private String inputTensor() {
    return config.input() == InputFormat.UINT8_NHWC ? Uint8Front.INPUT : description.input();
  }

  private void checkIo() {
    var in = engine.tensor(inputTensor());
    long expected = (long) config.batch() * 3 * description.height() * description.width();
    boolean u8 = config.input() == InputFormat.UINT8_NHWC;
    DataType type = u8 ? DataType.kUINT8 : DataType.kFLOAT;
    if (in.elements() != expected || in.type() != type) {
      throw new IllegalStateException("engine input %s is %s %s; expected %s".formatted(in.name(), in.type(),
          java.util.Arrays.toString(in.shape()), u8
              ? "uint8 [%d, %d, %d, 3]".formatted(config.batch(), description.height(), description.width())
              : "float [%d, 3, %d, %d]".formatted(config.batch(), description.height(), description.width())));
    }
    for (String out : copiedBack) {
      engine.tensor(out);
    }
  }

  @Override
  public String name() {
    return config.name();
  }

  @Override
  public GateCriteria criteria() {
    return switch (config.precision()) {
      case FP32 -> GateCriteria.tensorRtFp32();
      case FP16 -> GateCriteria.tensorRtFp16();
      case INT8 -> GateCriteria.measuredOnly("TensorRT INT8");
    };
  }

  /** The probe outputs of the last run, when the engine was built with them ({@link Config#probes()}). */
  @Override
  public Optional<float[][]> preNmsTensors() {
    return config.probes() ? Optional.of(probes()) : Optional.empty();
  }

  public Config config() {
    return config;
  }

  public NetworkDescription description() {
    return description;
  }

  public Provenance provenance() {
    return provenance;
  }

  /** What obtaining this engine took: the row written to {@code trt-builds.csv}. */
  public TrtBuild build() {
    return build;
  }

  public TrtEngine engine() {
    return engine;
  }

  @Override
  public void prepare(ImageBatch images) {
    ensureOpen();
    if (images.batch() != config.batch()) {
      throw new IllegalArgumentException(
          "engine was built for batch %d, got %d images".formatted(config.batch(), images.batch()));
    }
    if (config.input() == InputFormat.UINT8_NHWC) {
      if (images.height() != description.height() || images.width() != description.width()) {
        throw new IllegalArgumentException("images are %dx%d; the engine takes %dx%d (resize them first)"
            .formatted(images.height(), images.width(), description.height(), description.width()));
      }
      host.get(inputTensor()).write(images.pixels());
    } else {
      host.get(inputTensor()).write(HostPreprocessing.toNchw(images, description.height(), description.width()));
    }
    if (!prepared) {
      enqueueAll(); // first enqueue does TensorRT's lazy setup, which must not be captured
      stream.synchronize();
      if (config.cudaGraph()) {
        graph = own(new CudaGraph(stream, this::enqueueAll));
      }
      prepared = true;
    }
  }

  /** H2D input, enqueueV3, D2H of the four NMS outputs: the work of one inference, all on {@link #stream}. */
  private void enqueueAll() {
    String in = inputTensor();
    checkCuda(cudaMemcpyAsync(device.get(in).pointer(), host.get(in).pointer(), host.get(in).bytes(),
        cudaMemcpyHostToDevice, stream.handle()), "cudaMemcpyAsync(input)");
    context.enqueue(stream);
    for (String out : copiedBack) {
      copyBack(out);
    }
  }

  private void copyBack(String out) {
    checkCuda(cudaMemcpyAsync(host.get(out).pointer(), device.get(out).pointer(), host.get(out).bytes(),
        cudaMemcpyDeviceToHost, stream.handle()), "cudaMemcpyAsync(" + out + ")");
  }

  /** One inference, timed with CUDA events, waited for. */
  private void runOnce() {
    enqueueTimed();
    awaitTimed();
  }

  /** The inference's work between two CUDA events on {@link #stream}, not waited for. */
  private void enqueueTimed() {
    if (inFlight) {
      throw new IllegalStateException(name() + ": an inference is in flight; await() it first");
    }
    start.record(stream);
    if (graph != null) {
      graph.launch(stream);
    } else {
      enqueueAll();
    }
    stop.record(stream);
    inFlight = true;
  }

  private void awaitTimed() {
    stream.synchronize();
    inFlight = false;
    lastGpuMillis = stop.millisSince(start);
    gpuTimes.add(lastGpuMillis);
  }

  /**
   * Starts one inference on this engine's stream and returns at once, so another engine's inference can run beside
   * it (two batches in flight); {@link #await()} waits for it. The same work as {@link #infer()}.
   */
  public void launch() {
    ensurePrepared();
    enqueueTimed();
  }

  /** Waits for the inference {@link #launch()} started; returns what {@link #infer()} returns. */
  public float await() {
    ensureOpen();
    if (!inFlight) {
      throw new IllegalStateException(name() + ": nothing in flight; launch() first");
    }
    awaitTimed();
    return detectionCount();
  }

  /** The last inference's detection count, from the host copy of its output: what the benchmarks return. */
  private float detectionCount() {
    return host.get(TrtNetworkBuilder.NUM_DETECTIONS).firstByte();
  }

  /** The GPU time of every inference so far, grouped by iteration (the benchmark's secondary metric). */
  public GpuTimes gpuTimes() {
    return gpuTimes;
  }

  @Override
  public float infer() {
    ensurePrepared();
    runOnce();
    return detectionCount();
  }

  /** GPU time of the last {@link #infer()} or {@link #detect}, from CUDA events on its stream (copies included). */
  public float lastGpuMillis() {
    return lastGpuMillis;
  }

  @Override
  public Detections detect(ImageBatch images) {
    prepare(images);
    runOnce();
    int b = config.batch();
    int max = SsdSignature.MAX_DETECTIONS;
    int[] num = new int[b];
    float[] boxes = new float[b * max * 4];
    float[] scores = new float[b * max];
    int[] classes = new int[b * max];
    host.get(TrtNetworkBuilder.NUM_DETECTIONS).read(num);
    host.get(TrtNetworkBuilder.DETECTION_BOXES).read(boxes);
    host.get(TrtNetworkBuilder.DETECTION_SCORES).read(scores);
    host.get(TrtNetworkBuilder.DETECTION_CLASSES).read(classes);
    float[] numF = new float[b];
    float[] classesF = new float[b * max];
    for (int i = 0; i < b; i++) {
      numF[i] = num[i];
      for (int r = 0; r < max; r++) {
        // TF's rows past num_detections are zero; EfficientNMS leaves them unspecified
        int at = i * max + r;
        if (r < num[i]) {
          classesF[at] = classes[at] + 1; // TF reports class index + 1
        } else {
          scores[at] = 0f;
          java.util.Arrays.fill(boxes, at * 4, at * 4 + 4, 0f);
        }
      }
    }
    return new Detections(b, boxes, scores, classesF, numF);
  }

  /** The pre-NMS tensors of the last run: raw box encodings [B, N, 4] and class scores [B, N, 90]. */
  public float[][] probes() {
    ensurePrepared();
    if (!config.probes()) {
      throw new IllegalStateException("engine " + name() + " was built without probe outputs");
    }
    List<float[]> out = new ArrayList<>();
    for (String name : List.of(description.rawBoxEncodings(), description.classScores())) {
      copyBack(name);
      stream.synchronize();
      float[] v = new float[(int) engine.tensor(name).elements()];
      host.get(name).read(v);
      out.add(v);
    }
    return out.toArray(float[][]::new);
  }

  private void ensureOpen() {
    if (closed) {
      throw new IllegalStateException(name() + " cannot be used after close()");
    }
  }

  private void ensurePrepared() {
    ensureOpen();
    if (!prepared) {
      throw new IllegalStateException(name() + ": call prepare(images) before infer()");
    }
  }

  @Override
  public void close() {
    if (!closed) {
      closed = true;
      if (inFlight) {
        stream.synchronize(); // an inference launch() started still uses the buffers freed below
        inFlight = false;
      }
      closeOwned();
    }
  }

  private void closeOwned() {
    RuntimeException first = null;
    while (!owned.isEmpty()) {
      try {
        owned.pop().close();
      } catch (Exception e) {
        if (first == null) {
          first = e instanceof RuntimeException r ? r : new IllegalStateException(e);
        }
      }
    }
    if (first != null) {
      throw first;
    }
  }
}
