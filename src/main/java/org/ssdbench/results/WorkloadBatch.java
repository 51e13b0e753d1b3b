package org.ssdbench.results;

import java.util.Objects;
import org.ssdbench.engine.ReferenceOutputs;
import org.ssdbench.model.ImageBatch;
import org.ssdbench.model.LoadedModel;

/**
 * What every configuration times at one batch size: the model, the images as the model's input takes them (uint8 NHWC
 * at the network's size), the same images preprocessed as the float-input TensorRT engines take them (x * 2 / 255 - 1,
 * NCHW), and the {@code tf-cpu} reference outputs they are all checked against.
 *
 * @param imageNote where the images came from, e.g. {@code synthetic(seed=42)} or {@code photo.jpg resized from 640x480}
 */
public record WorkloadBatch(int batch, LoadedModel model, ImageBatch images, String imageNote, float[] nchw,
    ReferenceOutputs reference) {
  public WorkloadBatch {
    Objects.requireNonNull(model, "model");
    Objects.requireNonNull(images, "images");
    Objects.requireNonNull(nchw, "nchw");
    Objects.requireNonNull(reference, "reference");
    if (images.batch() != batch || reference.detections().batch() != batch) {
      throw new IllegalArgumentException("workload batch %d holds %d images and a reference of %d"
          .formatted(batch, images.batch(), reference.detections().batch()));
    }
    if (nchw.length != images.pixels().length) {
      throw new IllegalArgumentException("preprocessed input has %d values for %d pixels"
          .formatted(nchw.length, images.pixels().length));
    }
  }
}
