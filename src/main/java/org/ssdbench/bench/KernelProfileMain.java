package org.ssdbench.bench;

import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.ssdbench.engine.trt.EngineCache;
import org.ssdbench.engine.trt.EngineKey;
import org.ssdbench.engine.trt.GpuTimes;
import org.ssdbench.engine.trt.NetworkDescription;
import org.ssdbench.engine.trt.SsdGraphConverter;
import org.ssdbench.engine.trt.TensorRtAvailability;
import org.ssdbench.engine.trt.TrtInferenceEngine;
import org.ssdbench.engine.trt.TrtNetworkBuilder;
import org.ssdbench.engine.trt.profile.CuptiTrace;
import org.ssdbench.engine.trt.profile.GpuActivity;
import org.ssdbench.engine.trt.profile.KernelProfile;
import org.ssdbench.engine.trt.profile.KernelProfileCsv;
import org.ssdbench.engine.trt.profile.LayerCapture;
import org.ssdbench.engine.trt.profile.ProfileSummary;
import org.ssdbench.results.WorkloadBatch;
import org.ssdbench.results.WorkloadFolder;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * Profiles one TensorRT engine the run timed, kernel by kernel, in a JVM of its own: opens the engine from the engine
 * cache for the run folder's {@code workload/} (and builds none: a cache miss is an error), warms it up, takes the
 * p50 CUDA-event GPU time of N untraced inferences, then traces N more with CUPTI on a second instance of the engine
 * opened after tracing began (so a CUDA graph is instantiated under the trace), and writes {@code trt-kernels.csv} and
 * {@code trt-kernel-summary.csv} into the run folder, and the engine's layer list with one traced inference's kernels
 * in order ({@link LayerCapture}).
 *
 * <p>HOW TO RUN (what {@code run} does after the TensorRT benchmarks, from the project root so the default engine
 * cache is found):
 *
 * <pre>{@code
 * java -cp "target/benchmarks.jar:$(cat target/redist.classpath)" org.ssdbench.bench.KernelProfileMain \
 *     --run-dir results/<run> --config trt-fp16-graph --batch 1 --runs 200
 * }</pre>
 *
 * Exit status: 0 written; 1 failed (the last line says why); 2 bad arguments; 3 no cached engine.
 */
@Command(name = "kernel-profile", mixinStandardHelpOptions = true,
    description = "Per-kernel GPU profile (CUPTI) of one TensorRT engine a run timed, into the run folder.")
public final class KernelProfileMain implements Callable<Integer> {
  static final int CACHE_MISS = 3;

  @Option(names = "--run-dir", required = true, description = "The run folder: its workload/ is profiled, the CSV files go there.")
  Path runDir;

  @Option(names = "--config", required = true, description = "TensorRT configuration, e.g. trt-fp16-graph.")
  String config;

  @Option(names = "--batch", defaultValue = "1", description = "Batch size (default: ${DEFAULT-VALUE}).")
  int batch;

  @Option(names = "--builder-level", defaultValue = "" + TrtNetworkBuilder.Options.DEFAULT_LEVEL,
      description = "The builder level the run timed (default: ${DEFAULT-VALUE}, TensorRT's; 2 for INT8).")
  int builderLevel;

  @Option(names = "--runs", defaultValue = "200", description = "Inferences timed untraced, and as many traced (default: ${DEFAULT-VALUE}).")
  int runs;

  @Option(names = "--warmup", defaultValue = "50", description = "Warm-up inferences before each (default: ${DEFAULT-VALUE}).")
  int warmup;

  public static void main(String[] args) {
    int status;
    try {
      status = new CommandLine(new KernelProfileMain())
          .setExecutionExceptionHandler((e, line, parsed) -> fail(e))
          .execute(args);
    } catch (Throwable t) { // a missing native library (libcupti) arrives as an Error, past picocli
      status = fail(t);
    }
    System.exit(status);
  }

  /** The stack for the log, then one line saying why, which the launcher reports. */
  private static int fail(Throwable t) {
    t.printStackTrace();
    System.err.println("error: " + t);
    return 1;
  }

