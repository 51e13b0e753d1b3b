package org.ssdbench.engine;

import java.util.ArrayList;
import java.util.List;

/**
 * Compares two sets of detections of the same images: every detection must have a partner of the same class whose box
 * overlaps by the tolerance's IoU and whose score is within its score difference, except borderline ones (see {@link
 * Tolerance}). Pure; no TF involved.
 */
public final class DetectionMatcher {
  private static final int MAX_REPORTED = 10;

  private DetectionMatcher() {}

  /** Human-readable differences, empty when the two agree. */
  public static List<String> differences(Detections reference, Detections candidate, Tolerance tolerance) {
    List<String> out = new ArrayList<>();
    if (reference.batch() != candidate.batch()) {
      out.add("batch differs: reference %d, candidate %d".formatted(reference.batch(), candidate.batch()));
      return out;
    }
    for (int image = 0; image < reference.batch(); image++) {
      compareImage(reference, candidate, image, tolerance, out);
    }
    if (out.size() > MAX_REPORTED) {
      int more = out.size() - MAX_REPORTED;
      List<String> head = new ArrayList<>(out.subList(0, MAX_REPORTED));
      head.add("... and %d more".formatted(more));
      return head;
    }
    return out;
  }

  /**
   * Throws when the candidate differs from the reference.
   *
   * @throws IllegalStateException naming the configuration, the tolerance and the first differences
   */
  public static void requireMatch(String referenceName, Detections reference, String candidateName, Detections candidate,
      Tolerance tolerance) {
    List<String> diffs = differences(reference, candidate, tolerance);
    if (!diffs.isEmpty()) {
      throw new IllegalStateException(
          "Detections of '%s' differ from '%s' (tolerance: %s):%n  %s"
              .formatted(candidateName, referenceName, tolerance, String.join(System.lineSeparator() + "  ", diffs)));
    }
  }

  private static void compareImage(Detections ref, Detections cand, int image, Tolerance tol, List<String> out) {
    int nRef = ref.count(image);
    int nCand = cand.count(image);
    if (nRef < 0 || nRef > Detections.MAX || nCand < 0 || nCand > Detections.MAX) {
      out.add("image %d: num_detections out of range: reference %d, candidate %d".formatted(image, nRef, nCand));
      return;
    }
    double borderline = Math.min(lowestScore(ref, image, nRef), lowestScore(cand, image, nCand)) + tol.maxScoreDiff();
    boolean[] candUsed = new boolean[nCand];
    for (int r = 0; r < nRef; r++) {
      int match = findMatch(ref, r, cand, nCand, candUsed, image, tol);
      if (match >= 0) {
        candUsed[match] = true;
      } else if (ref.score(image, r) > borderline) {
        out.add("image %d: reference detection #%d (%s) has no match in the candidate%s"
            .formatted(image, r, describe(ref, image, r), closest(ref, r, cand, nCand, image)));
      }
    }
    for (int c = 0; c < nCand; c++) {
      if (!candUsed[c] && cand.score(image, c) > borderline) {
        out.add("image %d: candidate detection #%d (%s) is not in the reference".formatted(image, c, describe(cand, image, c)));
      }
    }
  }

  private static int findMatch(Detections ref, int r, Detections cand, int nCand, boolean[] used, int image, Tolerance tol) {
    int best = -1;
    double bestIou = 0;
    for (int c = 0; c < nCand; c++) {
      if (used[c] || cand.classId(image, c) != ref.classId(image, r)) {
        continue;
      }
      if (Math.abs(cand.score(image, c) - ref.score(image, r)) > tol.maxScoreDiff()) {
        continue;
      }
      double iou = iou(ref.box(image, r), cand.box(image, c));
      if (iou >= tol.minIou() && iou > bestIou) {
        best = c;
        bestIou = iou;
      }
    }
    return best;
  }

  private static String closest(Detections ref, int r, Detections cand, int nCand, int image) {
    int best = -1;
    double bestIou = -1;
    for (int c = 0; c < nCand; c++) {
      if (cand.classId(image, c) == ref.classId(image, r)) {
        double iou = iou(ref.box(image, r), cand.box(image, c));
        if (iou > bestIou) {
          best = c;
          bestIou = iou;
        }
      }
    }
    if (best < 0) {
      return "; the candidate has no detection of that class";
    }
    return "; closest of that class: #%d IoU %.4f score %.4f".formatted(best, bestIou, cand.score(image, best));
  }

  private static double lowestScore(Detections d, int image, int n) {
    return n == 0 ? 0 : d.score(image, n - 1);
  }

  private static String describe(Detections d, int image, int row) {
    float[] b = d.box(image, row);
    return "class %d, score %.4f, box [%.4f, %.4f, %.4f, %.4f]"
        .formatted(d.classId(image, row), d.score(image, row), b[0], b[1], b[2], b[3]);
  }

  /** Intersection over union of two (ymin, xmin, ymax, xmax) boxes; 1 for two identical empty boxes. */
  public static double iou(float[] a, float[] b) {
    double ih = Math.max(0, Math.min(a[2], b[2]) - Math.max(a[0], b[0]));
    double iw = Math.max(0, Math.min(a[3], b[3]) - Math.max(a[1], b[1]));
    double inter = ih * iw;
    double areaA = Math.max(0, a[2] - a[0]) * Math.max(0, a[3] - a[1]);
    double areaB = Math.max(0, b[2] - b[0]) * Math.max(0, b[3] - b[1]);
    double union = areaA + areaB - inter;
    if (union <= 0) {
      return java.util.Arrays.equals(a, b) ? 1 : 0;
    }
    return inter / union;
  }
}
