package org.ssdbench.bench;

import java.util.Locale;
import org.openjdk.jmh.annotations.AuxCounters;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.infra.IterationParams;
import org.openjdk.jmh.runner.IterationType;
import org.ssdbench.engine.trt.EngineCache;
import org.ssdbench.engine.trt.GpuTimes;
import org.ssdbench.engine.trt.NetworkDescription;
import org.ssdbench.engine.trt.SsdGraphConverter;
import org.ssdbench.engine.trt.TensorRtAvailability;
import org.ssdbench.engine.trt.TrtInferenceEngine;
import org.ssdbench.results.WorkloadBatch;

/*
 * What: end-to-end latency of SSD MobileNet V2 as a TensorRT 10 engine with NMS inside (EfficientNMS_TRT): copy the
 * input to the GPU, run the engine, copy the four detection outputs back, wait. The timed engine has only those four
 * outputs. Input: the preprocessed NCHW [B, 3, 300, 300] float tensor (host preprocessing x * 2 / 255 - 1 and
 * NHWC -> NCHW done once in setup, outside the measured call, as the article's TensorRT step did), or with "-u8" the
 * uint8 NHWC pixels, preprocessed inside the engine and so inside the call. Configs: precision fp32 (strict, TF32 off),
 * fp16, int8 (entropy calibration), each plain (copies + enqueueV3 each call) or "-graph" (the same work replayed from
 * one captured CUDA graph); "-nmsfp16" pins the NMS plugin to FP16 (the builder otherwise picks its precision);
 * "-pp32" pins the postprocessing (box predictor reshapes, concatenations, decode, sigmoid) to FP32;
 * "-l5" builds at that builder optimization level (the config's own; the builderLevel param applies to configs without one).
 *
 * Same work as TensorFlow: the workload (model, images, threshold, batch) comes from the same params and run folder as
 * EndToEndBenchmark's, and the same correctness gate checks the engine against the workload's tf-cpu reference before
 * anything is timed; an engine that fails it fails the trial.
 *
 * Why: the article's step 2 (TensorRT, 4.9 ms on a Colab GPU, 4x its TF baseline).
 *
 * Secondary metric: GPU time of each call from CUDA events around the copies and the engine, recorded by the engine into
 * a buffer allocated once (nothing in the measured method), reported per iteration as @AuxCounters "gpuMicrosSum" and
 * "gpuCalls" (mean GPU time per call = gpuMicrosSum / gpuCalls); GPU p50/p99 over the measurement iterations (warm-up
 * excluded) are printed at the end of each trial.
 *
 * Without a GPU or the native libraries, setup fails at once and says which profile (-Pgpu, -Predist) or library is
 * missing.
 *
 * HOW TO RUN: java -jar target/benchmarks.jar TensorRtBenchmark -p config=trt-fp16-graph -p batch=1
 */
@State(Scope.Thread)
public class TensorRtBenchmark extends InferenceBenchmark {
  @Param({"trt-fp32", "trt-fp16", "trt-int8", "trt-fp32-graph", "trt-fp16-graph", "trt-int8-graph", "trt-fp16-u8",
      "trt-fp16-u8-graph", "trt-int8-u8-graph", "trt-fp16-nmsfp16-graph", "trt-int8-nmsfp16-graph",
      "trt-fp16-u8-graph-l5", "trt-int8-u8-graph-l5", "trt-fp16-u8-pp32-graph", "trt-int8-u8-pp32-graph"})
  public String config;

  /** TensorRT builder optimization level 0 to 5; -1: TensorRT's default (3), and 2 for INT8. Part of the engine key. */
  @Param({"-1"})
  public int builderLevel;

  private TrtInferenceEngine trt;

  /**
   * The GPU times of this fork's engine, for {@link GpuTime}. A helper method of GpuTime that took the benchmark state as
   * a parameter would make JMH create (and set up) another instance of it per such parameter, each with an engine of its
   * own, so the one engine's recorder is handed over here instead: one trial runs at a time in a fork, on one thread.
   */
  private static volatile GpuTimes currentGpuTimes;

  /**
   * GPU time of the iteration's calls, read from the engine's {@link GpuTimes} after the iteration (JMH reads these
   * fields after the iteration's teardown); warm-up iterations are dropped from the trial's percentiles.
   */
  @State(Scope.Thread)
  @AuxCounters(AuxCounters.Type.EVENTS)
  public static class GpuTime {
    public double gpuMicrosSum;
    public long gpuCalls;

    @Setup(Level.Iteration)
    public void start() {
      currentGpuTimes.startIteration();
    }

    @TearDown(Level.Iteration)
    public void read(IterationParams iteration) {
      record(currentGpuTimes, iteration.getType() == IterationType.WARMUP);
    }

    /** Takes the iteration's sum and count; a warm-up iteration's times are then dropped from the percentiles. */
    void record(GpuTimes times, boolean warmup) {
      gpuMicrosSum = times.iterationSumMillis() * 1000.0;
      gpuCalls = times.iterationCalls();
      if (warmup) {
        times.discardIteration();
      }
    }
  }

  @Setup(Level.Trial)
  public void setUp() {
    requireTensorRt();
    TrtInferenceEngine.Config cfg = TrtInferenceEngine.Config.parse(config, batch, builderLevel);
    WorkloadBatch w = loadWorkload();
    trt = gatedAndPrepared(open(network(w), w, cfg), w);
    engine = trt;
    currentGpuTimes = trt.gpuTimes();
  }

  /** Fails at once, naming the profile or library that is missing, where TensorRT cannot run. */
  static void requireTensorRt() {
    String missing = TensorRtAvailability.check();
    if (!missing.isEmpty()) {
      throw new IllegalStateException("TensorRT benchmark cannot run: " + missing);
    }
  }

  /** The workload's model as the network TensorRT builds. */
  static NetworkDescription network(WorkloadBatch w) {
    return SsdGraphConverter.convert(w.model().graphDef(), w.model().source());
  }

  /** The engine of {@code cfg} for that network, from the engine cache or built into it. */
  static TrtInferenceEngine open(NetworkDescription network, WorkloadBatch w, TrtInferenceEngine.Config cfg) {
    return new TrtInferenceEngine(network, w.model().sha256(), cfg, EngineCache.defaultCache());
  }

  @Benchmark
  public float infer(GpuTime gpu) {
    return engine.infer();
  }

  @TearDown(Level.Trial)
  public void tearDown() {
    if (trt != null) {
      GpuTimes t = trt.gpuTimes();
      System.out.printf(Locale.ROOT, "%n%s batch %d: CUDA-event GPU time over %d measured calls (warm-up excluded): "
          + "p50 %.1f us, p99 %.1f us%n", config, batch, t.kept(), t.percentile(50) * 1000, t.percentile(99) * 1000);
    }
    closeEngine();
    trt = null;
  }
}
