package org.ssdbench.model;

import java.util.Arrays;
import java.util.List;

/**
 * Which TF Object Detection exporter the generated graph imitates. The architecture, weights and outputs' meaning are the
 * same in every layout; what changes is how the exporter spelled them (see docs/model.md for the facts each matches).
 */
public enum ExportLayout {
  /**
   * {@code ssd_mobilenet_v2_coco_2018_03_29} (TF 1.5): unfused batch norm, {@code Preprocessor/map/while} and
   * {@code BatchMultiClassNonMaxSuppression/map/while} loops, no Identity between the postprocessing ops, four outputs.
   */
  EXPORT_2018("2018", NmsVersion.V3, false, false),
  /**
   * The exporter as it stood after 2019 (TF 1.15, TF 2.x through tf.compat.v1) with a fixed input [B, H, W, 3]:
   * {@code FusedBatchNormV3}, Identity and StopGradient nodes along the postprocessing paths, the extra outputs
   * {@code raw_detection_boxes}, {@code raw_detection_scores} and {@code detection_multiclass_scores}, and both loops
   * unrolled over the static batch ({@code unstack}, one block per image, {@code stack}).
   */
  EXPORT_2019("2019", NmsVersion.V5, true, false),
  /**
   * The post-2019 exporter with a dynamic input [None, None, None, 3]: as {@link #EXPORT_2019}, but the batch is unknown,
   * so both {@code map} while loops stay, with the Preprocessor's {@code ResizeImage} inside.
   */
  EXPORT_2019_DYNAMIC("2019-dynamic", NmsVersion.V5, true, true);

  /** The extra outputs of the post-2019 exporter, beside {@link SsdSignature#OUTPUTS}. */
  public static final String RAW_DETECTION_BOXES = "raw_detection_boxes";
  public static final String RAW_DETECTION_SCORES = "raw_detection_scores";
  public static final String DETECTION_MULTICLASS_SCORES = "detection_multiclass_scores";
  public static final List<String> EXTRA_OUTPUTS =
      List.of(RAW_DETECTION_BOXES, RAW_DETECTION_SCORES, DETECTION_MULTICLASS_SCORES);

  private final String cliName;
  private final NmsVersion defaultNms;
  private final boolean newer;
  private final boolean dynamicInput;

  ExportLayout(String cliName, NmsVersion defaultNms, boolean newer, boolean dynamicInput) {
    this.cliName = cliName;
    this.defaultNms = defaultNms;
    this.newer = newer;
    this.dynamicInput = dynamicInput;
  }

  /** The name on the command line and in a generated model's source, e.g. {@code 2019-dynamic}. */
  public String cliName() {
    return cliName;
  }

  /** The NMS op this exporter emitted: V3 as the article's re-export for 2018, V5 after 2019. */
  public NmsVersion defaultNms() {
    return defaultNms;
  }

  /** FusedBatchNormV3 instead of the seven unfused ops per layer. */
  public boolean fusedBatchNorm() {
    return newer;
  }

  /** Identity / StopGradient nodes between postprocessing ops that are adjacent in the 2018 layout. */
  public boolean postprocessingIdentities() {
    return newer;
  }

  /** {@link #EXTRA_OUTPUTS} beside the four. */
  public boolean extraOutputs() {
    return newer;
  }

  /** {@code image_tensor} is [None, None, None, 3]. */
  public boolean dynamicInput() {
    return dynamicInput;
  }

  /** The Preprocessor and batch NMS loops are unrolled over a static batch instead of {@code map/while} loops. */
  public boolean unrolledLoops() {
    return newer && !dynamicInput;
  }

  public static ExportLayout byName(String name) {
    for (ExportLayout l : values()) {
      if (l.cliName.equals(name) || l.name().equalsIgnoreCase(name)) {
        return l;
      }
    }
    throw new IllegalArgumentException("Unknown export layout '%s'; valid: %s".formatted(name, names()));
  }

  public static List<String> names() {
    return Arrays.stream(values()).map(ExportLayout::cliName).toList();
  }
}
