package org.ssdbench.model;

import java.util.List;

/**
 * Tensor and scope names of the TF Object Detection export of SSD MobileNet V2, shared by the generated graph and the real
 * {@code frozen_inference_graph.pb}. Everything that finds or rewrites nodes goes through these names, never through
 * positions, so both the 2018 zoo export and a later re-export are handled alike.
 */
public final class SsdSignature {
  private SsdSignature() {}

  /** uint8 [batch, height, width, 3]. */
  public static final String INPUT = "image_tensor";
  /** float [batch, 100, 4]: ymin, xmin, ymax, xmax, normalised to [0, 1]. */
  public static final String DETECTION_BOXES = "detection_boxes";
  /** float [batch, 100], sorted in descending order. */
  public static final String DETECTION_SCORES = "detection_scores";
  /** float [batch, 100]: COCO class index + 1, so 1..90. */
  public static final String DETECTION_CLASSES = "detection_classes";
  /** float [batch]: how many of the 100 rows are real detections. */
  public static final String NUM_DETECTIONS = "num_detections";

  public static final List<String> OUTPUTS =
      List.of(DETECTION_BOXES, DETECTION_SCORES, DETECTION_CLASSES, NUM_DETECTIONS);

  /** The most detections the export returns per image. */
  public static final int MAX_DETECTIONS = 100;
  /** COCO classes without the background class. */
  public static final int NUM_CLASSES = 90;
  public static final int NUM_ANCHORS = 1917;

  public static final String PREPROCESSOR_SCOPE = "Preprocessor";
  public static final String FEATURE_EXTRACTOR_SCOPE = "FeatureExtractor";
  public static final String ANCHOR_SCOPE = "MultipleGridAnchorGenerator";
  public static final String POSTPROCESSOR_SCOPE = "Postprocessor";
  /** The batch while loop with the 90 unrolled per-class NMS blocks: what the article pins to the CPU in its step 1. */
  public static final String NMS_SCOPE = "Postprocessor/BatchMultiClassNonMaxSuppression";

  /** Whether {@code nodeName} lies under {@code scope} (the scope itself or anything below it). */
  public static boolean inScope(String nodeName, String scope) {
    return nodeName.equals(scope) || nodeName.startsWith(scope + "/");
  }
}
