package org.ssdbench.bench;

import java.nio.file.Path;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.State;
import org.ssdbench.engine.CorrectnessGate;
import org.ssdbench.engine.Detections;
import org.ssdbench.engine.InferenceEngine;
import org.ssdbench.engine.trt.TrtBuildsCsv;
import org.ssdbench.model.LoadedModel;
import org.ssdbench.results.DetectionsCsv;
import org.ssdbench.results.GateCsv;
import org.ssdbench.results.WorkloadBatch;
import org.ssdbench.results.WorkloadFolder;

/**
 * What every end-to-end benchmark, TensorFlow and TensorRT, shares: the run defaults ({@link BenchmarkDefaults}), the
 * params that name the workload, and the {@link InferenceEngine} it times. With {@code workload} set to a run folder's
 * {@code workload/} (what {@code run} passes), the fork reads the model, images and {@code tf-cpu} reference from there,
 * so every configuration times the same work; the other params must describe that workload and are recorded with the
 * results. With {@code workload=none} (plain JMH use of benchmarks.jar) the fork builds the workload itself.
 */
@State(Scope.Thread)
public abstract class InferenceBenchmark extends BenchmarkDefaults {
  /** The {@code workload} value that asks the fork to build its own. */
  public static final String NO_WORKLOAD = "none";

  @Param({"1"})
  public int batch;

  /** {@code generated} or the path of a frozen_inference_graph.pb. */
  @Param({ModelRequest.GENERATED})
  public String model;

  /**
   * The NMS score threshold: the generated graph is built with it (0.3, the zoo's config, or 1e-8, every box a
   * candidate); a file applies its own, which this param must then state.
   */
  @Param({"0.3"})
  public float scoreThreshold;

  @Param({ModelRequest.SYNTHETIC})
  public String image;

  /** A run folder's {@code workload/}, or {@code none}. */
  @Param({NO_WORKLOAD})
  public String workload;

  /** The engine of this trial, opened in setup, timed by the benchmark method. */
  protected InferenceEngine engine;

  /** This trial's workload, from the folder or built here. */
  protected WorkloadBatch loadWorkload() {
    if (NO_WORKLOAD.equals(workload)) {
      ModelRequest request = new ModelRequest(model, batch, scoreThreshold, image);
      LoadedModel loaded = request.load();
      requireThreshold(ModelRequest.threshold(model, scoreThreshold, loaded), "model " + model);
      return request.workload(loaded);
    }
    Path dir = Path.of(workload);
    WorkloadFolder.Manifest manifest = WorkloadFolder.manifest(dir);
    if (!manifest.model().equals(model) || !manifest.image().equals(image)) {
      throw new IllegalArgumentException(("params model=%s image=%s describe another workload than %s (model=%s "
          + "image=%s): every configuration of a run times the run's workload").formatted(model, image, dir,
          manifest.model(), manifest.image()));
    }
    requireThreshold(manifest.scoreThreshold(), "the workload in " + dir);
    return WorkloadFolder.read(dir, manifest, batch);
  }

  /**
   * The correctness gate for this trial's engine: records what it found in the run folder's gate.csv and throws when
   * the engine disagrees, so a configuration that computes something else is never timed. A trial that reads a run's
   * workload records its detections too; one that built its own (the throughput sweep's, whose fork knows the run
   * folder from {@value TrtBuildsCsv#RUN_DIR_PROPERTY}) records the gate only: its batches hold hundreds of images.
   */
  protected CorrectnessGate.Report gate(InferenceEngine checked, WorkloadBatch w) {
    Detections detections = checked.detect(w.images());
    CorrectnessGate.Report report = CorrectnessGate.check(checked, w.reference(), detections);
    if (!NO_WORKLOAD.equals(workload)) {
      Path run = Path.of(workload).toAbsolutePath().getParent();
      GateCsv.append(run, report, batch);
      DetectionsCsv.append(run, checked.name(), batch, detections);
    } else if (!System.getProperty(TrtBuildsCsv.RUN_DIR_PROPERTY, "").isBlank()) {
      GateCsv.append(Path.of(System.getProperty(TrtBuildsCsv.RUN_DIR_PROPERTY)), report, batch);
    }
    return CorrectnessGate.require(report);
  }

  /**
   * Gates {@code opened} on the workload and prepares it for the timed calls; closes it and rethrows when either fails,
   * so a trial that cannot be timed leaves no engine open.
   */
  protected <E extends InferenceEngine> E gatedAndPrepared(E opened, WorkloadBatch w) {
    try {
      System.out.println(gate(opened, w));
      opened.prepare(w.images());
      return opened;
    } catch (RuntimeException e) {
      opened.close();
      throw e;
    }
  }

  /** The scoreThreshold param must say what the model really applies, so results never record a threshold that did not. */
  private void requireThreshold(String applied, String what) {
    String asked = ModelRequest.format(scoreThreshold);
    if (!applied.equals(ModelRequest.AS_EXPORTED) && !applied.equals(asked)) {
      throw new IllegalArgumentException("scoreThreshold=%s, but %s applies %s: pass -p scoreThreshold=%s"
          .formatted(asked, what, applied, applied));
    }
  }

  protected void closeEngine() {
    if (engine != null) {
      engine.close();
      engine = null;
    }
  }
}
