package org.ssdbench.engine;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.ssdbench.model.ImageBatch;

/**
 * The one correctness gate, for every configuration, TensorFlow and TensorRT: the engine's detections on the workload's
 * images against the {@code tf-cpu} reference's ({@link DetectionMatch}), and, where the engine exposes them, its
 * pre-NMS tensors ({@link TensorError}), by the engine's own {@link GateCriteria}. A configuration that fails is not
 * timed: {@link #require} throws with the report.
 */
public final class CorrectnessGate {
  private CorrectnessGate() {}

  /** The outcome; {@link #toString()} is what to print. */
  public record Report(String config, GateCriteria criteria, boolean passed, List<DetectionMatch> matches,
      List<String> lines) {
    public Report {
      matches = List.copyOf(matches);
      lines = List.copyOf(lines);
    }

    @Override
    public String toString() {
      return config + " vs tf-cpu (" + criteria + "): " + (passed ? "PASSED" : "FAILED") + System.lineSeparator()
          + String.join(System.lineSeparator(), lines);
    }
  }

  /** Runs {@code engine} once on {@code images} and compares it with {@code reference}. */
  public static Report check(InferenceEngine engine, ReferenceOutputs reference, ImageBatch images) {
    return check(engine, reference, engine.detect(images));
  }

  /** Compares the detections {@code engine} just produced (and its pre-NMS tensors of that run) with {@code reference}. */
  public static Report check(InferenceEngine engine, ReferenceOutputs reference, Detections detections) {
    return compare(engine.name(), engine.criteria(), reference, detections, engine.preNmsTensors());
  }

  /** The comparison itself, on outputs already computed. */
  public static Report compare(String config, GateCriteria criteria, ReferenceOutputs reference, Detections detections,
      Optional<float[][]> preNms) {
    List<String> lines = new ArrayList<>();
    boolean ok = true;
    if (preNms.isPresent() && reference.hasPreNms()) {
      boolean gated = criteria.gated() && !Double.isNaN(criteria.preNmsTolerance());
      String limit = gated ? "limit %.0e".formatted(criteria.preNmsTolerance()) : "measured only";
      String[] names = {"raw box encodings", "class scores     "};
      float[][] expected = {reference.rawBoxEncodings(), reference.classScores()};
      for (int i = 0; i < 2; i++) {
        TensorError e = TensorError.of(preNms.get()[i], expected[i]);
        boolean within = !gated || e.within(criteria.preNmsTolerance());
        ok &= within;
        lines.add("  %s: %s [%s]%s".formatted(names[i], e, limit, gated ? (within ? " OK" : " FAIL") : ""));
      }
    } else {
      lines.add("  pre-NMS tensors: not checked (%s)".formatted(preNms.isEmpty()
          ? "the timed engine has only the four detection outputs" : "the reference has none"));
    }
    List<DetectionMatch> matches =
        DetectionMatch.of(reference.detections(), detections, criteria.minIou(), criteria.maxScoreDiff());
    for (DetectionMatch m : matches) {
      boolean pass = m.passes(criteria);
      ok &= pass;
      lines.add("  detections image %d: %s%s".formatted(m.image(), m,
          criteria.gated() ? (pass ? " OK" : " FAIL (at most %d unmatched)".formatted(criteria.allowedMisses(m.expected())))
              : " [measured only]"));
    }
    return new Report(config, criteria, ok, matches, lines);
  }

  /**
   * {@code report} when it passed; else throws, so no number is reported for a configuration that computes something
   * else.
   *
   * @throws IllegalStateException naming the configuration, the criteria and the differences
   */
  public static Report require(Report report) {
    if (!report.passed()) {
      throw new IllegalStateException(report.config() + " disagrees with tf-cpu, so it is not timed:"
          + System.lineSeparator() + report);
    }
    return report;
  }
}
