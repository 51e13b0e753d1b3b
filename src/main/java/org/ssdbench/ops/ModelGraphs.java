package org.ssdbench.ops;

import java.nio.file.Path;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.ssdbench.model.GeneratorOptions;
import org.ssdbench.model.LoadedModel;
import org.ssdbench.model.ModelLoader;
import org.tensorflow.proto.GraphDef;

/** The graphs signatures are taken from: the generated model, or a frozen GraphDef file. */
public final class ModelGraphs {
  /** The seed of the generated weights; shapes do not depend on it in the worst case. */
  public static final long TRACE_SEED = 1234;

  private ModelGraphs() {}

  /** The generated SSD MobileNet V2 (seed 42, batch 1, 300x300, NonMaxSuppressionV3) with this NMS score threshold. */
  public static LoadedModel generatedModel(float scoreThreshold) {
    return ModelLoader.generate(GeneratorOptions.defaults().withScoreThreshold(scoreThreshold));
  }

  /** The graph of {@link #generatedModel}. */
  public static GraphDef generated(float scoreThreshold) {
    return generatedModel(scoreThreshold).graphDef();
  }

  public static String describeGenerated(float scoreThreshold) {
    return GeneratorOptions.defaults().withScoreThreshold(scoreThreshold).describe();
  }

  /**
   * The score threshold of a model source ({@code env.json}'s {@code modelSource}) that {@link #generatedModel}
   * rebuilds, i.e. {@link #describeGenerated} of it; empty for a file or another generated model (batch, layout).
   */
  public static Optional<Float> generatedThreshold(String modelSource) {
    Matcher m = Pattern.compile("threshold=([0-9.eE+-]+)").matcher(modelSource);
    if (!modelSource.startsWith("generated(") || !m.find()) {
      return Optional.empty();
    }
    try {
      float t = Float.parseFloat(m.group(1));
      return describeGenerated(t).equals(modelSource) ? Optional.of(t) : Optional.empty();
    } catch (NumberFormatException e) {
      return Optional.empty();
    }
  }

  /**
   * Reads a frozen GraphDef ({@code frozen_inference_graph.pb}) through {@link ModelLoader#load}.
   *
   * @throws IllegalArgumentException if the file is missing, not a GraphDef or not an SSD export, naming the path
   */
  public static GraphDef load(Path file) {
    return ModelLoader.load(file).graphDef();
  }

  /** The signature table of a model graph, with one traced CPU run of seeded random pixels. */
  public static SignatureTable signatures(GraphDef graph, String source) {
    return SignatureExtractor.extract(graph, TraceRequest.ssd(graph, TRACE_SEED), source);
  }

  /** The signature table of the generated model the default benchmark signatures come from. */
  public static SignatureTable defaultModelSignatures() {
    float t = DefaultSignatures.SCORE_THRESHOLD;
    return signatures(generated(t), describeGenerated(t));
  }
}
