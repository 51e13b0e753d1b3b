/**
 * The model stage: builds the SSD MobileNet V2 COCO frozen GraphDef with synthetic weights, or loads a real
 * {@code frozen_inference_graph.pb}, makes input images, and describes any such graph (nodes, ops, MACs, parameters,
 * outputs). Knows nothing of devices or timing.
 *
 * <p>The generator writes {@code NodeDef} protos directly through {@link org.ssdbench.model.GraphBuilder}, the way the TF1
 * Object Detection exporter's graph looks after freezing: weights are {@code Const} nodes read through {@code /read}
 * identities, loops are TF1 v1 control flow frames, per-class NMS is unrolled inside the batch loop.
 */
package org.ssdbench.model;
