package org.ssdbench.engine.trt;

import java.util.List;
import org.ssdbench.engine.Detections;
import org.ssdbench.engine.ReferenceOutputs;
import org.ssdbench.model.ImageBatch;
import org.ssdbench.model.SsdGraphRoles;
import org.ssdbench.model.SsdSignature;
import org.tensorflow.Graph;
import org.tensorflow.Result;
import org.tensorflow.Session;
import org.tensorflow.Tensor;
import org.tensorflow.ndarray.buffer.DataBuffers;
import org.tensorflow.proto.ConfigProto;
import org.tensorflow.proto.GraphDef;
import org.tensorflow.types.TFloat32;
import org.tensorflow.types.TUint8;

/**
 * The original graph in a TensorFlow session pinned to the CPU: the reference the TensorRT engine is checked against.
 * Besides the four exported outputs it fetches the tensors before NMS, found by role through {@link SsdGraphRoles}
 * (looking through Identity and StopGradient nodes): the raw box encodings, the class scores without background and the
 * decoded boxes.
 *
 * <p>Owns a TF graph and session; {@link #close()} frees both and is idempotent. Not thread-safe.
 */
public final class TfCpuReference implements AutoCloseable {
  /** What the reference computed for one batch; arrays are flat, row-major. */
  public record Outputs(float[] rawBoxEncodings, float[] classScores, float[] decodedBoxes, Detections detections) {
    /** The outputs every configuration is checked against. */
    public ReferenceOutputs toReference() {
      if (detections == null) {
        throw new NotSsdGraphException("the graph lacks the four detection outputs " + SsdSignature.OUTPUTS);
      }
      return new ReferenceOutputs(rawBoxEncodings, classScores, detections);
    }
  }

  /**
   * The {@code tf-cpu} reference of {@code images}: the pre-NMS tensors and the detections, or the detections alone
   * where the graph's pre-NMS roles are not found (such a graph cannot be converted for TensorRT anyway, and the
   * TensorFlow configurations are checked on their detections).
   */
  public static ReferenceOutputs compute(GraphDef graphDef, ImageBatch images) {
    SsdGraphRoles roles = new SsdGraphRoles(graphDef);
    boolean preNms = roles.rawBoxEncodings().isPresent() && roles.classScores().isPresent()
        && roles.decodedBoxesCandidates().size() == 1;
    try (TfCpuReference reference = new TfCpuReference(graphDef, roles, preNms)) {
      return reference.run(images).toReference();
    }
  }

  private final Graph graph;
  private final Session session;
  private final String rawBoxEncodings;
  private final String classScores;
  private final String decodedBoxes;
  private final boolean hasDetections;
  private boolean closed;

  /**
   * @throws NotSsdGraphException when the pre-NMS tensors' roles are not found in the graph
   */
  public TfCpuReference(GraphDef graphDef) {
    this(graphDef, new SsdGraphRoles(graphDef), true);
  }

  private TfCpuReference(GraphDef graphDef, SsdGraphRoles roles, boolean preNms) {
    if (preNms) {
      rawBoxEncodings = roles.rawBoxEncodings().orElseThrow(() -> new NotSsdGraphException(
          "no raw box encodings: neither a top-level 'Squeeze' nor 'concat' (the box predictors' joined encodings)"));
      classScores = roles.classScores().orElseThrow(() -> new NotSsdGraphException(
          "no Slice after a Sigmoid under scope '%s', directly or through Identity/StopGradient (the class scores without background)"
              .formatted(SsdSignature.POSTPROCESSOR_SCOPE)));
      decodedBoxes = decodedBoxes(roles);
    } else {
      rawBoxEncodings = null;
      classScores = null;
      decodedBoxes = null;
    }
    hasDetections = SsdSignature.OUTPUTS.stream().allMatch(n -> roles.node(n).isPresent());
    Graph g = new Graph();
    try {
      g.importGraphDef(graphDef);
      ConfigProto cpuOnly = ConfigProto.newBuilder().putDeviceCount("GPU", 0).build();
      session = new Session(g, cpuOnly);
    } catch (RuntimeException e) {
      g.close();
      throw e;
    }
    graph = g;
  }

  /** Whether the graph has the exporter's four outputs (test graphs may stop before NMS). */
  public boolean hasDetections() {
    return hasDetections;
  }

  public Outputs run(ImageBatch images) {
    if (closed) {
      throw new IllegalStateException("run() cannot be called on the TfCpuReference after close()");
    }
    try (TUint8 input = TUint8.tensorOf(org.tensorflow.ndarray.Shape.of(images.shape()),
        DataBuffers.of(images.pixels(), true, false))) {
      Session.Runner runner = session.runner().feed(SsdSignature.INPUT, input);
      boolean preNms = rawBoxEncodings != null;
      if (preNms) {
        runner.fetch(rawBoxEncodings).fetch(classScores).fetch(decodedBoxes);
      }
      if (hasDetections) {
        SsdSignature.OUTPUTS.forEach(runner::fetch);
      }
      int first = preNms ? 3 : 0;
      try (Result r = runner.run()) {
        Detections detections = null;
        if (hasDetections) {
          detections = new Detections(images.batch(), floats(r.get(first)), floats(r.get(first + 1)),
              floats(r.get(first + 2)), floats(r.get(first + 3)));
        }
        return preNms ? new Outputs(floats(r.get(0)), floats(r.get(1)), floats(r.get(2)), detections)
            : new Outputs(null, null, null, detections);
      }
    }
  }

  private static float[] floats(Tensor t) {
    float[] out = new float[(int) t.shape().size()];
    ((TFloat32) t).copyTo(DataBuffers.of(out, false, false));
    return out;
  }

  private static String decodedBoxes(SsdGraphRoles roles) {
    List<String> outs = roles.decodedBoxesCandidates();
    if (outs.size() != 1) {
      throw new NotSsdGraphException("scope 'Postprocessor/Decode' should have one output (the decoded boxes) but has %d: %s"
          .formatted(outs.size(), outs));
    }
    return outs.get(0);
  }

  @Override
  public void close() {
    if (!closed) {
      closed = true;
      session.close();
      graph.close();
    }
  }
}
