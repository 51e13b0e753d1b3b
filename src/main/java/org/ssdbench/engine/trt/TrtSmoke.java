package org.ssdbench.engine.trt;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.ssdbench.model.GeneratorOptions;
import org.ssdbench.model.ImageBatch;
import org.ssdbench.model.LoadedModel;
import org.ssdbench.model.ModelLoader;
import org.ssdbench.model.SyntheticImage;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine;

/**
 * One command for a GPU machine: for each requested precision, build (or load from the cache) the TensorRT engine of
 * SSD MobileNet V2, check it against TensorFlow on the CPU, and time it plainly and replayed from a CUDA graph.
 * Prints build time, the correctness gate's lines and p50/p99 latencies with the CUDA-event GPU time beside them;
 * exits 0 when every gated check passed, 1 when one failed, 2 when TensorRT cannot run here.
 *
 * <pre>{@code
 * java -cp 'app/*' org.ssdbench.engine.trt.TrtSmoke --precision fp32,fp16,int8 --batch 1 --runs 500
 * java -cp 'app/*' org.ssdbench.engine.trt.TrtSmoke --precision fp16 --input f32,u8 --runs 2000
 * }</pre>
 */
@Command(name = "trt-smoke", mixinStandardHelpOptions = true,
    description = "Build, check against TF CPU and time the TensorRT engines of SSD MobileNet V2.")
public final class TrtSmoke implements Callable<Integer> {
  @Option(names = "--precision", split = ",", defaultValue = "fp32,fp16,int8",
      description = "Precisions to build, comma separated: fp32, fp16, int8 (default: ${DEFAULT-VALUE}).")
  List<String> precisions;

  @Option(names = "--batch", defaultValue = "1", description = "Images per inference (default: ${DEFAULT-VALUE}).")
  int batch;

  @Option(names = "--model", defaultValue = "generated",
      description = "'generated' or the path of a frozen_inference_graph.pb (default: ${DEFAULT-VALUE}).")
  String model;

  @Option(names = "--threshold", description = "NMS score threshold; default: the graph's (0.3 for 'generated').")
  Float threshold;

  @Option(names = "--runs", defaultValue = "500", description = "Timed runs per variant (default: ${DEFAULT-VALUE}).")
  int runs;

  @Option(names = "--warmup", defaultValue = "100", description = "Untimed runs first (default: ${DEFAULT-VALUE}).")
  int warmup;

  @Option(names = "--cache", description = "Engine cache folder (default: $" + EngineCache.ENV + " or cache/trt).")
  Path cache;

  @Option(names = "--no-graph", description = "Skip the CUDA graph variant.")
  boolean noGraph;

  @Option(names = "--builder-level", defaultValue = "-1",
      description = "TensorRT builder optimization level 0 (fastest build) to 5; default: TensorRT's (3). "
          + "Lower levels build in less time and may run slower.")
  int builderLevel;

  @Option(names = "--calibration-images",
      description = "Folder of JPEG/PNG photos to calibrate INT8 on; default: generated images.")
  Path calibrationImages;

  @Option(names = "--no-probes", description = "Build without the pre-NMS outputs (no check before NMS).")
  boolean noProbes;

  @Option(names = "--input", split = ",", defaultValue = "f32",
      description = "Engine inputs, comma separated: f32 (float NCHW, preprocessed on the host, outside the timed call) "
          + "and u8 (uint8 NHWC pixels; cast, scaling and transpose inside the engine) (default: ${DEFAULT-VALUE}).")
  List<String> inputs;

  @Option(names = "--cpu-only", description = "Only load, convert and run the TF CPU reference (no GPU needed).")
  boolean cpuOnly;

  public static void main(String[] args) {
    System.exit(new CommandLine(new TrtSmoke()).execute(args));
  }

