package org.ssdbench.model;

import java.util.Map;

/**
 * The figures of the original export (a rebuild of {@code ssd_mobilenet_v2_coco_2018_03_29}'s frozen graph, batch 1) that
 * the generated graph is held to; the {@code model --describe} table prints them beside ours.
 */
public final class ReferenceFigures {
  private ReferenceFigures() {}

  public static final int NODES = 8_521;
  public static final int FEATURE_EXTRACTOR_NODES = 1_357;
  public static final int BOX_PREDICTOR_NODES = 156;
  public static final int ANCHOR_GENERATOR_NODES = 971;
  public static final int NMS_LOOP_NODES = 5_786;
  public static final int NMS_LOOP_CONSTS = 2_088;
  public static final int PREPROCESSOR_LOOP_NODES = 45;
  public static final int NMS_OPS = 90;
  public static final int CONV2D = 55;
  public static final int DEPTHWISE = 21;
  public static final int RELU6 = 47;
  public static final int BATCH_NORMS = 64;
  public static final int ANCHORS = 1_917;
  public static final long CONV_MACS = 1_875_000_000L;
  public static final long TRAINABLE_PARAMS = 16_837_567L;
  public static final long PARAMS_WITH_MOVING_STATS = 16_876_287L;

  /** Op counts of the rebuild (NonMaxSuppression counted under its V2/V3 name in a graph). */
  public static final Map<String, Integer> OPS = Map.ofEntries(
      Map.entry("Const", 3120), Map.entry("GatherV2", 549), Map.entry("Identity", 466), Map.entry("Minimum", 452),
      Map.entry("Reshape", 371), Map.entry("Maximum", 360), Map.entry("Mul", 344), Map.entry("Add", 263),
      Map.entry("Sub", 261), Map.entry("Cast", 211), Map.entry("Greater", 186), Map.entry("Where", 180),
      Map.entry("Split", 180), Map.entry("Slice", 165), Map.entry("ConcatV2", 144), Map.entry("StridedSlice", 127),
      Map.entry("Pack", 121), Map.entry("Shape", 116), Map.entry("Unpack", 94), Map.entry("Squeeze", 92),
      Map.entry("ZerosLike", 92), Map.entry("NonMaxSuppression", 90), Map.entry("Rsqrt", 64), Map.entry("Conv2D", 55),
      Map.entry("Relu6", 47), Map.entry("ExpandDims", 45), Map.entry("Fill", 40), Map.entry("Tile", 37),
      Map.entry("RealDiv", 33), Map.entry("Switch", 31), Map.entry("Range", 28), Map.entry("Enter", 28),
      Map.entry("DepthwiseConv2dNative", 21), Map.entry("Merge", 16), Map.entry("BiasAdd", 12),
      Map.entry("TensorArrayV3", 11), Map.entry("TopKV2", 1), Map.entry("Sigmoid", 1), Map.entry("ResizeBilinear", 1));
}
