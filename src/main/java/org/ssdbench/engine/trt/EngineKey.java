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
    String inputFormat) {
  /** Bump when a change to the converter or TrtNetworkBuilder makes older cached plans wrong. */
  public static final int FORMAT = 1;

  public EngineKey {
    Objects.requireNonNull(modelSha256, "modelSha256");
    Objects.requireNonNull(gpuName, "gpuName");
    Objects.requireNonNull(computeCapability, "computeCapability");
    Objects.requireNonNull(tensorrtVersion, "tensorrtVersion");
    Objects.requireNonNull(precision, "precision");
    inputFormat = inputFormat == null ? InputFormat.FLOAT_NCHW.id() : InputFormat.parse(inputFormat).id();
  }

  /** A key for an engine with the float NCHW input. */
  public EngineKey(String modelSha256, String gpuName, String computeCapability, String tensorrtVersion,
      String precision, int batch, float scoreThreshold, boolean probes, int builderLevel, int format) {
    this(modelSha256, gpuName, computeCapability, tensorrtVersion, precision, batch, scoreThreshold, probes,
        builderLevel, format, InputFormat.FLOAT_NCHW.id());
  }

  /**
   * The cache file stem: {@code <precision>[-u8]-b<batch>-<model 12 hex>-<8 hex of threshold, probes and builder
   * level>}; the float input's stem is what it was before the input format was a field.
   * GPU, TensorRT version and format are deliberately not in it: an engine for another GPU or TensorRT lands on the same
   * file, is recognised by its sidecar as foreign and rebuilt over, so stale plans do not pile up.
   */
  public String fileStem() {
    String variant = LoadedModel.sha256(
        "%s|%s|%d".formatted(Float.toString(scoreThreshold), probes, builderLevel).getBytes(StandardCharsets.UTF_8));
    String input = inputFormat.equals(InputFormat.FLOAT_NCHW.id()) ? "" : "-" + inputFormat;
    return "%s%s-b%d-%s-%s".formatted(precision, input, batch, modelSha256.substring(0, Math.min(12, modelSha256.length())),
        variant.substring(0, 8));
  }
}
