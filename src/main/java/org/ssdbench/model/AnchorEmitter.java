package org.ssdbench.model;

import java.util.List;
import org.tensorflow.proto.DataType;

/**
 * {@code MultipleGridAnchorGenerator}: the SSD anchors computed by ops, as the Object Detection API's multiple grid anchor
 * generator builds them: per layer the box sizes from scales and {@code Sqrt} of the aspect ratios, the centres from
 * {@code Range} x stride + offset, three meshgrids ({@code Reshape}/{@code Tile} with shapes from {@code ExpandDims},
 * {@code Slice}, {@code Fill}, {@code ConcatV2}), {@code Pack}, and centre/size to corners; then an assert on the anchor
 * count and one {@code Identity} per layer. The values equal {@link AnchorGrid#anchors()}.
 */
final class AnchorEmitter {
  private static final DataType F = DataType.DT_FLOAT;
  private static final DataType I = DataType.DT_INT32;

  private final GraphBuilder b;

  AnchorEmitter(GraphBuilder b) {
    this.b = b;
  }

  /** The per-layer anchors, [HWA_i, 4] each, for an image of {@code height x width} (300 x 300 here). */
  Ref[] emit(int height, int width) {
    int[] grids = AnchorGrid.GRID_SIZES;
    Ref[] layers = new Ref[grids.length];
    try (GraphBuilder.Scope s = b.scope("MultipleGridAnchorGenerator")) {
      Ref imH = toFloat(height);
      Ref imW = toFloat(width);
      Ref[][] strides = new Ref[grids.length][];
      for (int i = 0; i < grids.length; i++) {
        strides[i] = new Ref[] {reciprocal(toFloat(grids[i])), reciprocal(toFloat(grids[i]))};
      }
      Ref[][] offsets = new Ref[grids.length][];
      for (int i = 0; i < grids.length; i++) {
        offsets[i] = new Ref[] {scaled(0.5f, strides[i][0]), scaled(0.5f, strides[i][1])};
      }
      Ref minimum = b.same("Minimum", "Minimum", imH, imW);
      Ref scaleH = b.same("RealDiv", "truediv", minimum, imH);
      Ref scaleW = b.same("RealDiv", "truediv", minimum, imW);
      Ref baseH = b.withY("Mul", "mul", scaleH, 1.0f);
      Ref baseW = b.withY("Mul", "mul", scaleW, 1.0f);
      for (int i = 0; i < grids.length; i++) {
        layers[i] = tileAnchors(grids[i], AnchorGrid.boxSpecs(i), baseH, baseW, strides[i], offsets[i]);
      }
      Ref check = assertCount(layers);
      for (int i = 0; i < layers.length; i++) {
        layers[i] = b.op("Identity", "Identity").in(layers[i]).control(check).attr("T", F).build(F);
      }
    }
    return layers;
  }

  private Ref tileAnchors(int grid, List<AnchorGrid.BoxSpec> specs, Ref baseH, Ref baseW, Ref[] stride, Ref[] offset) {
    float[] scales = new float[specs.size()];
    float[] ratios = new float[specs.size()];
    for (int k = 0; k < specs.size(); k++) {
      scales[k] = (float) specs.get(k).scale();
      ratios[k] = (float) specs.get(k).aspectRatio();
    }
    OpBuilder.Reserved sqrt = b.reserve("Sqrt");
    Ref ratioSqrts = sqrt.op("Sqrt").in(b.constantAt(sqrt.name() + "/x", ConstTensors.floats(ratios, ratios.length)))
        .attr("T", F).build(F);
    OpBuilder.Reserved div = b.reserve("truediv");
    Ref heights = div.op("RealDiv").in(b.constantAt(div.name() + "/x", ConstTensors.floats(scales, scales.length)))
        .in(ratioSqrts).attr("T", F).build(F);
    heights = b.same("Mul", "mul", heights, baseH);
    OpBuilder.Reserved mul = b.reserve("mul");
    Ref widths = mul.op("Mul").in(b.constantAt(mul.name() + "/x", ConstTensors.floats(scales, scales.length)))
        .in(ratioSqrts).attr("T", F).build(F);
    widths = b.same("Mul", "mul", widths, baseW);
    Ref yCenters = centers(grid, stride[0], offset[0]);
    Ref xCenters = centers(grid, stride[1], offset[1]);
    Ref[] xy = meshgrid(xCenters, new int[] {grid}, yCenters, new int[] {grid});
    Ref[] wx = meshgrid(widths, new int[] {specs.size()}, xy[0], new int[] {grid, grid});
    Ref[] hy = meshgrid(heights, new int[] {specs.size()}, xy[1], new int[] {grid, grid});
    Ref boxCenters = b.reshape("Reshape", b.pack("stack", 3, hy[1], wx[1]), -1, 2);
    Ref boxSizes = b.reshape("Reshape", b.pack("stack", 3, hy[0], wx[0]), -1, 2);
    Ref half = scaled(0.5f, boxSizes);
    Ref mins = b.same("Sub", "sub", boxCenters, half);
    Ref half2 = scaled(0.5f, boxSizes);
    Ref maxs = b.same("Add", "add", boxCenters, half2);
    return b.concat("concat", 1, mins, maxs);
  }

  private Ref centers(int grid, Ref stride, Ref offset) {
    OpBuilder.Reserved range = b.reserve("range");
    Ref r = range.op("Range")
        .in(b.scalarAt(range.name() + "/start", 0)).in(b.scalarAt(range.name() + "/limit", grid))
        .in(b.scalarAt(range.name() + "/delta", 1)).attr("Tidx", I).build(I);
    Ref c = b.cast("ToFloat", r, F);
    c = b.same("Mul", "mul", c, stride);
    return b.same("Add", "add", c, offset);
  }

