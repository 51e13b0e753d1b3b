package org.ssdbench.model;

import java.util.List;
import org.tensorflow.proto.DataType;

/**
 * {@code BatchMultiClassNonMaxSuppression}: a {@code map} loop over the batch; inside it the per-class NMS unrolled for
 * the 90 classes (each {@code FilterGreaterThan}, {@code ClipToWindow}, {@code non_max_suppression} and {@code Gather}
 * block), then {@code Concatenate}, {@code SortByField} (TopKV2 and gathers), the clip to 100
 * and {@code PadOrClipBoxList} (a {@code tf.cond} per field, then a {@code Select} that zeroes rows past the count).
 *
 * <p>NMS is {@code NonMaxSuppressionV3} (boxes, scores, max_output_size, iou_threshold, score_threshold) or, for the 2018
 * export's op set, {@code NonMaxSuppressionV2} without the score threshold input; for later exports
 * {@code NonMaxSuppressionV4} (padded, then sliced to its {@code valid_outputs}) or {@code NonMaxSuppressionV5} (plus
 * {@code soft_nms_sigma}; its selected scores replace the gathered ones). All see only the boxes {@code FilterGreaterThan}
 * kept. With a multiclass-scores field (exports after 2019) the [N, 91] scores rows travel with the boxes through every
 * gather, the sort and the padding. For a fixed batch the newer exporter unrolls the batch loop ({@link MapFn#unrolled}).
 * No node carries a device: placement is the placement stage's job.
 */
final class NmsEmitter {
  static final float IOU_THRESHOLD = 0.6f;
  static final int MAX_PER_CLASS = 100;
  static final int MAX_TOTAL = SsdSignature.MAX_DETECTIONS;
  private static final DataType F = DataType.DT_FLOAT;
  private static final DataType I = DataType.DT_INT32;
  private static final DataType B = DataType.DT_BOOL;

  private final GraphBuilder b;
  private final float scoreThreshold;
  private final NmsVersion version;
  private final float softNmsSigma;
  private final int batch;
  private final ExportLayout layout;
  private final int numAnchors;

  NmsEmitter(GraphBuilder b, GeneratorOptions options, int numAnchors) {
    this.b = b;
    this.scoreThreshold = options.scoreThreshold();
    this.version = options.nms();
    this.softNmsSigma = options.softNmsSigma();
    this.batch = options.batch();
    this.layout = options.layout();
    this.numAnchors = numAnchors;
  }

  /**
   * boxes [B,N,1,4], scores [B,N,90], window [B,4] and, if not null, multiclass scores [B,N,91] -> boxes [B,100,4],
   * scores, classes [B,100], count [B] int32 and, with multiclass scores, their rows [B,100,91].
   */
  Ref[] emit(Ref boxes, Ref scores, Ref window, Ref multiclass) {
    try (GraphBuilder.Scope s = b.scope("BatchMultiClassNonMaxSuppression")) {
      Ref ones;
      if (layout.dynamicInput()) {
        Ref n = b.element("strided_slice", b.shape("Shape", boxes), 0);
        OpBuilder.Reserved fill = b.reserve("ones");
        ones = fill.op("Fill").in(b.expandDims("ExpandDims", n, 0)).in(b.scalarAt(fill.name() + "/Const", 1))
            .attr("T", I).attr("index_type", I).build(I);
      } else {
        int[] values = new int[batch];
        java.util.Arrays.fill(values, 1);
        ones = b.constant("ones", ConstTensors.ints(values, batch));
      }
      Ref numValid = b.withY("Mul", "mul", ones, numAnchors);
      List<Ref> elems = new java.util.ArrayList<>(List.of(boxes, scores, window, numValid));
      List<MapFn.Output> outputs = new java.util.ArrayList<>(List.of(
          new MapFn.Output(F, ConstTensors.shape(MAX_TOTAL, 4)), new MapFn.Output(F, ConstTensors.shape(MAX_TOTAL)),
          new MapFn.Output(F, ConstTensors.shape(MAX_TOTAL)), new MapFn.Output(I, ConstTensors.shape())));
      if (multiclass != null) {
        elems.add(multiclass);
        outputs.add(new MapFn.Output(F, ConstTensors.shape(MAX_TOTAL, SsdSignature.NUM_CLASSES + 1)));
      }
      java.util.function.Function<Ref[], Ref[]> body =
          items -> singleImage(items[0], items[1], items[2], items[3], items.length > 4 ? items[4] : null);
      if (layout.unrolledLoops()) {
        return MapFn.unrolled(b, elems, batch, outputs.size(), body);
      }
      return MapFn.emit(b, elems, outputs, 32, body);
    }
  }