  @Override
  public Integer call() {
    List<Precision> wanted = precisions.stream().map(Precision::parse).toList();
    List<InputFormat> formats = inputs.stream().map(InputFormat::parse).toList();
    String missing = cpuOnly ? "" : TensorRtAvailability.check();
    if (!missing.isEmpty()) {
      System.out.println("SKIP: TensorRT cannot run here: " + missing);
      return 2;
    }
    if (!cpuOnly) {
      System.out.printf("TensorRT %s on %s (compute %s)%n", TrtRuntime.version(), GpuInfo.current().name(),
          GpuInfo.current().computeCapability());
    }

    long t0 = System.nanoTime();
    GeneratorOptions options = GeneratorOptions.defaults().withBatch(batch);
    LoadedModel source = ModelLoader.resolve(model, threshold == null ? options : options.withScoreThreshold(threshold));
    System.out.printf("model %s, sha256 %s, %d nodes, loaded in %d ms%n", source.source(), source.sha256().substring(0, 16),
        source.graphDef().getNodeCount(), ms(t0));
    if (threshold != null && !model.equals("generated")) {
      System.out.println("WARNING: --threshold changes the TensorRT engine only; TF runs the file's own threshold, "
          + "so detections may differ by design");
    }
    t0 = System.nanoTime();
    NetworkDescription description = SsdGraphConverter.convert(source.graphDef(), source.source());
    System.out.printf("converted in %d ms: %s%n", ms(t0), description);
    System.out.println("input f32: NCHW [" + batch + ",3," + description.height() + "," + description.width()
        + "] float, preprocessed on the host (x*2/255-1, NHWC->NCHW), outside the timed region; input u8: NHWC ["
        + batch + "," + description.height() + "," + description.width() + ",3] uint8, preprocessed inside the engine");

    ImageBatch images = SyntheticImage.create(GeneratorOptions.DEFAULT_SEED, batch, description.height(), description.width());
    t0 = System.nanoTime();
    TfCpuReference.Outputs reference;
    try (TfCpuReference tf = new TfCpuReference(source.graphDef())) {
      reference = tf.run(images);
    }
    System.out.printf("TF CPU reference in %d ms: %s detections%n", ms(t0),
        reference.detections() == null ? "no" : String.valueOf(reference.detections().count(0)));

    if (cpuOnly) {
      System.out.println("\nCPU-ONLY CHECK PASSED (no TensorRT run)");
      return 0;
    }
    EngineCache engines = cache != null ? new EngineCache(cache) : EngineCache.defaultCache();
    boolean allPassed = true;
    CalibrationSet calibration = CalibrationSet.of(calibrationImages);
    java.util.Map<Precision, org.ssdbench.engine.Detections> found = new java.util.EnumMap<>(Precision.class);
    for (Precision p : wanted) {
      for (InputFormat input : formats) {
      for (boolean graph : noGraph ? new boolean[] {false} : new boolean[] {false, true}) {
        int level = TrtInferenceEngine.Config.levelFor(p, builderLevel);
        var config = new TrtInferenceEngine.Config(p, batch, graph, threshold, !noProbes, level, input);
        System.out.printf("%n== %s (batch %d)%s%n", config.name(), batch, level == TrtNetworkBuilder.Options.DEFAULT_LEVEL ? ""
            : ", builder optimization level " + level + " (TensorRT's default: 3)");
        t0 = System.nanoTime();
        try (TrtInferenceEngine engine = new TrtInferenceEngine(description, source.sha256(), config, engines, calibration)) {
          var prov = engine.provenance();
          System.out.printf("  engine %s in %d ms%s (%s), device memory %.1f MiB, NMS %s%n",
              prov.source() == EngineCache.Source.BUILT ? "built" : "loaded from cache", ms(t0),
              prov.source() == EngineCache.Source.BUILT ? " (TensorRT build %d ms)".formatted(prov.buildMillis()) : "",
              prov.source() == EngineCache.Source.BUILT ? prov.reason() : engines.planFile(prov.key()),
              engine.engine().deviceMemoryBytes() / 1048576.0, engine.description().nms());
          System.out.println("  " + engine.build().summary());
          org.ssdbench.engine.CorrectnessGate.Report report =
              org.ssdbench.engine.CorrectnessGate.check(engine, reference.toReference(), images);
          report.lines().forEach(System.out::println);
          found.put(p, engine.detect(images));
          if (p == Precision.INT8 && found.containsKey(Precision.FP32)) {
            Int8Agreement.compare("trt-fp32", found.get(Precision.FP32), found.get(p))
                .forEach(r -> System.out.println("  " + r));
          }
          if (p == Precision.INT8) {
            System.out.println("  " + Int8Agreement.CAVEAT);
          }
          allPassed &= report.passed();
          engine.prepare(images);
          time(engine);
        } catch (RuntimeException e) {
          allPassed = false;
          System.out.println("  FAILED: " + e);
          e.printStackTrace(System.out);
        }
      }
      }
    }
    System.out.println(allPassed ? "\nSMOKE PASSED" : "\nSMOKE FAILED");
    return allPassed ? 0 : 1;
  }

  private void time(TrtInferenceEngine engine) {
    for (int i = 0; i < warmup; i++) {
      engine.infer();
    }
    long[] host = new long[runs];
    float[] gpu = new float[runs];
    for (int i = 0; i < runs; i++) {
      long s = System.nanoTime();
      engine.infer();
      host[i] = System.nanoTime() - s;
      gpu[i] = engine.lastGpuMillis();
    }
    Arrays.sort(host);
    Arrays.sort(gpu);
    double hostP50 = host[runs / 2] / 1e6;
    double gpuP50 = gpu[runs / 2];
    System.out.printf(Locale.ROOT,
        "  latency over %d runs (host, end to end incl. copies): p50 %.3f ms, p99 %.3f ms, min %.3f ms%n", runs, hostP50,
        host[(int) Math.min(runs - 1, Math.ceil(runs * 0.99) - 1)] / 1e6, host[0] / 1e6);
    System.out.printf(Locale.ROOT,
        "  GPU time (CUDA events around copies + engine): p50 %.3f ms, p99 %.3f ms; harness overhead at p50 %.1f%%%n",
        gpuP50, gpu[(int) Math.min(runs - 1, Math.ceil(runs * 0.99) - 1)], 100 * (hostP50 - gpuP50) / gpuP50);
  }

  private static long ms(long startNanos) {
    return (System.nanoTime() - startNanos) / 1_000_000;
  }
}
