package org.ssdbench.ops;

import java.util.Objects;

/**
 * One distinct signature of the model and how much of one inference it accounts for.
 *
 * @param occurrences how many times ops with this signature run in one inference (ops in the batch loop count once per image)
 * @param tracedMicros their summed time in the traced CPU run (only a hint: a single run on a busy machine)
 * @param exampleNode one node with this signature, to find it in the graph
 */
public record SignatureStat(OpSignature signature, int occurrences, double tracedMicros, String exampleNode) {
  public SignatureStat {
    Objects.requireNonNull(signature, "signature");
    if (occurrences < 1) {
      throw new IllegalArgumentException("occurrences must be >= 1 for '%s', got %d".formatted(signature.id(), occurrences));
    }
  }

  public OpKind kind() {
    return signature.kind();
  }

  /** Occurrences times the kind's cost estimate of one call: what signatures are ranked by. */
  public double estimatedCost() {
    return occurrences * signature.kind().estimatedCost(signature);
  }

  SignatureStat plus(int more, double micros) {
    return new SignatureStat(signature, occurrences + more, tracedMicros + micros, exampleNode);
  }
}
