package org.ssdbench.model;

import java.util.List;
import org.tensorflow.proto.DataType;

/**
 * {@code Preprocessor}: a {@code map} loop (or, for a fixed batch in exports after 2019, the same body unrolled per image)
 * resizes each image to 300x300 ({@code ResizeImage}: ExpandDims,
 * ResizeBilinear with align_corners false, Squeeze) and records its true shape; then {@code mul} by 2/255 and {@code sub}
 * 1 map pixel values to [-1, 1]. Returns the preprocessed batch and the true image shapes [batch, 3].
 */
final class PreprocessorEmitter {
  static final int SIZE = 300;
  private static final DataType F = DataType.DT_FLOAT;
  private static final DataType I = DataType.DT_INT32;

  private final GraphBuilder b;
  private final int unrolledBatch;

  /** @param unrolledBatch the static batch to unroll over, or 0 for the {@code map/while} loop */
  PreprocessorEmitter(GraphBuilder b, int unrolledBatch) {
    this.b = b;
    this.unrolledBatch = unrolledBatch;
  }

  Ref[] emit(Ref images) {
    try (GraphBuilder.Scope s = b.scope("Preprocessor")) {
      Ref[] mapped = unrolledBatch > 0
          ? MapFn.unrolled(b, List.of(images), unrolledBatch, 2, items -> resizeImage(items[0]))
          : MapFn.emit(b, List.of(images),
              List.of(new MapFn.Output(F, ConstTensors.shape(SIZE, SIZE, 3)), new MapFn.Output(I, ConstTensors.shape(3))),
              32, items -> resizeImage(items[0]));
      OpBuilder.Reserved mul = b.reserve("mul");
      Ref scaled = mul.op("Mul").in(b.scalarAt(mul.name() + "/x", 2.0f / 255.0f)).in(mapped[0]).attr("T", F).build(F);
      Ref centred = b.same("Sub", "sub", scaled, b.scalar("sub/y", 1.0f));
      return new Ref[] {centred, mapped[1]};
    }
  }

  private Ref[] resizeImage(Ref image) {
    try (GraphBuilder.Scope r = b.scope("ResizeImage")) {
      Ref shape = b.shape("Shape", image);
      Ref channels = b.element("strided_slice", shape, 2);
      Ref resized;
      try (GraphBuilder.Scope ri = b.scope("resize_images")) {
        Ref batched = b.expandDims("ExpandDims", image, 0);
        Ref size = b.vector("size", SIZE, SIZE);
        Ref bilinear = b.op("ResizeBilinear", "ResizeBilinear").in(batched).in(size).attr("T", F)
            .attr("align_corners", false).attr("half_pixel_centers", false).build(F);
        resized = b.squeeze("Squeeze", bilinear, 0);
      }
      Ref trueShape = b.pack("stack", 0, b.scalar("stack/0", SIZE), b.scalar("stack/1", SIZE), channels);
      return new Ref[] {resized, trueShape};
    }
  }
}