  private Ref[] singleImage(Ref boxes, Ref scores, Ref window, Ref numValid, Ref multiclass) {
    Ref boxSize = b.packWithConstants("stack", numValid, -1, -1);
    Ref perBoxes = b.reshape("Reshape", b.slice("Slice", boxes, b.vector("Slice/begin", 0, 0, 0), boxSize), -1, 1, 4);
    Ref scoreSize = b.packWithConstants("stack", numValid, -1);
    Ref perScores = b.reshape("Reshape_1", b.slice("Slice_1", scores, b.vector("Slice_1/begin", 0, 0), scoreSize),
        -1, SsdSignature.NUM_CLASSES);
    Ref perMulticlass = null;
    if (multiclass != null) {
      Ref multiSize = b.packWithConstants("stack", numValid, -1);
      perMulticlass = b.reshape("Reshape_2",
          b.slice("Slice_2", multiclass, b.vector("Slice_2/begin", 0, 0), multiSize), -1, SsdSignature.NUM_CLASSES + 1);
    }
    int fieldCount = multiclass == null ? 3 : 4;
    Ref[] sorted;
    Ref count;
    try (GraphBuilder.Scope m = b.scope("MultiClassNonMaxSuppression")) {
      Ref numBoxes = b.element("strided_slice", b.shape("Shape", perBoxes), 0);
      Ref numScores = b.element("strided_slice", b.shape("Shape", perScores), 0);
      Ref lengthAssert = assertEqual(numBoxes, numScores, "Incorrect scores field length: actual vs expected.");
      Ref classBoxes = b.unpack("unstack", perBoxes, 1, 1)[0];
      int k = SsdSignature.NUM_CLASSES;
      Ref[][] perClass = new Ref[fieldCount][k];
      for (int c = 0; c < k; c++) {
        Ref classScores = classColumn(perScores, numScores, c, lengthAssert);
        Ref[] fields = perMulticlass == null ? new Ref[] {classBoxes, classScores}
            : new Ref[] {classBoxes, classScores, perMulticlass};
        Ref[] kept = filterGreaterThan(fields);
        kept = clipToWindow(kept, window);
        Ref n = b.element("strided_slice", b.shape("Shape", kept[0]), 0);
        OpBuilder.Reserved min = b.reserve("Minimum");
        Ref maxSize = min.op("Minimum").in(b.scalarAt(min.name() + "/x", MAX_PER_CLASS)).in(n).attr("T", I).build(I);
        Ref[] selected = nonMaxSuppression(kept[0], kept[1], maxSize);
        Ref[] result = gather("Gather", selected[0], kept);
        if (selected[1] != null) {
          result[1] = selected[1];
        }
        perClass[0][c] = result[0];
        perClass[1][c] = result[1];
        perClass[2][c] = b.withY("Add", "add", b.same("ZerosLike", "ZerosLike", result[1]), (float) c);
        if (fieldCount > 3) {
          perClass[3][c] = result[2];
        }
      }
      Ref[] all = new Ref[fieldCount];
      try (GraphBuilder.Scope cat = b.scope("Concatenate")) {
        for (int f = 0; f < fieldCount; f++) {
          all[f] = b.concat("concat", 0, perClass[f]);
        }
      }
      sorted = sortByField(all);
      Ref total = b.element("strided_slice", b.shape("Shape", sorted[0]), 0);
      OpBuilder.Reserved min = b.reserve("Minimum");
      Ref keep = min.op("Minimum").in(b.scalarAt(min.name() + "/x", MAX_TOTAL)).in(total).attr("T", I).build(I);
      Ref range = b.range("range", b.scalar("range/start", 0), keep, b.scalar("range/delta", 1));
      sorted = gather("Gather", range, sorted);
    }
    count = b.element("strided_slice", b.shape("Shape", sorted[0]), 0);
    Ref[] padded = new Ref[fieldCount];
    try (GraphBuilder.Scope p = b.scope("PadOrClipBoxList")) {
      for (int i = 0; i < fieldCount; i++) {
        padded[i] = padOrClip(sorted[i], i == 0 || i == 3 ? 2 : 1);
      }
      Ref rows = b.range("range", b.scalar("range/start", 0), b.scalar("range/limit", MAX_TOTAL),
          b.scalar("range/delta", 1));
      Ref valid = b.op("Less", "Less").in(rows).in(count).attr("T", I).build(B);
      for (int i = 0; i < fieldCount; i++) {
        OpBuilder.Reserved sel = b.reserve("Select");
        Ref zeros = b.op("ZerosLike", "zeros_like").in(padded[i]).attr("T", F).build(F);
        padded[i] = sel.op("Select").in(valid).in(padded[i]).in(zeros).attr("T", F).build(F);
      }
    }
    return fieldCount == 3 ? new Ref[] {padded[0], padded[1], padded[2], count}
        : new Ref[] {padded[0], padded[1], padded[2], count, padded[3]};
  }

