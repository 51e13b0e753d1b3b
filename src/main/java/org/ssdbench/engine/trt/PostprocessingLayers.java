package org.ssdbench.engine.trt;

import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.Set;
import org.ssdbench.engine.trt.NetworkDescription.Conv;
import org.ssdbench.engine.trt.NetworkDescription.Layer;
import org.ssdbench.engine.trt.NetworkDescription.Shuffle;

/**
 * The postprocessing part of a {@link NetworkDescription}, found by data flow rather than by names: every reshape
 * that takes a convolution's output (each box predictor's reshape to anchors), and every layer that depends on one of
 * those (concatenations, box decode, sigmoid, slices). Convolutions never do, and the feature extractor's layers feed
 * the predictors rather than depend on them, so the set ends where the NMS plugin begins.
 */
public final class PostprocessingLayers {
  private PostprocessingLayers() {}

  /** The names of the postprocessing layers, in the description's order. */
  public static Set<String> of(NetworkDescription description) {
    Set<String> convOutputs = new HashSet<>();
    Set<String> post = new LinkedHashSet<>();
    for (Layer layer : description.layers()) { // layers come in topological order
      if (layer instanceof Conv) {
        convOutputs.add(layer.name());
      } else if (layer instanceof Shuffle s && convOutputs.contains(s.input())) {
        post.add(layer.name());
      } else if (layer.inputs().stream().anyMatch(post::contains)) {
        post.add(layer.name());
      }
    }
    return post;
  }
}
