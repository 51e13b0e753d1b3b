package org.ssdbench.engine.tf;

import java.util.Objects;
import org.ssdbench.engine.Detections;
import org.ssdbench.engine.InferenceEngine;
import org.ssdbench.model.ImageBatch;
import org.ssdbench.model.SsdSignature;
import org.ssdbench.placement.Placement;
import org.tensorflow.Result;
import org.tensorflow.Session;
import org.tensorflow.Tensor;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.ndarray.buffer.DataBuffers;
import org.tensorflow.proto.GraphDef;
import org.tensorflow.proto.RunMetadata;
import org.tensorflow.proto.RunOptions;
import org.tensorflow.types.TFloat32;
import org.tensorflow.types.TUint8;

/**
 * SSD MobileNet V2 in a TF session under one {@link Placement}. Owns the session and the prepared input tensor. Not
 * thread-safe.
 *
 * <pre>{@code
 * try (TfEngine engine = TfEngine.open(graphDef, Placement.TF_GPU_POSTPROC_CPU)) {
 *   engine.prepare(images);
 *   float sink = engine.infer();
 * }
 * }</pre>
 */
public final class TfEngine implements InferenceEngine {
  private final Placement placement;
  private final TfSession session;
  private TUint8 input;
  private boolean closed;

  private TfEngine(Placement placement, TfSession session) {
    this.placement = placement;
    this.session = session;
  }

  /**
   * Applies {@code placement} to {@code graph} and opens a session for it.
   *
   * @throws IllegalStateException if the configuration needs a GPU and TF found none (the message says what to install)
   */
  public static TfEngine open(GraphDef graph, Placement placement) {
    return open(graph, placement, placement.usesGpu() ? SessionSettings.gpu() : SessionSettings.cpu());
  }

  public static TfEngine open(GraphDef graph, Placement placement, SessionSettings settings) {
    requireDevices(placement);
    return new TfEngine(placement, TfSession.open(placement.apply(graph), settings));
  }

  /**
   * Fails at once when {@code placement} needs a GPU and TF found none, before anything costly is prepared.
   *
   * @throws IllegalStateException naming the configuration and what to install
   */
  public static void requireDevices(Placement placement) {
    Objects.requireNonNull(placement, "placement");
    if (placement.usesGpu() && !TfDevices.hasGpu()) {
      throw new IllegalStateException(
          "Configuration '%s' needs a GPU. %s".formatted(placement.configName(), TfDevices.whyNoGpu()));
    }
  }

  @Override
  public String name() {
    return placement.configName();
  }

  @Override
  public org.ssdbench.engine.GateCriteria criteria() {
    return org.ssdbench.engine.GateCriteria.tensorFlow();
  }

  public Placement placement() {
    return placement;
  }

  @Override
  public void prepare(ImageBatch images) {
    checkOpen();
    TUint8 next = toTensor(images);
    if (input != null) {
      input.close();
    }
    input = next;
  }

  @Override
  public float infer() {
    checkOpen();
    if (input == null) {
      throw new IllegalStateException("call prepare(images) before infer()");
    }
    try (Result outputs = runner(input).run()) {
      // num_detections is last; reading it forces nothing extra, the run already produced all four.
      return ((TFloat32) outputs.get(3)).getFloat(0);
    }
  }

  @Override
  public Detections detect(ImageBatch images) {
    checkOpen();
    try (TUint8 tensor = toTensor(images);
        Result outputs = runner(tensor).run()) {
      return new Detections(
          images.batch(),
          floats(outputs.get(0)),
          floats(outputs.get(1)),
          floats(outputs.get(2)),
          floats(outputs.get(3)));
    }
  }

  /**
   * Runs the prepared batch once with {@code options} (e.g. FULL_TRACE, partition graphs) and returns what TF collected. For
   * analysis outside timed regions.
   */
  public RunMetadata runWithMetadata(RunOptions options) {
    checkOpen();
    if (input == null) {
      throw new IllegalStateException("call prepare(images) before runWithMetadata()");
    }
    try (Result outputs = runner(input).setOptions(options).runAndFetchMetadata()) {
      return outputs
          .getMetadata()
          .orElseThrow(() -> new IllegalStateException("TF returned no run metadata for " + name()));
    }
  }

  private Session.Runner runner(TUint8 images) {
    Session.Runner runner = session.session().runner().feed(SsdSignature.INPUT, images);
    for (String output : SsdSignature.OUTPUTS) {
      runner.fetch(output);
    }
    return runner;
  }

  private static TUint8 toTensor(ImageBatch images) {
    return TUint8.tensorOf(Shape.of(images.shape()), DataBuffers.of(images.pixels(), true, false));
  }

  private static float[] floats(Tensor tensor) {
    TFloat32 values = (TFloat32) tensor;
    float[] out = new float[(int) values.size()];
    values.copyTo(DataBuffers.of(out, false, false));
    return out;
  }

  private void checkOpen() {
    if (closed) {
      throw new IllegalStateException("engine '%s' is closed".formatted(name()));
    }
  }

  @Override
  public void close() {
    if (closed) {
      return;
    }
    closed = true;
    try {
      if (input != null) {
        input.close();
      }
    } finally {
      session.close();
    }
  }
}
