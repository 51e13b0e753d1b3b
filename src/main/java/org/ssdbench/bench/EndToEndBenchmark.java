package org.ssdbench.bench;

import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.ssdbench.engine.DetectionMatcher;
import org.ssdbench.engine.Detections;
import org.ssdbench.engine.Tolerance;
import org.ssdbench.engine.tf.TfEngine;
import org.ssdbench.model.ImageBatch;
import org.ssdbench.model.LoadedModel;
import org.ssdbench.placement.Placement;

/**
 * End-to-end SSD MobileNet V2 in TensorFlow: uint8 image in, the four detection outputs fetched to the host, per call. The
 * article's steps 0 and 1 and the baseline:
 *
 * <ul>
 *   <li>{@code tf-cpu}: everything on the CPU (the baseline);
 *   <li>{@code tf-gpu}: the export as is, TF placing every op with a GPU kernel on the GPU (step 0);
 *   <li>{@code tf-gpu-postproc-cpu}: the NMS block pinned to the CPU (step 1; the article measured 1.3x over step 0);
 *   <li>{@code tf-gpu-nms-cpu}: only the NonMaxSuppression ops on the CPU, as TF 1.x placed them.
 * </ul>
 *
 * <p>Before timing, each GPU configuration's detections are checked against {@code tf-cpu}'s on the same images ({@link
 * Tolerance#tensorFlow()}); a mismatch fails the trial with the differences, so no number is reported for a configuration
 * that computes something else.
 *
 * <p>HOW TO RUN: {@code java -jar target/benchmarks.jar EndToEndBenchmark -p config=tf-cpu -f 1 -wi 2 -i 3 -rf json}, or
 * {@code ./run-bench.sh}, which picks the configurations this machine can run.
 */
@State(Scope.Benchmark)
public class EndToEndBenchmark extends BenchmarkDefaults {
  @Param({"tf-cpu", "tf-gpu", "tf-gpu-postproc-cpu", "tf-gpu-nms-cpu"})
  public String config;

  @Param({"1"})
  public int batch;

  /** {@code generated} or the path of a frozen_inference_graph.pb. */
  @Param({ModelRequest.GENERATED})
  public String model;

  /** The NMS score threshold of the generated graph: 0.3 (the zoo's config) or 1e-8 (every box a candidate). */
  @Param({"0.3"})
  public float scoreThreshold;

  @Param({ModelRequest.SYNTHETIC})
  public String image;

  private TfEngine engine;

  @Setup(Level.Trial)
  public void setUp() {
    ModelRequest request = new ModelRequest(model, batch, scoreThreshold, image);
    LoadedModel loaded = request.load();
    ImageBatch images = request.images();
    engine = TfEngine.open(loaded.graphDef(), Placement.byName(config));
    try {
      checkAgainstCpu(loaded, images);
      engine.prepare(images);
      engine.infer();
    } catch (RuntimeException e) {
      engine.close();
      throw e;
    }
  }

  private void checkAgainstCpu(LoadedModel loaded, ImageBatch images) {
    Detections candidate = engine.detect(images);
    if (engine.placement() == Placement.TF_CPU) {
      return;
    }
    Detections reference;
    try (TfEngine cpu = TfEngine.open(loaded.graphDef(), Placement.TF_CPU)) {
      reference = cpu.detect(images);
    }
    DetectionMatcher.requireMatch("tf-cpu", reference, config, candidate, Tolerance.tensorFlow());
  }

  @Benchmark
  public float infer() {
    return engine.infer();
  }

  @TearDown(Level.Trial)
  public void tearDown() {
    if (engine != null) {
      engine.close();
    }
  }
}
