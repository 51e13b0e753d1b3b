package org.ssdbench.model;

import java.util.concurrent.ConcurrentHashMap;
import java.util.Map;
import org.tensorflow.Graph;
import org.tensorflow.Result;
import org.tensorflow.Session;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.ndarray.buffer.DataBuffers;
import org.tensorflow.types.TFloat32;
import org.tensorflow.types.TUint8;

/**
 * Generated graphs, their descriptions and CPU sessions, made once per test JVM (generation and import take seconds).
 * Sessions are closed by a shutdown hook.
 */
final class TestGraphs {
  private static final Map<GeneratorOptions, LoadedModel> MODELS = new ConcurrentHashMap<>();
  private static final Map<GeneratorOptions, ModelDescription> DESCRIPTIONS = new ConcurrentHashMap<>();
  private static final Map<GeneratorOptions, Running> SESSIONS = new ConcurrentHashMap<>();

  private TestGraphs() {}

  static final GeneratorOptions DEFAULT = GeneratorOptions.defaults();
  static final GeneratorOptions WORST_CASE_BATCH_2 =
      GeneratorOptions.defaults().withScoreThreshold(GeneratorOptions.WORST_CASE_SCORE_THRESHOLD).withBatch(2);

  static LoadedModel model(GeneratorOptions o) {
    return MODELS.computeIfAbsent(o, ModelLoader::generate);
  }

  static ModelDescription description(GeneratorOptions o) {
    return DESCRIPTIONS.computeIfAbsent(o, k -> GraphDescriber.describe(model(k)));
  }

  /** A graph imported into TF with a CPU session; owned here, closed at JVM exit. */
  record Running(Graph graph, Session session) {}

  static Running session(GeneratorOptions o) {
    return SESSIONS.computeIfAbsent(o, k -> {
      Graph g = new Graph();
      g.importGraphDef(model(k).graphDef());
      Session s = new Session(g);
      Runtime.getRuntime().addShutdownHook(new Thread(() -> {
        s.close();
        g.close();
      }));
      return new Running(g, s);
    });
  }

  /** The four outputs plus the [B,1917,90] scores for one batch, copied to the heap. */
  record Outputs(long[] boxShape, float[] boxes, float[] scores, float[] classes, float[] num, float[] allScores,
      long millis) {}

  static Outputs run(GeneratorOptions o, ImageBatch images) {
    Session s = session(o).session();
    long t0 = System.nanoTime();
    try (TUint8 in = TUint8.tensorOf(Shape.of(images.shape()), DataBuffers.of(images.pixels(), true, false));
        Result r = s.runner().feed(SsdSignature.INPUT, in)
            .fetch(SsdSignature.DETECTION_BOXES).fetch(SsdSignature.DETECTION_SCORES)
            .fetch(SsdSignature.DETECTION_CLASSES).fetch(SsdSignature.NUM_DETECTIONS)
            .fetch("Postprocessor/Slice").run()) {
      long millis = (System.nanoTime() - t0) / 1_000_000;
      return new Outputs(r.get(0).shape().asArray(), floats(r.get(0)), floats(r.get(1)), floats(r.get(2)),
          floats(r.get(3)), floats(r.get(4)), millis);
    }
  }

  private static float[] floats(org.tensorflow.Tensor t) {
    TFloat32 f = (TFloat32) t;
    float[] out = new float[(int) f.size()];
    f.asRawTensor().data().asFloats().read(out);
    return out;
  }

  static int countAbove(float[] values, float threshold) {
    int n = 0;
    for (float v : values) {
      if (v > threshold) {
        n++;
      }
    }
    return n;
  }
}
