package org.ssdbench.ops;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The signatures {@code OpBenchmark} runs by default: for each measured op type, the {@link #TOP} signatures with the
 * highest estimated cost (occurrences x cost of one call) in the generated model at the worst-case NMS score threshold
 * (1e-8: every anchor is a candidate for every class, the shapes the reference lists). JMH needs them as compile-time
 * constants; {@code DefaultSignaturesTest} checks they are still the model's top ones. Occurrences per inference (batch 1)
 * are in the comments. Pass others with {@code -p signature=...} (ids from {@code ops --signatures}).
 */
public final class DefaultSignatures {
  /** How many signatures per op type. */
  public static final int TOP = 3;
  /** The generated model's NMS score threshold the defaults come from. */
  public static final float SCORE_THRESHOLD = 1e-8f;

  public static final String CONV2D_1 = "conv2d:1x10x10x1280*3x3x1280x546/s1/SAME"; // 1, BoxPredictor_1/ClassPredictor
  public static final String CONV2D_2 = "conv2d:1x19x19x576*3x3x576x273/s1/SAME"; // 1, BoxPredictor_0/ClassPredictor
  public static final String CONV2D_3 = "conv2d:1x5x5x512*3x3x512x546/s1/SAME"; // 1, BoxPredictor_2/ClassPredictor

  public static final String DEPTHWISE_1 = "depthwise:1x75x75x144*3x3x144x1/s1/SAME"; // 1
  public static final String DEPTHWISE_2 = "depthwise:1x150x150x32*3x3x32x1/s1/SAME"; // 1
  public static final String DEPTHWISE_3 = "depthwise:1x19x19x384*3x3x384x1/s1/SAME"; // 4

  public static final String GATHER_1 = "gatherv2:1917x4*1917.i32/axis0"; // 180, FilterGreaterThan and ClipToWindow boxes
  public static final String GATHER_2 = "gatherv2:1917*1917.i32/axis0"; // 180, the same for scores
  public static final String GATHER_3 = "gatherv2:1917x4*100.i32/axis0"; // 90, after NMS

  public static final String CONCAT_1 = "concatv2:1917x1^4/axis1"; // 90, ClipToWindow
  public static final String CONCAT_2 = "concatv2:1x1083x91*1x600x91*1x150x91*1x54x91*1x24x91*1x6x91/axis1"; // 1, class logits
  public static final String CONCAT_3 = "concatv2:100x4^90/axis0"; // 1, per-class results

  public static final String SELECT_1 = "select:100.bool*100^2"; // 2, PadOrClipBoxList
  public static final String SELECT_2 = "select:100.bool*100x4^2"; // 1, PadOrClipBoxList

  public static final String NMS_1 = "nmsv3:1917x4*1917/max100/iou0.6/score1E-8"; // 90

  public static final String WHERE_1 = "where:1917.bool/n1917"; // 180

  public static final String MINIMUM_1 = "minimum:1917x1*scalar"; // 360, ClipToWindow
  public static final String MINIMUM_2 = "minimum:scalar.i32^2"; // 91, min(100, N)
  public static final String MINIMUM_3 = "minimum:scalar^2"; // 1, anchor generator

  public static final String MAXIMUM_1 = "maximum:1917x1*scalar"; // 360, ClipToWindow

  public static final String RESHAPE_1 = "reshape:1917x1.i64/to1917"; // 180, after Where
  public static final String RESHAPE_2 = "reshape:1917x1/to1917"; // 90, class score column
  public static final String RESHAPE_3 = "reshape:scalar.i32/to1"; // 36, anchor generator

  public static final String TOPK_1 = "topkv2:9000/k9000"; // 1, SortByField

  private static final Map<OpKind, List<String>> BY_KIND = new LinkedHashMap<>();

  static {
    BY_KIND.put(OpKind.CONV2D, List.of(CONV2D_1, CONV2D_2, CONV2D_3));
    BY_KIND.put(OpKind.DEPTHWISE_CONV2D, List.of(DEPTHWISE_1, DEPTHWISE_2, DEPTHWISE_3));
    BY_KIND.put(OpKind.GATHER_V2, List.of(GATHER_1, GATHER_2, GATHER_3));
    BY_KIND.put(OpKind.CONCAT_V2, List.of(CONCAT_1, CONCAT_2, CONCAT_3));
    BY_KIND.put(OpKind.SELECT, List.of(SELECT_1, SELECT_2));
    BY_KIND.put(OpKind.NON_MAX_SUPPRESSION_V3, List.of(NMS_1));
    BY_KIND.put(OpKind.WHERE, List.of(WHERE_1));
    BY_KIND.put(OpKind.MINIMUM, List.of(MINIMUM_1, MINIMUM_2, MINIMUM_3));
    BY_KIND.put(OpKind.MAXIMUM, List.of(MAXIMUM_1));
    BY_KIND.put(OpKind.RESHAPE, List.of(RESHAPE_1, RESHAPE_2, RESHAPE_3));
    BY_KIND.put(OpKind.TOPK_V2, List.of(TOPK_1));
  }

  private DefaultSignatures() {}

  /** The default ids of {@code kind}; empty for kinds the model does not have (SelectV2, NonMaxSuppressionV2). */
  public static List<String> of(OpKind kind) {
    return BY_KIND.getOrDefault(kind, List.of());
  }

  /** Every default id, kind by kind. */
  public static List<String> all() {
    return BY_KIND.values().stream().flatMap(List::stream).toList();
  }

  public static Map<OpKind, List<String>> byKind() {
    return java.util.Collections.unmodifiableMap(BY_KIND);
  }

  /** The kinds that have defaults, as JMH benchmark method names would list them. */
  public static List<OpKind> kinds() {
    return Arrays.stream(OpKind.values()).filter(BY_KIND::containsKey).toList();
  }
}
