package org.ssdbench.bench;

import static org.ssdbench.ops.DefaultSignatures.*;

import java.util.List;

/**
 * The methods of {@link OpBenchmark} with their default signatures, most costly first, so a short run can measure each
 * op type's heaviest signature alone (one JMH invocation per method, because a {@code signature} value only fits its own
 * op type).
 */
public enum OpSuite {
  CONV2D("conv2d", CONV2D_1, CONV2D_2, CONV2D_3),
  DEPTHWISE("depthwiseConv2dNative", DEPTHWISE_1, DEPTHWISE_2, DEPTHWISE_3),
  GATHER("gatherV2", GATHER_1, GATHER_2, GATHER_3),
  CONCAT("concatV2", CONCAT_1, CONCAT_2, CONCAT_3),
  SELECT("select", SELECT_1, SELECT_2),
  NMS("nonMaxSuppressionV3", NMS_1),
  WHERE("where", WHERE_1),
  MINIMUM("minimum", MINIMUM_1, MINIMUM_2, MINIMUM_3),
  MAXIMUM("maximum", MAXIMUM_1),
  RESHAPE("reshape", RESHAPE_1, RESHAPE_2, RESHAPE_3),
  TOPK("topKV2", TOPK_1);

  private final String method;
  private final List<String> signatures;

  OpSuite(String method, String... signatures) {
    this.method = method;
    this.signatures = List.of(signatures);
  }

  /** The JMH include pattern of this op's benchmark method. */
  public String include() {
    return java.util.regex.Pattern.quote(OpBenchmark.class.getName() + "." + method) + "$";
  }

  public String method() {
    return method;
  }

  /** The first {@code n} default signatures (all of them when n exceeds their number). */
  public List<String> topSignatures(int n) {
    return signatures.subList(0, Math.min(n, signatures.size()));
  }
}