  /** The Object Detection API's {@code ops.meshgrid(x, y)}: both results have shape {@code shape(y) + shape(x)}. */
  private Ref[] meshgrid(Ref x, int[] xShape, Ref y, int[] yShape) {
    try (GraphBuilder.Scope m = b.scope("Meshgrid")) {
      Ref xs = b.constant("Shape", ConstTensors.ints(xShape, xShape.length));
      Ref yRank = b.scalar("Rank", yShape.length);
      Ref xExp = expandedShape(xs, null, yRank);
      Ref ys = b.constant("Shape_1", ConstTensors.ints(yShape, yShape.length));
      Ref yRank1 = b.scalar("Rank_1", yShape.length);
      Ref xRank = b.scalar("Rank_2", xShape.length);
      Ref yExp = expandedShape(ys, yRank1, xRank);
      Ref xGrid = tile("Tile", b.reshape("Reshape", x, xExp), yExp);
      Ref yGrid = tile("Tile", b.reshape("Reshape", y, yExp), xExp);
      return new Ref[] {xGrid, yGrid};
    }
  }

  private Ref tile(String name, Ref x, Ref multiples) {
    return b.op("Tile", name).in(x).in(multiples).attr("T", x.dtype()).attr("Tmultiples", I).build(x.dtype());
  }

  /** {@code orig_shape} with {@code numDims} ones inserted at {@code startDim} (0 when {@code startDim} is null). */
  private Ref expandedShape(Ref origShape, Ref startDim, Ref numDims) {
    try (GraphBuilder.Scope e = b.scope("ExpandedShape")) {
      Ref start;
      if (startDim == null) {
        OpBuilder.Reserved ed = b.reserve("ExpandDims");
        Ref input = b.scalarAt(ed.name() + "/input", 0);
        start = ed.op("ExpandDims").in(input).in(b.scalarAt(ed.name() + "/dim", 0)).attr("T", I).attr("Tdim", I)
            .build(I);
      } else {
        start = b.expandDims("ExpandDims", startDim, 0);
      }
      Ref before = b.slice("Slice", origShape, b.vector("Slice/begin", 0), start);
      Ref count = b.reshape("Reshape", numDims, 1);
      OpBuilder.Reserved ones = b.reserve("ones");
      Ref fill = ones.op("Fill").in(count).in(b.scalarAt(ones.name() + "/Const", 1)).attr("T", I)
          .attr("index_type", I).build(I);
      Ref after = b.slice("Slice_1", origShape, start, b.vector("Slice_1/size", -1));
      return b.concat("concat", 0, before, fill, after);
    }
  }

  private Ref toFloat(int value) {
    OpBuilder.Reserved r = b.reserve("ToFloat");
    Ref x = b.scalarAt(r.name() + "/x", value);
    return r.op("Cast").in(x).attr("SrcT", I).attr("DstT", F).attr("Truncate", false).build(F);
  }

  private Ref reciprocal(Ref x) {
    OpBuilder.Reserved r = b.reserve("truediv");
    return r.op("RealDiv").in(b.scalarAt(r.name() + "/x", 1.0f)).in(x).attr("T", F).build(F);
  }

  private Ref scaled(float factor, Ref x) {
    OpBuilder.Reserved r = b.reserve("mul");
    return r.op("Mul").in(b.scalarAt(r.name() + "/x", factor)).in(x).attr("T", F).build(F);
  }

  /** {@code assert_equal(expected, sum of num_boxes)} on the anchor count, as the generator's self-check. */
  private Ref assertCount(Ref[] layers) {
    int expected = 0;
    for (int i = 0; i < AnchorGrid.GRID_SIZES.length; i++) {
      int g = AnchorGrid.GRID_SIZES[i];
      expected += g * g * AnchorGrid.boxSpecs(i).size();
    }
    Ref actual = b.scalar("add/x", 0);
    for (Ref layer : layers) {
      Ref shape = b.shape("Shape", layer);
      actual = b.same("Add", "add", actual, b.element("strided_slice", shape, 0));
    }
    try (GraphBuilder.Scope a = b.scope("assert_equal")) {
      Ref x = b.scalar("x", expected);
      Ref equal = b.op("Equal", "Equal").in(x).in(actual).attr("T", I).attr("incompatible_shape_error", true)
          .build(DataType.DT_BOOL);
      Ref cond = b.op("All", "All").in(equal).in(b.constant("Const", ConstTensors.ints(new int[0], 0)))
          .attr("keep_dims", false).attr("Tidx", I).build(DataType.DT_BOOL);
      try (GraphBuilder.Scope as = b.scope("Assert")) {
        OpBuilder.Reserved op = b.reserve("Assert");
        Ref d0 = b.constantAt(op.name() + "/data_0", ConstTensors.strings("Condition x == y did not hold element-wise:"));
        Ref d1 = b.constantAt(op.name() + "/data_1", ConstTensors.strings("x (" + x.node() + ":0) = "));
        Ref d3 = b.constantAt(op.name() + "/data_3", ConstTensors.strings("y (" + actual.node() + ":0) = "));
        return op.op("Assert").in(cond).in(d0).in(d1).in(x).in(d3).in(actual)
            .attrTypes("T", List.of(DataType.DT_STRING, DataType.DT_STRING, I, DataType.DT_STRING, I))
            .attr("summarize", 3).build(DataType.DT_BOOL);
      }
    }
  }
}