  private Ref classColumn(Ref scores, Ref numScores, int c, Ref lengthAssert) {
    OpBuilder.Reserved stack = b.reserve("stack");
    Ref size = stack.op("Pack").in(numScores).in(b.scalarAt(stack.name() + "/1", 1)).control(lengthAssert)
        .attr("T", I).attr("N", 2).attr("axis", 0).build(I);
    OpBuilder.Reserved slice = b.reserve("Slice");
    Ref column = slice.op("Slice").in(scores).in(b.vectorAt(slice.name() + "/begin", 0, c)).in(size)
        .control(lengthAssert).attr("T", F).attr("Index", I).build(F);
    return b.reshape("Reshape", column, -1);
  }

  /** fields: boxes, scores and any extra fields; keeps the rows whose score is above the threshold. */
  private Ref[] filterGreaterThan(Ref[] fields) {
    try (GraphBuilder.Scope f = b.scope("FilterGreaterThan")) {
      Ref above = b.greater("Greater", fields[1], scoreThreshold);
      Ref indices = whereIndices(above);
      return gather("Gather", indices, fields);
    }
  }

  private Ref[] clipToWindow(Ref[] fields, Ref window) {
    try (GraphBuilder.Scope c = b.scope("ClipToWindow")) {
      Ref[] corners = b.split("split", fields[0], 4, 1);
      Ref[] win = b.unpack("unstack", window, 4, 0);
      Ref ymin = clip(corners[0], win[2], win[0]);
      Ref ymax = clip(corners[2], win[2], win[0]);
      Ref xmin = clip(corners[1], win[3], win[1]);
      Ref xmax = clip(corners[3], win[3], win[1]);
      Ref clipped = b.concat("concat", 1, ymin, xmin, ymax, xmax);
      Ref areas;
      try (GraphBuilder.Scope a = b.scope("Area")) {
        Ref[] parts = b.split("split", clipped, 4, 1);
        Ref heights = b.same("Sub", "sub", parts[2], parts[0]);
        Ref widths = b.same("Sub", "sub", parts[3], parts[1]);
        areas = b.squeeze("Squeeze", b.same("Mul", "mul", heights, widths), 1);
      }
      Ref nonZero = b.greater("Greater", areas, 0.0f);
      Ref[] kept = fields.clone();
      kept[0] = clipped;
      return gather("Gather", whereIndices(nonZero), kept);
    }
  }

