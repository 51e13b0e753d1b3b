package org.ssdbench.bench;

import java.nio.file.Path;
import org.ssdbench.model.GeneratorOptions;
import org.ssdbench.model.ImageBatch;
import org.ssdbench.model.LoadedModel;
import org.ssdbench.model.ModelLoader;
import org.ssdbench.model.SyntheticImage;

/**
 * What a benchmark's {@code model}, {@code batch} and {@code scoreThreshold} params ask for, turned into a graph and a batch
 * of images. {@code model} is {@code generated} (the suite's synthetic-weight graph, seed 42) or the path of a frozen
 * {@code frozen_inference_graph.pb}; {@code image} is {@code synthetic} or the path of a JPEG/PNG.
 */
public record ModelRequest(String model, int batch, float scoreThreshold, String image) {
  public static final String GENERATED = ModelLoader.GENERATED;
  public static final String SYNTHETIC = "synthetic";
  public static final long SEED = 42;

  public LoadedModel load() {
    return ModelLoader.resolve(model,
        GeneratorOptions.defaults().withSeed(SEED).withBatch(batch).withScoreThreshold(scoreThreshold));
  }

  public ImageBatch images() {
    if (SYNTHETIC.equals(image)) {
      return SyntheticImage.create(SEED, batch, 300, 300);
    }
    return org.ssdbench.model.ImageFiles.read(Path.of(image), batch);
  }
}
