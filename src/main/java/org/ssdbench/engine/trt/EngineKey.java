package org.ssdbench.engine.trt;

import java.nio.charset.StandardCharsets;
import java.util.Objects;
import org.ssdbench.model.LoadedModel;

/**
 * What a cached engine was built for. Any field differing means the engine must be rebuilt: TensorRT plans are
 * specific to the GPU model and TensorRT version, and the rest changes the network itself.
 *
 * @param modelSha256 SHA-256 of the GraphDef bytes
 * @param scoreThreshold the NMS score threshold baked into the plugin
 * @param probes whether the pre-NMS tensors are engine outputs
 * @param builderLevel TensorRT's builder optimization level, or {@link TrtNetworkBuilder.Options#DEFAULT_LEVEL}
 * @param format bumped when the converter or builder changes what they produce
 * @param inputFormat {@link InputFormat#id()} of the engine's input; {@code f32} where a sidecar written before the
 *     field existed has none
 * @param nmsPrecision {@link NmsPrecision#id()} of the NMS plugin; {@code auto} where a sidecar written before the field
 *     existed has none
 * @param postprocessing {@link PostprocessingPrecision#id()} of the layers between the box predictors and NMS;
 *     {@code auto} where a sidecar written before the field existed has none
 * @param calibration {@link CalibrationSet#id()} an INT8 engine was calibrated on ({@link #NO_CALIBRATION} for the other
 *     precisions): an engine calibrated on generated images must not serve a run calibrating on photos. An INT8
 *     sidecar written before the field existed was calibrated on the default generated set.
 */
public record EngineKey(
    String modelSha256,
    String gpuName,
    String computeCapability,
    String tensorrtVersion,
    String precision,
    int batch,
    float scoreThreshold,
    boolean probes,
    int builderLevel,
    int format,
    String inputFormat,
    String nmsPrecision,
    String postprocessing,
    String calibration) {
  /** The calibration of an engine that is not INT8. */
  public static final String NO_CALIBRATION = "-";

  /**
   * Bump when a change to the converter or TrtNetworkBuilder makes older cached plans wrong. 2: plans keep detailed
   * layer information (ProfilingVerbosity.kDETAILED) for the engine inspector.
   */
  public static final int FORMAT = 2;

  public EngineKey {
    Objects.requireNonNull(modelSha256, "modelSha256");
    Objects.requireNonNull(gpuName, "gpuName");
    Objects.requireNonNull(computeCapability, "computeCapability");
    Objects.requireNonNull(tensorrtVersion, "tensorrtVersion");
    Objects.requireNonNull(precision, "precision");
    inputFormat = inputFormat == null ? InputFormat.FLOAT_NCHW.id() : InputFormat.parse(inputFormat).id();
    nmsPrecision = nmsPrecision == null ? NmsPrecision.CHOSEN.id() : NmsPrecision.parse(nmsPrecision).id();
    postprocessing = postprocessing == null ? PostprocessingPrecision.CHOSEN.id()
        : PostprocessingPrecision.parse(postprocessing).id();
    calibration = !Precision.INT8.id().equals(precision) ? NO_CALIBRATION
        : calibration == null ? CalibrationSet.of(null).id() : calibration;
  }

  /** A key for an engine calibrated (if INT8) on the default generated images. */
  public EngineKey(String modelSha256, String gpuName, String computeCapability, String tensorrtVersion,
      String precision, int batch, float scoreThreshold, boolean probes, int builderLevel, int format,
      String inputFormat, String nmsPrecision, String postprocessing) {
    this(modelSha256, gpuName, computeCapability, tensorrtVersion, precision, batch, scoreThreshold, probes,
        builderLevel, format, inputFormat, nmsPrecision, postprocessing, null);
  }

  /** A key for an engine whose postprocessing runs in the types the builder picks. */
  public EngineKey(String modelSha256, String gpuName, String computeCapability, String tensorrtVersion,
      String precision, int batch, float scoreThreshold, boolean probes, int builderLevel, int format,
      String inputFormat, String nmsPrecision) {
    this(modelSha256, gpuName, computeCapability, tensorrtVersion, precision, batch, scoreThreshold, probes,
        builderLevel, format, inputFormat, nmsPrecision, PostprocessingPrecision.CHOSEN.id());
  }

  /** A key for an engine whose NMS plugin runs in the precision the builder picks. */
  public EngineKey(String modelSha256, String gpuName, String computeCapability, String tensorrtVersion,
      String precision, int batch, float scoreThreshold, boolean probes, int builderLevel, int format,
      String inputFormat) {
    this(modelSha256, gpuName, computeCapability, tensorrtVersion, precision, batch, scoreThreshold, probes,
        builderLevel, format, inputFormat, NmsPrecision.CHOSEN.id(), PostprocessingPrecision.CHOSEN.id());
  }

  /** A key for an engine with the float NCHW input. */
  public EngineKey(String modelSha256, String gpuName, String computeCapability, String tensorrtVersion,
      String precision, int batch, float scoreThreshold, boolean probes, int builderLevel, int format) {
    this(modelSha256, gpuName, computeCapability, tensorrtVersion, precision, batch, scoreThreshold, probes,
        builderLevel, format, InputFormat.FLOAT_NCHW.id());
  }

  /**
   * The cache file stem: {@code <precision>[-u8][-nmsfp16][-pp32]-b<batch>-<model 12 hex>-<8 hex of threshold, probes,
   * builder level and a calibration other than the default>}; the float input's and the builder-chosen NMS's stems are what they were before those were fields.
   * GPU, TensorRT version and format are deliberately not in it: an engine for another GPU or TensorRT lands on the same
   * file, is recognised by its sidecar as foreign and rebuilt over, so stale plans do not pile up.
   */
  public String fileStem() {
    // The default calibration adds nothing, so the stems of engines cached before it was a field stay as they were.
    String calibrated = calibration.equals(NO_CALIBRATION) || calibration.equals(CalibrationSet.of(null).id()) ? ""
        : "|" + calibration;
    String variant = LoadedModel.sha256("%s|%s|%d%s".formatted(Float.toString(scoreThreshold), probes, builderLevel,
        calibrated).getBytes(StandardCharsets.UTF_8));
    return "%s-b%d-%s-%s".formatted(engineName(precision, inputFormat, nmsPrecision, postprocessing), batch,
        modelSha256.substring(0, Math.min(12, modelSha256.length())), variant.substring(0, 8));
  }

  /**
   * {@code <precision>[-u8][-nmsfp16][-pp32]}: what the network is, as cache files and build logs name it; the float
   * input and the builder's own choices add nothing.
   */
  static String engineName(String precision, String inputFormat, String nmsPrecision, String postprocessing) {
    String input = inputFormat.equals(InputFormat.FLOAT_NCHW.id()) ? "" : "-" + inputFormat;
    String nms = nmsPrecision.equals(NmsPrecision.CHOSEN.id()) ? "" : "-nms" + nmsPrecision;
    String post = postprocessing.equals(PostprocessingPrecision.CHOSEN.id()) ? ""
        : "-pp" + postprocessing.replace("fp", "");
    return precision + input + nms + post;
  }
}
