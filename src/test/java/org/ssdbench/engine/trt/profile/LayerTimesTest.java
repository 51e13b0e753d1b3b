package org.ssdbench.engine.trt.profile;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.ssdbench.engine.trt.profile.GpuActivity.Type;

/** One traced inference's kernels put on the inspector's layers by tactic name, in launch order. */
final class LayerTimesTest {
  @TempDir Path run;

  static final String GEMM = "sm80_xmma_gemm_f16f16_f16f16_f16_nn_n_tilesize32x32x64_stage6_warpsize2x2x1_tensor16x8x16";
  static final String DW = "sm50_xmma_convolution_depthwiseHMMA_FP16NHWCx8_TR3_TS3_STRIDEH1_STRIDEW1";
  static final String REFORMAT = "_ZN15genericReformat16copyPackedKernelI6__halfS1_Lb1ELb1ENS_19IdentityCoordMapperILi4EEE";
  static final String NMS = "_Z12EfficientNMSI6__half9BoxCornerIS0_EEvN8nvinfer16plugin22EfficientNMSParametersEPKiPiS8_";

  /** The inspector's detailed list: two convolutions of one tactic, a depthwise one, a reformat, the NMS plugin. */
  static final String INSPECTOR = """
      {"Layers": [
        {"Name": "Preprocessor/sub + FeatureExtractor/Conv/Conv2D", "LayerType": "CaskGemmConvolution",
         "TacticName": "%1$s", "TacticValue": "0x11"},
        {"Name": "Reformatting CopyNode for Input Tensor 0", "LayerType": "Reformat", "TacticValue": "0x3e8"},
        {"Name": "FeatureExtractor/expanded_conv/depthwise", "LayerType": "CaskConvolution", "TacticName": "%2$s"},
        {"Name": "FeatureExtractor/expanded_conv/project", "LayerType": "CaskGemmConvolution", "TacticName": "%1$s"},
        {"Name": "Postprocessor/EfficientNMS", "LayerType": "PluginV2", "TacticValue": "0x0"}
      ], "Bindings": ["image_tensor"]}
      """.formatted(GEMM, DW);

  static List<LayerTimes.Launch> oneInference() {
    return List.of(
        new LayerTimes.Launch(Type.MEMCPY, "memcpy HtoD", 22_000),
        new LayerTimes.Launch(Type.KERNEL, GEMM + "_execute_kernel_trt", 26_000),
        new LayerTimes.Launch(Type.KERNEL, REFORMAT, 1_500),
        new LayerTimes.Launch(Type.KERNEL, DW + "_execute_kernel_trt", 2_500),
        new LayerTimes.Launch(Type.KERNEL, GEMM + "_execute_kernel_trt", 4_000),
        new LayerTimes.Launch(Type.KERNEL, NMS, 7_000),
        new LayerTimes.Launch(Type.MEMCPY, "memcpy DtoH", 1_000));
  }

  @Test
  void eachLayerThatNamesItsTacticGetsItsKernelInLaunchOrderAndTheRestGoesByKind() throws IOException {
    LayerTimes.Mapping m = LayerTimes.map(LayerTimes.layers(INSPECTOR, Path.of("x.json")), oneInference());

    assertThat(m.failure()).isEmpty();
    assertThat(m.layerCount()).isEqualTo(5);
    assertThat(m.layers()).extracting(t -> t.layer().name()).containsExactly(
        "Preprocessor/sub + FeatureExtractor/Conv/Conv2D", "FeatureExtractor/expanded_conv/depthwise",
        "FeatureExtractor/expanded_conv/project");
    assertThat(m.layers()).extracting(LayerTimes.LayerTime::micros).containsExactly(26.0, 2.5, 4.0);
    assertThat(m.otherByKind()).containsEntry(KernelKind.REFORMAT, 1.5).containsEntry(KernelKind.NMS, 7.0)
        .containsEntry(KernelKind.MEMCPY_HTOD, 22.0).containsEntry(KernelKind.MEMCPY_DTOH, 1.0).hasSize(4);
    assertThat(m.layerMicros() + m.otherByKind().values().stream().mapToDouble(Double::doubleValue).sum())
        .isEqualTo(m.totalMicros()).isEqualTo(64.0);
  }

  @Test
  void aTacticNotLaunchedAfterThePreviousLayersKernelTimesNoLayer() throws IOException {
    // the depthwise kernel ran before the first convolution's: not the list's order
    List<LayerTimes.Launch> outOfOrder = List.of(oneInference().get(3), oneInference().get(1), oneInference().get(4));

    LayerTimes.Mapping m = LayerTimes.map(LayerTimes.layers(INSPECTOR, Path.of("x.json")), outOfOrder);

    assertThat(m.layers()).isEmpty();
    assertThat(m.failure()).get().asString().contains("layer 'FeatureExtractor/expanded_conv/depthwise' names tactic "
        + DW).contains("launch order does not follow the list");
  }

  @Test
  void aListOfNamesAloneTimesNoLayer() throws IOException {
    LayerTimes.Mapping m = LayerTimes.map(LayerTimes.layers("{\"Layers\": [\"conv1\", \"conv2\"]}", Path.of("x.json")),
        oneInference());
    assertThat(m.failure()).get().asString().contains("names no kernel tactics");
    assertThat(m.layerCount()).isEqualTo(2);
  }

  @Test
  void somethingElseThanTheInspectorsJsonIsNamed() {
    assertThatThrownBy(() -> LayerTimes.layers("{\"layers\": 3}", Path.of("trt-layers/a.layers.json")))
        .isInstanceOf(IOException.class).hasMessageContaining("trt-layers/a.layers.json")
        .hasMessageContaining("no \"Layers\" list");
    assertThatThrownBy(() -> LayerTimes.layers("{", Path.of("b.json"))).hasMessageContaining("b.json");
  }

  @Test
  void readsWhatTheProfileWrote() throws IOException {
    long t = 0;
    List<GpuActivity> traced = new java.util.ArrayList<>();
    for (LayerTimes.Launch l : oneInference()) {
      traced.add(new GpuActivity(l.type(), l.name(), t, t + l.durationNs(), 0));
      t += l.durationNs() + 100;
    }
    LayerCapture.write(run, "trt-fp16-graph", 1, INSPECTOR, traced, 1);

    LayerTimes.Mapping m = LayerTimes.read(LayerCapture.layersJson(run, "trt-fp16-graph", 1),
        LayerCapture.sequenceCsv(run, "trt-fp16-graph", 1)).orElseThrow();

    assertThat(m.layers()).hasSize(3);
    assertThat(m.totalMicros()).isEqualTo(64.0);
    assertThat(LayerTimes.read(run.resolve("none.json"), run.resolve("none.csv"))).isEmpty();
  }
}
