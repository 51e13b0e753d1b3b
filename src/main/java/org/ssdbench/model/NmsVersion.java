package org.ssdbench.model;

import java.util.Arrays;
import java.util.List;

/** Which NonMaxSuppression op the generated graph uses. */
public enum NmsVersion {
  /** {@code NonMaxSuppressionV2}: no score threshold input, as in the 2018 zoo export (TF 1.5). */
  V2,
  /** {@code NonMaxSuppressionV3}: with a score threshold input, as in the later TF 1.x re-export. */
  V3,
  /**
   * {@code NonMaxSuppressionV4}: V3's inputs, {@code pad_to_max_output_size} true and a second output
   * {@code valid_outputs}; the exporter's {@code non_max_suppression_padded} (static shapes).
   */
  V4,
  /**
   * {@code NonMaxSuppressionV5}: V3's inputs plus {@code soft_nms_sigma}; outputs the selected indices, their (soft-NMS)
   * scores and {@code valid_outputs}; the exporter's {@code non_max_suppression_with_scores} after 2019.
   */
  V5;

  /** The TF op type, e.g. {@code NonMaxSuppressionV5}. */
  public String opType() {
    return "NonMaxSuppression" + name();
  }

  /** Whether the op takes a score threshold input (V3 and later). */
  public boolean hasScoreThreshold() {
    return this != V2;
  }

  /** By name, case-insensitive: {@code V2} .. {@code V5}. */
  public static NmsVersion byName(String name) {
    for (NmsVersion v : values()) {
      if (v.name().equalsIgnoreCase(name)) {
        return v;
      }
    }
    throw new IllegalArgumentException("Unknown NMS version '%s'; valid: %s".formatted(name, names()));
  }

  public static List<String> names() {
    return Arrays.stream(values()).map(Enum::name).toList();
  }
}
