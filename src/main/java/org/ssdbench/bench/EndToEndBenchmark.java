package org.ssdbench.bench;

import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.ssdbench.engine.CorrectnessGate;
import org.ssdbench.engine.tf.TfEngine;
import org.ssdbench.placement.Placement;
import org.ssdbench.results.WorkloadBatch;

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
 * <p>Before timing, each configuration's detections on the workload's images are checked against the workload's
 * {@code tf-cpu} reference ({@link CorrectnessGate}); a mismatch fails the trial with the differences, so no number is
 * reported for a configuration that computes something else.
 *
 * <p>HOW TO RUN: {@code java -jar target/benchmarks.jar EndToEndBenchmark -p config=tf-cpu -f 1 -wi 2 -i 3 -rf json}, or
 * {@code ./run-bench.sh}, which picks the configurations this machine can run.
 */
@State(Scope.Thread)
public class EndToEndBenchmark extends InferenceBenchmark {
  @Param({"tf-cpu", "tf-gpu", "tf-gpu-postproc-cpu", "tf-gpu-nms-cpu"})
  public String config;

  @Setup(Level.Trial)
  public void setUp() {
    Placement placement = Placement.byName(config);
    TfEngine.requireDevices(placement);
    WorkloadBatch w = loadWorkload();
    engine = TfEngine.open(w.model().graphDef(), placement);
    try {
      System.out.println(gate(engine, w));
      engine.prepare(w.images());
      engine.infer();
    } catch (RuntimeException e) {
      closeEngine();
      throw e;
    }
  }

  @Benchmark
  public float infer() {
    return engine.infer();
  }

  @TearDown(Level.Trial)
  public void tearDown() {
    closeEngine();
  }
}