  private Ref clip(Ref v, Ref hi, Ref lo) {
    return b.same("Maximum", "Maximum", b.same("Minimum", "Minimum", v, hi), lo);
  }

  /** {@code tf.cast(tf.reshape(tf.where(mask), [-1]), tf.int32)}. */
  private Ref whereIndices(Ref mask) {
    Ref where = b.op("Where", "Where").in(mask).attr("T", B).build(DataType.DT_INT64);
    return b.cast("Cast", b.reshape("Reshape", where, -1), I);
  }

  /** The selected indices and, for V5, the selected (soft-NMS) scores; else null in slot 1. */
  private Ref[] nonMaxSuppression(Ref boxes, Ref scores, Ref maxSize) {
    String scope = version == NmsVersion.V5 ? "non_max_suppression_with_scores" : "non_max_suppression";
    try (GraphBuilder.Scope n = b.scope(scope)) {
      Ref iou = b.scalar("iou_threshold", IOU_THRESHOLD);
      if (version == NmsVersion.V2) {
        return new Ref[] {b.op("NonMaxSuppressionV2", "NonMaxSuppressionV2").in(boxes).in(scores).in(maxSize).in(iou)
            .attr("T", F).attr("T_threshold", F).build(I), null};
      }
      Ref threshold = b.scalar("score_threshold", scoreThreshold);
      switch (version) {
        case V3:
          return new Ref[] {b.op("NonMaxSuppressionV3", "NonMaxSuppressionV3").in(boxes).in(scores).in(maxSize).in(iou)
              .in(threshold).attr("T", F).attr("T_threshold", F).build(I), null};
        case V4: {
          Ref[] padded = b.op("NonMaxSuppressionV4", "NonMaxSuppressionV4").in(boxes).in(scores).in(maxSize).in(iou)
              .in(threshold).attr("T", F).attr("T_threshold", F).attr("pad_to_max_output_size", true).buildTyped(I, I);
          Ref size = b.expandDims("ExpandDims", padded[1], 0);
          return new Ref[] {b.slice("Slice", padded[0], b.vector("Slice/begin", 0), size), null};
        }
        default: {
          Ref sigma = b.scalar("soft_nms_sigma", softNmsSigma);
          Ref[] out = b.op("NonMaxSuppressionV5", "NonMaxSuppressionV5").in(boxes).in(scores).in(maxSize).in(iou)
              .in(threshold).in(sigma).attr("T", F).attr("pad_to_max_output_size", false).buildTyped(I, F, I);
          return new Ref[] {out[0], out[1]};
        }
      }
    }
  }

  /** {@code box_list_ops.gather}: one {@code GatherV2} per field under scope {@code name}. */
  private Ref[] gather(String name, Ref indices, Ref... fields) {
    try (GraphBuilder.Scope g = b.scope(name)) {
      Ref[] out = new Ref[fields.length];
      for (int i = 0; i < fields.length; i++) {
        out[i] = b.gather("Gather", fields[i], indices);
      }
      return out;
    }
  }

  private Ref[] sortByField(Ref[] fields) {
    try (GraphBuilder.Scope s = b.scope("SortByField")) {
      Ref numBoxes = b.element("strided_slice", b.shape("Shape", fields[0]), 0);
      Ref numEntries = b.op("Size", "Size").in(fields[1]).attr("T", F).attr("out_type", I).build(I);
      Ref check = assertEqual(numBoxes, numEntries, "Incorrect field size: actual vs expected.");
      Ref[] topK = b.op("TopKV2", "TopKV2").in(fields[1]).in(numBoxes).control(check)
          .attr("T", F).attr("sorted", true).attr("index_type", I).buildTyped(F, I);
      return gather("Gather", topK[1], fields);
    }
  }

