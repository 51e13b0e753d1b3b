package org.ssdbench.bench;

import java.nio.file.Path;
import java.util.Locale;
import org.ssdbench.engine.ReferenceOutputs;
import org.ssdbench.engine.trt.HostPreprocessing;
import org.ssdbench.engine.trt.TfCpuReference;
import org.ssdbench.model.GeneratorOptions;
import org.ssdbench.model.ImageBatch;
import org.ssdbench.model.ImageFiles;
import org.ssdbench.model.ImageResize;
import org.ssdbench.model.LoadedModel;
import org.ssdbench.model.ModelLoader;
import org.ssdbench.model.SsdSignature;
import org.ssdbench.model.SyntheticImage;
import org.ssdbench.results.WorkloadBatch;
import org.tensorflow.proto.AttrValue;
import org.tensorflow.proto.GraphDef;
import org.tensorflow.proto.NodeDef;

/**
 * What a run's (or a benchmark's) {@code model}, {@code batch}, {@code scoreThreshold} and {@code image} ask for, turned
 * into a {@link WorkloadBatch}: the graph, the images at the network's input size, their preprocessed float form and the
 * {@code tf-cpu} reference. {@code model} is {@code generated} (the suite's synthetic-weight graph, seed 42, built with
 * {@code scoreThreshold}) or the path of a frozen {@code frozen_inference_graph.pb} (which applies its own threshold:
 * {@link #threshold} says which); {@code image} is {@code synthetic} or the path of a JPEG/PNG.
 */
public record ModelRequest(String model, int batch, float scoreThreshold, String image) {
  public static final String GENERATED = ModelLoader.GENERATED;
  public static final String SYNTHETIC = "synthetic";
  public static final long SEED = GeneratorOptions.DEFAULT_SEED;
  /** The input size of SSD MobileNet V2 300x300, for graphs whose input shape leaves it open. */
  public static final int DEFAULT_SIZE = 300;
  /** What {@link #threshold} says of a file whose NMS threshold cannot be read from its graph. */
  public static final String AS_EXPORTED = "as exported";

  public LoadedModel load() {
    return ModelLoader.resolve(model,
        GeneratorOptions.defaults().withSeed(SEED).withBatch(batch).withScoreThreshold(scoreThreshold));
  }

  /**
   * The threshold the model really applies, as a run records it: the requested one for a generated graph, the graph's
   * own for a file (read from its NMS node; {@code as exported} where it cannot be read).
   */
  public static String threshold(String model, float requested, LoadedModel loaded) {
    if (GENERATED.equals(model)) {
      return format(requested);
    }
    return loaded.scoreThreshold().map(t -> format(t.value())).orElse(AS_EXPORTED);
  }

  static String format(float threshold) {
    return String.format(Locale.ROOT, "%s", threshold);
  }

  /** Builds the whole workload of this request (loads or generates the model, runs the reference). */
  public WorkloadBatch workload() {
    return workload(load());
  }

  /** The workload of this request on an already loaded model. */
  public WorkloadBatch workload(LoadedModel loaded) {
    int[] size = inputSize(loaded.graphDef());
    ImageBatch raw = SYNTHETIC.equals(image) ? SyntheticImage.create(SEED, batch, size[0], size[1])
        : ImageFiles.read(Path.of(image), batch);
    ImageBatch images = ImageResize.to(raw, size[0], size[1]);
    String note = SYNTHETIC.equals(image) ? "synthetic(seed=%d)".formatted(SEED)
        : raw == images ? image : "%s resized from %dx%d to %dx%d".formatted(image, raw.width(), raw.height(), size[1], size[0]);
    float[] nchw = HostPreprocessing.toNchw(images, size[0], size[1]);
    ReferenceOutputs reference = TfCpuReference.compute(loaded.graphDef(), images);
    return new WorkloadBatch(batch, loaded, images, note, nchw, reference);
  }

  /** Height and width of the graph's {@code image_tensor} where fixed, else 300x300. */
  static int[] inputSize(GraphDef graph) {
    for (NodeDef n : graph.getNodeList()) {
      if (n.getName().equals(SsdSignature.INPUT) && n.containsAttr("shape")) {
        AttrValue shape = n.getAttrOrThrow("shape");
        var dims = shape.getShape().getDimList();
        if (dims.size() == 4 && dims.get(1).getSize() > 0 && dims.get(2).getSize() > 0) {
          return new int[] {(int) dims.get(1).getSize(), (int) dims.get(2).getSize()};
        }
      }
    }
    return new int[] {DEFAULT_SIZE, DEFAULT_SIZE};
  }
}
