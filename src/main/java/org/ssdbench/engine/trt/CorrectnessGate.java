package org.ssdbench.engine.trt;

import java.util.ArrayList;
import java.util.List;
import org.ssdbench.engine.Detections;
import org.ssdbench.model.ImageBatch;

/**
 * TensorRT against TensorFlow on the CPU, on the same images: raw box encodings and class scores before NMS within
 * 1e-3 (FP32) or 2e-2 (FP16) relative L2 error (the worst element is reported beside it; see {@link Agreement.Error}); final detections matched by class and IoU >= 0.9, at least 95%
 * of TF's for FP32. INT8's differences are measured and reported, never a failure: the report shows the loss.
 */
public final class CorrectnessGate {
  public static final double MIN_IOU = 0.9;
  public static final double MIN_MATCHED = 0.95;

  /** Seed of the images the gate compares on; the same images are then the benchmark's input. */
  static final long IMAGE_SEED = 2024;

  private CorrectnessGate() {}

  /** The images an engine of {@code description} is checked on, {@code batch} of them. */
  public static ImageBatch images(NetworkDescription description, int batch) {
    return CalibrationImages.generate(batch, description.height(), description.width(), IMAGE_SEED);
  }

  /** The outcome; {@link #lines()} is what to print. */
  public record Report(boolean passed, List<String> lines) {
    @Override
    public String toString() {
      return String.join(System.lineSeparator(), lines);
    }
  }

  /** Tolerance before NMS, or NaN where only measured. */
  public static double tolerance(Precision p) {
    return switch (p) {
      case FP32 -> 1e-3;
      case FP16 -> 2e-2;
      case INT8 -> Double.NaN;
    };
  }

  public static Report check(TrtInferenceEngine engine, TfCpuReference.Outputs reference, ImageBatch images) {
    Precision p = engine.config().precision();
    double tol = tolerance(p);
    boolean gated = !Double.isNaN(tol);
    List<String> lines = new ArrayList<>();
    boolean ok = true;
    Detections detections = engine.detect(images);
    if (engine.config().probes()) {
      float[][] probes = engine.probes();
      Agreement.Error enc = Agreement.relative(probes[0], reference.rawBoxEncodings());
      Agreement.Error scores = Agreement.relative(probes[1], reference.classScores());
      boolean encOk = !gated || enc.within(tol);
      boolean scoresOk = !gated || scores.within(tol);
      ok &= encOk && scoresOk;
      String limit = gated ? "limit %.0e".formatted(tol) : "measured only";
      lines.add("  raw box encodings vs TF CPU: %s [%s] %s".formatted(enc, limit, verdict(encOk, gated)));
      lines.add("  class scores      vs TF CPU: %s [%s] %s".formatted(scores, limit, verdict(scoresOk, gated)));
    } else {
      lines.add("  pre-NMS tensors not checked: engine built without probes");
    }
    if (reference.detections() != null) {
      for (int i = 0; i < images.batch(); i++) {
        Agreement.Match m = Agreement.detections(reference.detections(), detections, i, MIN_IOU);
        boolean matchGated = p == Precision.FP32;
        boolean mOk = !matchGated || m.fraction() >= MIN_MATCHED;
        ok &= mOk;
        lines.add("  detections image %d (class + IoU >= %.1f): %s %s".formatted(i, MIN_IOU, m,
            matchGated ? verdict(mOk, true) + " (limit %.0f%%)".formatted(MIN_MATCHED * 100) : "[measured only]"));
      }
    }
    return new Report(ok, lines);
  }

  private static String verdict(boolean ok, boolean gated) {
    return gated ? (ok ? "OK" : "FAIL") : "";
  }
}
