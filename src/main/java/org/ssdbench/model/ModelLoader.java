package org.ssdbench.model;

import com.google.protobuf.InvalidProtocolBufferException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.tensorflow.proto.GraphDef;
import org.tensorflow.proto.NodeDef;

/**
 * Where a model comes from: a real {@code frozen_inference_graph.pb} ({@link #load}) or the generator
 * ({@link #generate}). A loaded file must be an SSD detection export: it must have {@code image_tensor}, the four
 * outputs and nodes under the batch NMS scope; anything else is refused with a message naming the file and what was
 * expected.
 */
public final class ModelLoader {
  private static final String EXPECTED =
      "expected a frozen TF Object Detection SSD export such as ssd_mobilenet_v2_coco_2018_03_29/frozen_inference_graph.pb";

  /** The model name that asks for the generated graph rather than a file. */
  public static final String GENERATED = "generated";

  private ModelLoader() {}

  /**
   * What a {@code --model} option or a benchmark's {@code model} param names: {@link #GENERATED} for the generator with
   * {@code options}, anything else the path of a frozen graph ({@link #load}; {@code options} do not apply to a file).
   */
  public static LoadedModel resolve(String model, GeneratorOptions options) {
    return GENERATED.equals(model) ? generate(options) : load(Path.of(model));
  }

  public static LoadedModel generate(GeneratorOptions options) {
    return LoadedModel.of(SsdGraphGenerator.generate(options), options.describe());
  }

  public static LoadedModel load(Path path) {
    if (!Files.exists(path)) {
      throw new IllegalArgumentException("Model file not found: %s; %s, or leave out --model to generate one"
          .formatted(path, EXPECTED));
    }
    if (!Files.isRegularFile(path) || !Files.isReadable(path)) {
      throw new IllegalArgumentException("Model file is not a readable file: %s; %s".formatted(path, EXPECTED));
    }
    byte[] bytes;
    try {
      bytes = Files.readAllBytes(path);
    } catch (IOException e) {
      throw new IllegalArgumentException("Cannot read model file %s: %s".formatted(path, e.getMessage()), e);
    }
    GraphDef graph;
    try {
      graph = GraphDef.parseFrom(bytes);
    } catch (InvalidProtocolBufferException e) {
      throw new IllegalArgumentException("Model file %s is not a GraphDef protobuf (%s); %s"
          .formatted(path, e.getMessage(), EXPECTED), e);
    }
    checkIsSsdExport(graph, path.toString());
    return new LoadedModel(graph, path.toString(), LoadedModel.sha256(bytes));
  }

  /** Fails unless {@code graph} has the input, the four outputs and the batch NMS scope. */
  static void checkIsSsdExport(GraphDef graph, String where) {
    if (graph.getNodeCount() == 0) {
      throw new IllegalArgumentException("Model file %s holds no nodes; %s".formatted(where, EXPECTED));
    }
    Set<String> names = new HashSet<>();
    boolean nms = false;
    for (NodeDef n : graph.getNodeList()) {
      names.add(n.getName());
      nms |= SsdSignature.inScope(n.getName(), SsdSignature.NMS_SCOPE);
    }
    List<String> missing = new ArrayList<>();
    if (!names.contains(SsdSignature.INPUT)) {
      missing.add(SsdSignature.INPUT);
    }
    for (String out : SsdSignature.OUTPUTS) {
      if (!names.contains(out)) {
        missing.add(out);
      }
    }
    if (!missing.isEmpty()) {
      throw new IllegalArgumentException("Model file %s is not an SSD detection export: missing node(s) %s; it needs %s and %s"
          .formatted(where, missing, SsdSignature.INPUT, SsdSignature.OUTPUTS));
    }
    if (!nms) {
      throw new IllegalArgumentException("Model file %s is not an SSD detection export: no nodes under %s; %s"
          .formatted(where, SsdSignature.NMS_SCOPE, EXPECTED));
    }
  }
}
