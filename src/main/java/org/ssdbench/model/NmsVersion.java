package org.ssdbench.model;

/** Which NonMaxSuppression op the generated graph uses. */
public enum NmsVersion {
  /** {@code NonMaxSuppressionV2}: no score threshold input, as in the 2018 zoo export (TF 1.5). */
  V2,
  /** {@code NonMaxSuppressionV3}: with a score threshold input, as in the later TF 1.x re-export. */
  V3
}
