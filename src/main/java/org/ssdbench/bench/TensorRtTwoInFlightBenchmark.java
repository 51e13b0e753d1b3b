package org.ssdbench.bench;

import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.ssdbench.engine.trt.NetworkDescription;
import org.ssdbench.engine.trt.TrtInferenceEngine;
import org.ssdbench.results.WorkloadBatch;

/*
 * What: throughput with two batches in flight. Two instances of the same TensorRT engine (the same cached plan, each
 * with its own execution context, stream, buffers and CUDA graph) take turns: each call starts the next batch on one
 * and waits for the batch the other started a call before (TwoInFlight), so one batch's input copy can run beside the
 * other's kernels. The time of a call is the time between two batches completing, so batch / time is images/s; it is
 * not a batch's latency, and this benchmark takes no part in the latency tables, the ladder or the peer comparison.
 *
 * Same work as TensorRtBenchmark: the same configurations, workload params and correctness gate (each instance is
 * gated before anything is timed); only the two in flight differ.
 *
 * Why: at batch 256 the uint8 input (69 MB) crosses PCIe before the engine starts, in the same stream, at least 1 ms of
 * a 9 ms call on an H200; two streams could hide it.
 *
 * HOW TO RUN: java -jar target/benchmarks.jar TensorRtTwoInFlightBenchmark -p config=trt-fp16-u8-graph -p batch=256
 */
@State(Scope.Thread)
public class TensorRtTwoInFlightBenchmark extends InferenceBenchmark {
  @Param({"trt-fp16-u8-graph", "trt-int8-u8-graph", "trt-fp16-graph", "trt-int8-graph"})
  public String config;

  /** TensorRT builder optimization level 0 to 5; -1: TensorRT's default (3), and 2 for INT8. Part of the engine key. */
  @Param({"-1"})
  public int builderLevel;

  private TrtInferenceEngine first;
  private TrtInferenceEngine second;
  private TwoInFlight pipeline;

  @Setup(Level.Trial)
  public void setUp() {
    TensorRtBenchmark.requireTensorRt();
    TrtInferenceEngine.Config cfg = TrtInferenceEngine.Config.parse(config, batch, builderLevel);
    WorkloadBatch w = loadWorkload();
    NetworkDescription network = TensorRtBenchmark.network(w);
    try {
      first = gatedAndPrepared(TensorRtBenchmark.open(network, w, cfg), w);
      second = gatedAndPrepared(TensorRtBenchmark.open(network, w, cfg), w);
      pipeline = new TwoInFlight(lane(first), lane(second));
    } catch (RuntimeException e) {
      closeBoth();
      throw e;
    }
  }

  private static TwoInFlight.Lane lane(TrtInferenceEngine trt) {
    return new TwoInFlight.Lane() {
      @Override
      public void launch() {
        trt.launch();
      }

      @Override
      public float await() {
        return trt.await();
      }
    };
  }

  @Benchmark
  public float infer() {
    return pipeline.step();
  }

  @TearDown(Level.Trial)
  public void tearDown() {
    try {
      if (pipeline != null) {
        pipeline.drain();
      }
    } finally {
      pipeline = null;
      closeBoth();
    }
  }

  private void closeBoth() {
    try {
      if (first != null) {
        first.close();
      }
    } finally {
      first = null;
      if (second != null) {
        second.close();
      }
      second = null;
    }
  }
}
