package org.ssdbench.engine.trt;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.ssdbench.model.GeneratorOptions;
import org.ssdbench.model.SsdGraphGenerator;
import org.tensorflow.proto.GraphDef;

/** A frozen graph to convert: {@code generated} (the suite's generator, for a batch) or a path to a .pb file. */
public record ModelSource(String label, GraphDef graph, String sha256) {
  /**
   * @param model "generated" or a file path
   * @param batch images per run (the generated graph fixes it in image_tensor)
   * @param threshold score threshold for the generated graph's NMS, or null for its default 0.3
   */
  public static ModelSource load(String model, int batch, Float threshold) {
    if (model.equals("generated")) {
      GeneratorOptions options = GeneratorOptions.defaults().withBatch(batch);
      if (threshold != null) {
        options = options.withScoreThreshold(threshold);
      }
      GraphDef graph = SsdGraphGenerator.generate(options);
      return new ModelSource(options.describe(), graph, EngineKey.sha256(graph.toByteArray()));
    }
    Path path = Path.of(model);
    if (!Files.isRegularFile(path)) {
      throw new IllegalArgumentException(
          "Model file not found: %s; use 'generated' or the path of a frozen_inference_graph.pb".formatted(path));
    }
    try {
      byte[] bytes = Files.readAllBytes(path);
      return new ModelSource(path.toString(), GraphDef.parseFrom(bytes), EngineKey.sha256(bytes));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read the frozen graph " + path, e);
    }
  }
}
