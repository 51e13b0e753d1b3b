package org.ssdbench.model;

import java.util.ArrayList;
import java.util.List;

/**
 * {@code BoxPredictor_0..5}: per feature map a 3x3 {@code BoxEncodingPredictor} and {@code ClassPredictor} (Conv2D +
 * BiasAdd) and the reshapes to {@code [batch, HWA, 1, 4]} and {@code [batch, HWA, 91]}, the batch taken from the
 * feature map's {@code Shape} as the export does.
 *
 * <h2>Score calibration</h2>
 * The synthetic head filters are zero-mean per output channel (they answer to image structure, not to the constant part
 * of the features) with standard deviation {@link #CLASS_FILTER_GAIN}{@code / sqrt(fan_in)}; the class biases are
 * {@link #CLASS_BIAS} plus a small per-channel jitter. With the {@link SyntheticImage} input this puts the sigmoid scores
 * of the 1917 x 90 anchor-class pairs mostly near 0.02, with a tail above 0.3 of tens to a few hundred pairs and a
 * handful of final detections, as a trained model shows on a typical photo; docs/model.md lists the measured counts. With
 * score threshold 1e-8 every pair is a candidate (the worst case).
 */
final class BoxPredictorEmitter {
  /** Anchors per location for each feature map. */
  static final int[] ANCHORS_PER_LOCATION = {3, 6, 6, 6, 6, 6};
  static final int CLASS_SLOTS = SsdSignature.NUM_CLASSES + 1;
  static final int BOX_CODE_SIZE = 4;
  static final double CLASS_FILTER_GAIN = 1.0;
  static final double CLASS_BIAS = -4.0;
  static final double CLASS_BIAS_JITTER = 0.3;
  static final double BOX_FILTER_GAIN = 0.5;

  /** The concatenation inputs: box encodings [B, HWA, 1, 4] and class logits [B, HWA, 91] per map. */
  record Predictions(List<Ref> boxEncodings, List<Ref> classPredictions) {}

  private final GraphBuilder b;
  private final Layers layers;
  private final SyntheticWeights weights;

  BoxPredictorEmitter(GraphBuilder b, Layers layers, SyntheticWeights weights) {
    this.b = b;
    this.layers = layers;
    this.weights = weights;
  }

  Predictions emit(List<FeatureMap> maps) {
    List<Ref> boxes = new ArrayList<>();
    List<Ref> classes = new ArrayList<>();
    for (int i = 0; i < maps.size(); i++) {
      FeatureMap map = maps.get(i);
      int anchors = ANCHORS_PER_LOCATION[i];
      try (GraphBuilder.Scope s = b.scope("BoxPredictor_" + i)) {
        int fanIn = 9 * map.channels();
        int boxOut = anchors * BOX_CODE_SIZE;
        int classOut = anchors * CLASS_SLOTS;
        String p = s.name() + "/";
        Ref box = layers.head("BoxEncodingPredictor", map.tensor(), map.channels(), boxOut,
            weights.zeroMeanFilters(p + "BoxEncodingPredictor/weights", fanIn, boxOut,
                BOX_FILTER_GAIN / Math.sqrt(fanIn)),
            weights.uniform(p + "BoxEncodingPredictor/biases", boxOut, 0.0, 0.01));
        Ref cls = layers.head("ClassPredictor", map.tensor(), map.channels(), classOut,
            weights.zeroMeanFilters(p + "ClassPredictor/weights", fanIn, classOut,
                CLASS_FILTER_GAIN / Math.sqrt(fanIn)),
            weights.uniform(p + "ClassPredictor/biases", classOut, CLASS_BIAS, CLASS_BIAS_JITTER));
        Ref shape = b.shape("Shape", map.tensor());
        Ref batch = b.element("strided_slice", shape, 0);
        int hwa = map.size() * map.size() * anchors;
        Ref boxShape = b.packWithConstants("Reshape/shape", batch, hwa, 1, BOX_CODE_SIZE);
        boxes.add(b.reshape("Reshape", box, boxShape));
        Ref classShape = b.packWithConstants("Reshape_1/shape", batch, hwa, CLASS_SLOTS);
        classes.add(b.reshape("Reshape_1", cls, classShape));
      }
    }
    return new Predictions(boxes, classes);
  }

  /** Top-level {@code concat} + {@code Squeeze} -> [B,1917,4] and {@code concat_1} -> [B,1917,91]. */
  Ref[] concatenate(Predictions p) {
    Ref boxes = b.concat("concat", 1, p.boxEncodings().toArray(Ref[]::new));
    Ref squeezed = b.squeeze("Squeeze", boxes, 2);
    Ref classes = b.concat("concat_1", 1, p.classPredictions().toArray(Ref[]::new));
    return new Ref[] {squeezed, classes};
  }

  static int totalAnchors(int[] sizes) {
    int n = 0;
    for (int i = 0; i < sizes.length; i++) {
      n += sizes[i] * sizes[i] * ANCHORS_PER_LOCATION[i];
    }
    return n;
  }
}