  @Override
  public Integer call() {
    if (runs < 1 || warmup < 0) {
      throw new CommandLine.ParameterException(new CommandLine(this),
          "--runs must be >= 1 and --warmup >= 0, got %d and %d".formatted(runs, warmup));
    }
    String missing = TensorRtAvailability.check();
    if (!missing.isEmpty()) {
      System.err.println("error: TensorRT is not available: " + missing);
      return 1;
    }
    TrtInferenceEngine.Config cfg = TrtInferenceEngine.Config.parse(config, batch, builderLevel);
    WorkloadBatch w = WorkloadFolder.read(runDir.resolve(WorkloadFolder.DIR), batch);
    NetworkDescription description = SsdGraphConverter.convert(w.model().graphDef(), w.model().source());
    EngineCache cache = EngineCache.defaultCache();
    EngineKey key = TrtInferenceEngine.keyFor(description, w.model().sha256(), cfg);
    if (cache.read(key).isEmpty()) {
      System.err.printf("error: no cached engine for %s batch %d in %s (%s): the profile opens only the engine the "
          + "benchmark timed and builds none%n", config, batch, cache.dir().toAbsolutePath(), cache.planFile(key));
      return CACHE_MISS;
    }
    Untraced untraced = untraced(description, w, cfg, cache);
    double eventMicros = untraced.eventMicros();
    System.out.printf(Locale.ROOT, "%s batch %d: CUDA-event GPU time p50 %.1f us over %d untraced inferences%n",
        config, batch, eventMicros, runs);
    List<GpuActivity> traced = traced(description, w, cfg, cache);
    if (traced.stream().noneMatch(a -> a.type() == GpuActivity.Type.KERNEL)) {
      System.err.printf("error: CUPTI recorded no kernel in %d traced inferences (%d copies and fills)%n", runs,
          traced.size());
      return 1;
    }
    KernelProfile profile = KernelProfile.of(config, batch, traced, runs, eventMicros);
    List<Path> written = new java.util.ArrayList<>(KernelProfileCsv.write(runDir, profile));
    written.addAll(LayerCapture.write(runDir, config, batch, untraced.layersJson(), traced, runs));
    print(profile);
    written.forEach(p -> System.out.println("Wrote " + p));
    return 0;
  }

  private TrtInferenceEngine open(NetworkDescription description, WorkloadBatch w, TrtInferenceEngine.Config cfg,
      EngineCache cache) {
    TrtInferenceEngine trt = new TrtInferenceEngine(description, w.model().sha256(), cfg, cache);
    if (trt.provenance().source() != EngineCache.Source.CACHE) {
      trt.close();
      throw new IllegalStateException("the engine was built, not loaded from the cache (" + trt.provenance().reason()
          + "): it is not the engine the benchmark timed");
    }
    try {
      trt.prepare(w.images());
      GpuTimes times = trt.gpuTimes();
      times.startIteration();
      for (int i = 0; i < warmup; i++) {
        trt.infer();
      }
      times.discardIteration(); // the percentile covers the measured calls only
      return trt;
    } catch (RuntimeException e) {
      trt.close();
      throw e;
    }
  }

  /** The p50 CUDA-event GPU time of untraced inferences, in µs, and the engine's layer list. */
  private record Untraced(double eventMicros, String layersJson) {}

  /** Times {@link #runs} inferences after the warm-up, and reads the engine's layers from its inspector. */
  private Untraced untraced(NetworkDescription description, WorkloadBatch w, TrtInferenceEngine.Config cfg,
      EngineCache cache) {
    try (TrtInferenceEngine trt = open(description, w, cfg, cache)) {
      for (int i = 0; i < runs; i++) {
        trt.infer();
      }
      return new Untraced(trt.gpuTimes().percentile(50) * 1000, trt.engine().layerInformationJson());
    }
  }

  /** Every kernel, copy and fill of {@link #runs} traced inferences after the warm-up. */
  private List<GpuActivity> traced(NetworkDescription description, WorkloadBatch w, TrtInferenceEngine.Config cfg,
      EngineCache cache) {
    try (CuptiTrace trace = CuptiTrace.start();
        TrtInferenceEngine trt = open(description, w, cfg, cache)) {
      long from = trace.timestampNs();
      for (int i = 0; i < runs; i++) {
        trt.infer(); // waits for the stream: the work is done when it returns
      }
      long to = trace.timestampNs();
      return CuptiTrace.within(trace.stop(), from, to);
    }
  }

  private static void print(KernelProfile profile) {
    ProfileSummary s = profile.summary();
    System.out.printf(Locale.ROOT, "%s batch %d: kernels and copies account for %.1f of the %.1f us CUDA-event GPU time"
        + " per inference (coverage %.0f%%); kernels %.1f us, copies %.1f us, %d distinct kernels%n", s.config(),
        s.batch(), s.busyMicros(), s.eventMicros(), s.coverage() * 100, s.kernelMicros(), s.copyMicros(),
        profile.kernels().size());
    profile.kernels().stream().limit(5).forEach(k -> System.out.printf(Locale.ROOT, "  %8.2f us %5.1f%%  x%.0f  %s%n",
        k.microsPerInference(), k.share() * 100, k.launchesPerInference(), k.kernel()));
  }
}
