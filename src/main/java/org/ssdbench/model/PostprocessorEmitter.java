package org.ssdbench.model;

import org.tensorflow.proto.DataType;

/**
 * {@code Postprocessor}: decodes the box encodings against the tiled anchors with the Faster R-CNN box coder (scales 10,
 * 10, 5, 5) under {@code Decode}, turns logits into scores ({@code scale_logits} RealDiv by 1, {@code convert_scores}
 * Sigmoid, Slice off the background), computes the clip window from the true image shapes and hands everything to the
 * batch NMS loop. Returns boxes [B,100,4], scores [B,100], classes [B,100] (0-based) and num_detections [B] float.
 *
 * <p>With {@code identities} (exports after 2019) the box encodings pass through {@code raw_box_encodings}, the decoded
 * boxes through {@code raw_box_locations} and the sigmoid scores through {@code raw_box_scores} (Identity) and a
 * {@code StopGradient} before the background slice; the multiclass scores go through NMS as an extra field, and three
 * more tensors are returned: multiclass scores [B,100,91], raw boxes [B,N,4] and raw scores [B,N,91].
 */
final class PostprocessorEmitter {
  static final float[] BOX_CODER_SCALES = {10f, 10f, 5f, 5f};
  private static final DataType F = DataType.DT_FLOAT;
  private static final DataType I = DataType.DT_INT32;

  private final GraphBuilder b;
  private final NmsEmitter nms;
  private final boolean identities;

  PostprocessorEmitter(GraphBuilder b, NmsEmitter nms, boolean identities) {
    this.b = b;
    this.nms = nms;
    this.identities = identities;
  }

  Ref[] emit(Ref boxEncodings, Ref classPredictions, Ref anchors, Ref trueShapes, int numAnchors, int imageSize) {
    try (GraphBuilder.Scope s = b.scope("Postprocessor")) {
      if (identities) {
        boxEncodings = b.identity("raw_box_encodings", boxEncodings);
      }
      Ref batch = b.element("strided_slice", b.shape("Shape", boxEncodings), 0);
      Ref multiples = b.packWithConstants("Tile/multiples", batch, 1, 1);
      Ref tiled = b.op("Tile", "Tile").in(b.expandDims("ExpandDims", anchors, 0)).in(multiples)
          .attr("T", F).attr("Tmultiples", I).build(F);
      Ref anchorRows = b.reshape("Reshape", tiled, -1, 4);
      Ref codes = b.reshape("Reshape_1", boxEncodings, -1, 4);
      Ref decoded = decode(codes, anchorRows);
      Ref shape = b.packWithConstants("stack", batch, numAnchors, 4);
      Ref decodedRows = b.reshape("Reshape_2", decoded, shape);
      if (identities) {
        decodedRows = b.identity("raw_box_locations", decodedRows);
      }
      Ref boxes = b.expandDims("ExpandDims_1", decodedRows, 2);
      Ref logits = b.withY("RealDiv", "scale_logits", classPredictions, 1.0f);
      Ref withBackground = b.same("Sigmoid", "convert_scores", logits);
      Ref toSlice = withBackground;
      if (identities) {
        withBackground = b.identity("raw_box_scores", withBackground);
        toSlice = b.same("StopGradient", "StopGradient", withBackground);
      }
      Ref scores = b.slice("Slice", toSlice, b.vector("Slice/begin", 0, 0, 1), b.vector("Slice/size", -1, -1, -1));
      Ref window = clipWindow(trueShapes, imageSize);
      Ref[] out = nms.emit(boxes, scores, window, identities ? withBackground : null);
      Ref num = b.cast("ToFloat_3", out[3], F);
      if (!identities) {
        return new Ref[] {out[0], out[1], out[2], num};
      }
      Ref rawBoxes = b.squeeze("Squeeze", boxes, 2);
      return new Ref[] {out[0], out[1], out[2], num, out[4], rawBoxes, withBackground};
    }
  }