  /** {@code tf.Assert(tf.equal(a, b), [message, b, a])}: returns the Assert node for control dependencies. */
  private Ref assertEqual(Ref actual, Ref expected, String message) {
    Ref equal = b.op("Equal", "Equal").in(actual).in(expected).attr("T", I).attr("incompatible_shape_error", true)
        .build(B);
    try (GraphBuilder.Scope a = b.scope("Assert")) {
      Ref data = b.constant("data_0", ConstTensors.strings(message));
      return b.op("Assert", "Assert").in(equal).in(data).in(expected).in(actual)
          .attrTypes("T", List.of(DataType.DT_STRING, I, I)).attr("summarize", 3).build(B);
    }
  }

  /** The 2018 {@code pad_or_clip_tensor}: {@code tf.cond(len > 100, clip by gather, pad with zeros)}. */
  private Ref padOrClip(Ref t, int rank) {
    Ref length = b.element("strided_slice", b.shape("Shape", t), 0);
    Ref longer = b.greater("Greater", length, MAX_TOTAL);
    Cond cond = Cond.open(b, "cond", longer);
    cond.trueBranch();
    Ref rows = b.range("range", b.scalar("range/start", 0), b.scalar("range/limit", MAX_TOTAL), b.scalar("range/delta", 1));
    Ref clipped = b.gather("Gather", cond.capture("Gather", t), rows);
    cond.endBranch();
    cond.falseBranch();
    Ref tf = cond.capture("Shape", t);
    Ref rankConst = b.scalar("Rank", rank);
    Ref tShape = b.shape("Shape", tf);
    Ref d0 = b.element("strided_slice", tShape, 0);
    OpBuilder.Reserved sub = b.reserve("sub");
    Ref missing = sub.op("Sub").in(b.scalarAt(sub.name() + "/x", MAX_TOTAL)).in(d0).attr("T", I).build(I);
    Ref padD0 = b.expandDims("ExpandDims", missing, 0);
    Ref hasMore = b.greater("Greater", rankConst, 1);
    Cond inner = Cond.open(b, "cond", hasMore);
    inner.trueBranch();
    OpBuilder.Reserved ss = b.reserve("strided_slice");
    Ref rest = ss.op("StridedSlice").in(inner.capture("strided_slice", tShape))
        .in(b.vectorAt(ss.name() + "/stack", 1)).in(b.vectorAt(ss.name() + "/stack_1", 0))
        .in(b.vectorAt(ss.name() + "/stack_2", 1)).attr("T", I).attr("Index", I)
        .attr("begin_mask", 0).attr("end_mask", 1).attr("ellipsis_mask", 0).attr("new_axis_mask", 0)
        .attr("shrink_axis_mask", 0).build(I);
    Ref shapeT = b.concat("concat", 0, inner.capture("concat", padD0), rest);
    inner.endBranch();
    inner.falseBranch();
    OpBuilder.Reserved sub2 = b.reserve("sub");
    Ref missing2 = sub2.op("Sub").in(b.scalarAt(sub2.name() + "/x", MAX_TOTAL)).in(inner.capture("sub", d0))
        .attr("T", I).build(I);
    Ref shapeF = b.expandDims("ExpandDims", missing2, 0);
    inner.endBranch();
    Ref padShape = inner.merge(shapeF, shapeT);
    OpBuilder.Reserved zeros = b.reserve("zeros");
    Ref fill = zeros.op("Fill").in(padShape).in(b.scalarAt(zeros.name() + "/Const", 0.0f)).attr("T", F)
        .attr("index_type", I).build(F);
    Ref padded = b.concat("concat", 0, tf, fill);
    cond.endBranch();
    return cond.merge(padded, clipped);
  }
}
