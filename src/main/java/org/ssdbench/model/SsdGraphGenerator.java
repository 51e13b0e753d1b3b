package org.ssdbench.model;

import java.util.List;
import org.tensorflow.proto.DataType;
import org.tensorflow.proto.GraphDef;

/**
 * Generates the frozen GraphDef of SSD MobileNet V2 COCO with synthetic weights: the architecture, op types, node names
 * and shapes of the TF Object Detection export {@code ssd_mobilenet_v2_coco_2018_03_29/frozen_inference_graph.pb}, with a
 * fixed input {@code image_tensor} uint8 [batch, height, width, 3] and the four outputs of {@link SsdSignature}; or, with
 * another {@link ExportLayout}, as the exporter after 2019 spelled the same model (fused batch norm, Identity nodes in the
 * postprocessor, three extra outputs, unrolled loops or a dynamic input).
 *
 * <pre>{@code
 * GraphDef graph = SsdGraphGenerator.generate(GeneratorOptions.defaults());
 * }</pre>
 *
 * <p>Generation takes a couple of seconds (about 67 MB of weights); the result is immutable.
 */
public final class SsdGraphGenerator {
  private SsdGraphGenerator() {}

  public static GraphDef generate(GeneratorOptions options) {
    GraphBuilder b = new GraphBuilder();
    SyntheticWeights weights = new SyntheticWeights(options.seed());
    ExportLayout layout = options.layout();
    Layers layers = new Layers(b, weights, layout.fusedBatchNorm());

    var shape = layout.dynamicInput() ? ConstTensors.shape(-1, -1, -1, 3)
        : ConstTensors.shape(options.batch(), options.height(), options.width(), 3);
    Ref image = b.op("Placeholder", SsdSignature.INPUT).attr("dtype", DataType.DT_UINT8).attr("shape", shape)
        .build(DataType.DT_UINT8);
    Ref floats = b.cast("ToFloat", image, DataType.DT_FLOAT);
    int unrolled = layout.unrolledLoops() ? options.batch() : 0;
    Ref[] pre = new PreprocessorEmitter(b, unrolled).emit(floats);
    List<FeatureMap> maps = new FeatureExtractorEmitter(b, layers).emit(pre[0], PreprocessorEmitter.SIZE);
    BoxPredictorEmitter predictor = new BoxPredictorEmitter(b, layers, weights);
    BoxPredictorEmitter.Predictions predictions = predictor.emit(maps);
    Ref[] anchorLayers = new AnchorEmitter(b).emit(PreprocessorEmitter.SIZE, PreprocessorEmitter.SIZE);
    Ref anchors;
    try (GraphBuilder.Scope s = b.scope("Concatenate")) {
      anchors = b.concat("concat", 0, anchorLayers);
    }
    Ref[] heads = predictor.concatenate(predictions);
    int numAnchors = SsdSignature.NUM_ANCHORS;
    NmsEmitter nms = new NmsEmitter(b, options, numAnchors);
    Ref[] post = new PostprocessorEmitter(b, nms, layout.postprocessingIdentities())
        .emit(heads[0], heads[1], anchors, pre[1], numAnchors, PreprocessorEmitter.SIZE);
    Ref classes = b.withY("Add", "add", post[2], 1.0f);
    b.identity(SsdSignature.DETECTION_BOXES, post[0]);
    b.identity(SsdSignature.DETECTION_SCORES, post[1]);
    b.identity(SsdSignature.DETECTION_CLASSES, classes);
    b.identity(SsdSignature.NUM_DETECTIONS, post[3]);
    if (layout.extraOutputs()) {
      b.identity(ExportLayout.DETECTION_MULTICLASS_SCORES, post[4]);
      b.identity(ExportLayout.RAW_DETECTION_BOXES, post[5]);
      b.identity(ExportLayout.RAW_DETECTION_SCORES, post[6]);
    }
    return b.build();
  }
}