  private Ref decode(Ref codes, Ref anchors) {
    try (GraphBuilder.Scope d = b.scope("Decode")) {
      Ref ya;
      Ref xa;
      Ref ha;
      Ref wa;
      try (GraphBuilder.Scope c = b.scope("get_center_coordinates_and_sizes")) {
        Ref[] corners = b.unpack("unstack", transpose(anchors), 4, 0);
        wa = b.same("Sub", "sub", corners[3], corners[1]);
        ha = b.same("Sub", "sub", corners[2], corners[0]);
        ya = b.same("Add", "add", corners[0], half(ha));
        xa = b.same("Add", "add", corners[1], half(wa));
      }
      Ref[] t = b.unpack("unstack", transpose(codes), 4, 0);
      Ref[] scaled = new Ref[4];
      for (int i = 0; i < 4; i++) {
        OpBuilder.Reserved r = b.reserve("truediv");
        scaled[i] = r.op("RealDiv").in(t[i]).in(b.scalarAt(r.name() + "/y", BOX_CODER_SCALES[i])).attr("T", F).build(F);
      }
      Ref w = b.same("Mul", "mul", b.same("Exp", "Exp", scaled[3]), wa);
      Ref h = b.same("Mul", "mul", b.same("Exp", "Exp", scaled[2]), ha);
      Ref yc = b.same("Add", "add", b.same("Mul", "mul", scaled[0], ha), ya);
      Ref xc = b.same("Add", "add", b.same("Mul", "mul", scaled[1], wa), xa);
      Ref ymin = b.same("Sub", "sub", yc, half(h));
      Ref xmin = b.same("Sub", "sub", xc, half(w));
      Ref ymax = b.same("Add", "add", yc, half(h));
      Ref xmax = b.same("Add", "add", xc, half(w));
      return transpose(b.pack("stack", 0, ymin, xmin, ymax, xmax));
    }
  }

  private Ref half(Ref x) {
    OpBuilder.Reserved r = b.reserve("truediv");
    return r.op("RealDiv").in(x).in(b.scalarAt(r.name() + "/y", 2.0f)).attr("T", F).build(F);
  }

  /** {@code tf.transpose(x)} without a permutation: the reversed axes are computed from {@code Rank} by ops. */
  private Ref transpose(Ref x) {
    try (GraphBuilder.Scope t = b.scope("transpose")) {
      Ref rank = b.op("Rank", "Rank").in(x).attr("T", x.dtype()).build(I);
      Ref last = b.withY("Sub", "sub", rank, 1);
      Ref range = b.range("Range", b.scalar("Range/start", 0), rank, b.scalar("Range/delta", 1));
      Ref perm = b.same("Sub", "sub", last, range);
      return b.opNamedAs("Transpose", t).in(x).in(perm).attr("T", x.dtype()).attr("Tperm", I).build(x.dtype());
    }
  }

  /** [B, 4] windows {0, 0, true_height / 300, true_width / 300}. */
  private Ref clipWindow(Ref trueShapes, int imageSize) {
    Ref[] hwc = b.unpack("unstack", b.cast("ToFloat", trueShapes, F), 3, 1);
    Ref paddedH = toFloat(imageSize);
    Ref paddedW = toFloat(imageSize);
    Ref zh = b.same("ZerosLike", "ZerosLike", hwc[0]);
    Ref zw = b.same("ZerosLike", "ZerosLike", hwc[1]);
    Ref h = b.same("RealDiv", "truediv", hwc[0], paddedH);
    Ref w = b.same("RealDiv", "truediv", hwc[1], paddedW);
    return b.pack("stack_1", 1, zh, zw, h, w);
  }

  private Ref toFloat(int value) {
    OpBuilder.Reserved r = b.reserve("ToFloat");
    return r.op("Cast").in(b.scalarAt(r.name() + "/x", value)).attr("SrcT", I).attr("DstT", F).attr("Truncate", false)
        .build(F);
  }
}
