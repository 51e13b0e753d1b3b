package org.ssdbench.engine;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The one matcher of detections, for every configuration: one image's reference detections are taken in order
 * (descending score), and each takes the unmatched candidate detection of the same class whose score is within {@code
 * maxScoreDiff} and whose box has the highest IoU at or above {@code minIou}. Detections left unmatched on either side
 * count as misses unless they are borderline (score within {@code maxScoreDiff} of the lowest score either side kept:
 * they may fall on the other side of the threshold or the 100-detection cut). Pure; no TF involved.
 *
 * @param expected reference detections
 * @param actual candidate detections
 * @param matched reference detections that found a partner
 * @param meanIou mean IoU of the matched pairs (0 without any)
 * @param worstScoreDiff largest score difference of a matched pair
 * @param misses unmatched, non-borderline detections of either side, described
 */
public record DetectionMatch(int image, int expected, int actual, int matched, double meanIou, double worstScoreDiff,
    List<String> misses) {
  private static final int MAX_DESCRIBED = 10;

  public DetectionMatch {
    misses = List.copyOf(misses);
  }

  /** Matched over expected; 1 when neither side has a detection. */
  public double fraction() {
    return expected == 0 ? (actual == 0 ? 1 : 0) : (double) matched / expected;
  }

  /** Whether this image passes {@code criteria} (ungated criteria always pass). */
  public boolean passes(GateCriteria criteria) {
    return !criteria.gated() || misses.size() <= criteria.allowedMisses(expected);
  }

  /** Every image of the batch. */
  public static List<DetectionMatch> of(Detections reference, Detections candidate, double minIou, double maxScoreDiff) {
    if (reference.batch() != candidate.batch()) {
      throw new IllegalArgumentException(
          "batch differs: reference %d, candidate %d".formatted(reference.batch(), candidate.batch()));
    }
    List<DetectionMatch> out = new ArrayList<>();
    for (int i = 0; i < reference.batch(); i++) {
      out.add(of(reference, candidate, i, minIou, maxScoreDiff));
    }
    return out;
  }

  public static DetectionMatch of(Detections ref, Detections cand, int image, double minIou, double maxScoreDiff) {
    int nRef = ref.count(image);
    int nCand = cand.count(image);
    if (nRef < 0 || nRef > Detections.MAX || nCand < 0 || nCand > Detections.MAX) {
      return new DetectionMatch(image, nRef, nCand, 0, 0, 0,
          List.of("num_detections out of range: reference %d, candidate %d".formatted(nRef, nCand)));
    }
    double borderline = Math.min(lowestScore(ref, image, nRef), lowestScore(cand, image, nCand)) + maxScoreDiff;
    boolean[] used = new boolean[nCand];
    List<String> misses = new ArrayList<>();
    int matched = 0;
    double iouSum = 0;
    double worstScore = 0;
    for (int r = 0; r < nRef; r++) {
      int best = -1;
      double bestIou = minIou;
      for (int c = 0; c < nCand; c++) {
        if (used[c] || cand.classId(image, c) != ref.classId(image, r)
            || Math.abs(cand.score(image, c) - ref.score(image, r)) > maxScoreDiff) {
          continue;
        }
        double iou = iou(ref.box(image, r), cand.box(image, c));
        if (iou >= bestIou) {
          bestIou = iou;
          best = c;
        }
      }
      if (best >= 0) {
        used[best] = true;
        matched++;
        iouSum += bestIou;
        worstScore = Math.max(worstScore, Math.abs(ref.score(image, r) - cand.score(image, best)));
      } else if (ref.score(image, r) > borderline) {
        misses.add("reference detection #%d (%s) has no match in the candidate%s"
            .formatted(r, describe(ref, image, r), closest(ref, r, cand, nCand, image)));
      }
    }
    for (int c = 0; c < nCand; c++) {
      if (!used[c] && cand.score(image, c) > borderline) {
        misses.add("candidate detection #%d (%s) is not in the reference".formatted(c, describe(cand, image, c)));
      }
    }
    return new DetectionMatch(image, nRef, nCand, matched, matched == 0 ? 0 : iouSum / matched, worstScore, misses);
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
    return String.format(Locale.ROOT, "; closest of that class: #%d IoU %.4f score %.4f", best, bestIou,
        cand.score(image, best));
  }

  private static double lowestScore(Detections d, int image, int n) {
    return n == 0 ? 0 : d.score(image, n - 1);
  }

  private static String describe(Detections d, int image, int row) {
    float[] b = d.box(image, row);
    return String.format(Locale.ROOT, "class %d, score %.4f, box [%.4f, %.4f, %.4f, %.4f]",
        d.classId(image, row), d.score(image, row), b[0], b[1], b[2], b[3]);
  }

  /**
   * Unmatched detections of either side that are not misses: their score lies within the score tolerance of the lowest
   * score either side kept, so they may fall on the other side of the threshold or the 100-detection cut.
   */
  public int unmatchedAtTheCut() {
    return Math.max(0, (expected - matched) + (actual - matched) - misses.size());
  }

  @Override
  public String toString() {
    int atTheCut = unmatchedAtTheCut();
    String head = String.format(Locale.ROOT, "%d/%d reference detections matched (candidate has %d), mean IoU %.4f, "
        + "worst score diff %.3g", matched, expected, actual, meanIou, worstScoreDiff)
        + (atTheCut == 0 ? "" : "; %d unmatched at the score cut (within the score tolerance of the lowest score kept),"
            .formatted(atTheCut) + " not counted as misses");
    if (misses.isEmpty()) {
      return head;
    }
    List<String> shown = misses.size() > MAX_DESCRIBED ? misses.subList(0, MAX_DESCRIBED) : misses;
    String more = misses.size() > MAX_DESCRIBED ? "%n      ... and %d more".formatted(misses.size() - MAX_DESCRIBED) : "";
    return head + "; unmatched:%n      ".formatted() + String.join("%n      ".formatted(), shown) + more;
  }
}
