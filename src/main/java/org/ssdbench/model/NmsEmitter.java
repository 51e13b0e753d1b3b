package org.ssdbench.model;

import java.util.List;
import org.tensorflow.proto.DataType;

/**
 * {@code BatchMultiClassNonMaxSuppression}: a {@code map} loop over the batch; inside it the per-class NMS unrolled for
 * the 90 classes (each {@code FilterGreaterThan}, {@code ClipToWindow}, {@code non_max_suppression} and {@code Gather}
 * block), then {@code Concatenate}, {@code SortByField} (TopKV2, pinned to the CPU as the export does), the clip to 100
 * and {@code PadOrClipBoxList} (a {@code tf.cond} per field, then a {@code Select} that zeroes rows past the count).
 *
 * <p>NMS is {@code NonMaxSuppressionV3} (boxes, scores, max_output_size, iou_threshold, score_threshold) or, for the 2018
 * export's op set, {@code NonMaxSuppressionV2} without the score threshold input; both see only the boxes
 * {@code FilterGreaterThan} kept.
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
  private final int batch;
  private final int numAnchors;

  NmsEmitter(GraphBuilder b, float scoreThreshold, NmsVersion version, int batch, int numAnchors) {
    this.b = b;
    this.scoreThreshold = scoreThreshold;
    this.version = version;
    this.batch = batch;
    this.numAnchors = numAnchors;
  }

  /** boxes [B,N,1,4], scores [B,N,90], window [B,4] -> boxes [B,100,4], scores, classes [B,100], count [B] int32. */
  Ref[] emit(Ref boxes, Ref scores, Ref window) {
    try (GraphBuilder.Scope s = b.scope("BatchMultiClassNonMaxSuppression")) {
      int[] ones = new int[batch];
      java.util.Arrays.fill(ones, 1);
      Ref numValid = b.withY("Mul", "mul", b.constant("ones", ConstTensors.ints(ones, batch)), numAnchors);
      return MapFn.emit(b, List.of(boxes, scores, window, numValid),
          List.of(new MapFn.Output(F, ConstTensors.shape(MAX_TOTAL, 4)), new MapFn.Output(F, ConstTensors.shape(MAX_TOTAL)),
              new MapFn.Output(F, ConstTensors.shape(MAX_TOTAL)), new MapFn.Output(I, ConstTensors.shape())),
          32, items -> singleImage(items[0], items[1], items[2], items[3]));
    }
  }

  private Ref[] singleImage(Ref boxes, Ref scores, Ref window, Ref numValid) {
    Ref boxSize = b.packWithConstants("stack", numValid, -1, -1);
    Ref perBoxes = b.reshape("Reshape", b.slice("Slice", boxes, b.vector("Slice/begin", 0, 0, 0), boxSize), -1, 1, 4);
    Ref scoreSize = b.packWithConstants("stack", numValid, -1);
    Ref perScores = b.reshape("Reshape_1", b.slice("Slice_1", scores, b.vector("Slice_1/begin", 0, 0), scoreSize),
        -1, SsdSignature.NUM_CLASSES);
    Ref[] sorted;
    Ref count;
    try (GraphBuilder.Scope m = b.scope("MultiClassNonMaxSuppression")) {
      Ref numBoxes = b.element("strided_slice", b.shape("Shape", perBoxes), 0);
      Ref numScores = b.element("strided_slice", b.shape("Shape", perScores), 0);
      Ref lengthAssert = assertEqual(numBoxes, numScores, "Incorrect scores field length: actual vs expected.");
      Ref classBoxes = b.unpack("unstack", perBoxes, 1, 1)[0];
      int k = SsdSignature.NUM_CLASSES;
      Ref[] nmsBoxes = new Ref[k];
      Ref[] nmsScores = new Ref[k];
      Ref[] nmsClasses = new Ref[k];
      for (int c = 0; c < k; c++) {
        Ref classScores = classColumn(perScores, numScores, c, lengthAssert);
        Ref[] kept = filterGreaterThan(classBoxes, classScores);
        kept = clipToWindow(kept[0], kept[1], window);
        Ref n = b.element("strided_slice", b.shape("Shape", kept[0]), 0);
        OpBuilder.Reserved min = b.reserve("Minimum");
        Ref maxSize = min.op("Minimum").in(b.scalarAt(min.name() + "/x", MAX_PER_CLASS)).in(n).attr("T", I).build(I);
        Ref selected = nonMaxSuppression(kept[0], kept[1], maxSize);
        Ref[] result = gather("Gather", selected, kept[0], kept[1]);
        nmsBoxes[c] = result[0];
        nmsScores[c] = result[1];
        nmsClasses[c] = b.withY("Add", "add", b.same("ZerosLike", "ZerosLike", result[1]), (float) c);
      }
      Ref[] all;
      try (GraphBuilder.Scope cat = b.scope("Concatenate")) {
        all = new Ref[] {b.concat("concat", 0, nmsBoxes), b.concat("concat", 0, nmsScores),
            b.concat("concat", 0, nmsClasses)};
      }
      sorted = sortByField(all);
      Ref total = b.element("strided_slice", b.shape("Shape", sorted[0]), 0);
      OpBuilder.Reserved min = b.reserve("Minimum");
      Ref keep = min.op("Minimum").in(b.scalarAt(min.name() + "/x", MAX_TOTAL)).in(total).attr("T", I).build(I);
      Ref range = b.range("range", b.scalar("range/start", 0), keep, b.scalar("range/delta", 1));
      sorted = gather("Gather", range, sorted);
    }
    count = b.element("strided_slice", b.shape("Shape", sorted[0]), 0);
    Ref[] padded = new Ref[3];
    try (GraphBuilder.Scope p = b.scope("PadOrClipBoxList")) {
      for (int i = 0; i < 3; i++) {
        padded[i] = padOrClip(sorted[i], i == 0 ? 2 : 1);
      }
      Ref rows = b.range("range", b.scalar("range/start", 0), b.scalar("range/limit", MAX_TOTAL),
          b.scalar("range/delta", 1));
      Ref valid = b.op("Less", "Less").in(rows).in(count).attr("T", I).build(B);
      for (int i = 0; i < 3; i++) {
        OpBuilder.Reserved sel = b.reserve("Select");
        Ref zeros = b.op("ZerosLike", "zeros_like").in(padded[i]).attr("T", F).build(F);
        padded[i] = sel.op("Select").in(valid).in(padded[i]).in(zeros).attr("T", F).build(F);
      }
    }
    return new Ref[] {padded[0], padded[1], padded[2], count};
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

  private Ref[] filterGreaterThan(Ref boxes, Ref scores) {
    try (GraphBuilder.Scope f = b.scope("FilterGreaterThan")) {
      Ref above = b.greater("Greater", scores, scoreThreshold);
      Ref indices = whereIndices(above);
      return gather("Gather", indices, boxes, scores);
    }
  }

  private Ref[] clipToWindow(Ref boxes, Ref scores, Ref window) {
    try (GraphBuilder.Scope c = b.scope("ClipToWindow")) {
      Ref[] corners = b.split("split", boxes, 4, 1);
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
      return gather("Gather", whereIndices(nonZero), clipped, scores);
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

  private Ref nonMaxSuppression(Ref boxes, Ref scores, Ref maxSize) {
    try (GraphBuilder.Scope n = b.scope("non_max_suppression")) {
      Ref iou = b.scalar("iou_threshold", IOU_THRESHOLD);
      if (version == NmsVersion.V2) {
        return b.op("NonMaxSuppressionV2", "NonMaxSuppressionV2").in(boxes).in(scores).in(maxSize).in(iou)
            .attr("T", F).attr("T_threshold", F).build(I);
      }
      Ref threshold = b.scalar("score_threshold", scoreThreshold);
      return b.op("NonMaxSuppressionV3", "NonMaxSuppressionV3").in(boxes).in(scores).in(maxSize).in(iou).in(threshold)
          .attr("T", F).attr("T_threshold", F).build(I);
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
