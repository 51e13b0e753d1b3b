package org.ssdbench.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.ssdbench.engine.trt.profile.KernelProfileCsv;
import org.ssdbench.results.RunFolder;
import org.ssdbench.testing.Fixtures;

final class KernelProfileSectionTest {
  @TempDir Path dir;

  @BeforeAll
  static void headless() {
    System.setProperty("java.awt.headless", "true");
  }

  private RunFolder runWithProfile() throws Exception {
    RunFolder run = new RunFolder(Fixtures.copyOfRun("h100-run", dir));
    for (String file : new String[] {KernelProfileCsv.KERNELS, KernelProfileCsv.SUMMARY}) {
      Files.copy(Path.of("src/test/resources/kernel-profile", file), run.dir().resolve(file));
    }
    return run;
  }

  @Test
  void reportSaysWhereTheGpuTimeGoesPerEngine() throws Exception {
    RunFolder run = runWithProfile();

    new ReportWriter(false).write(run);

    String md = Files.readString(run.report().resolve("report.md"));
    assertThat(md).contains("## Where the GPU time goes").contains("### trt-fp16-graph batch 1")
        .contains("### trt-fp32 batch 1").contains("(kernels.png)");
    assertThat(md).contains("Kernels and copies account for 310.0 of the 430.0 \u00b5s CUDA-event GPU time per "
        + "inference (72%); the rest is idle gaps between launches.");
    // the CSV says OTHER; the report classifies the name again
    assertThat(md).contains("| depthwise convolution | 80.000 | 24.2% |");
    assertThat(md).contains("| convolution / GEMM | 120.0 | 36.4% |").contains("| memcpy HtoD | 35.000 | 10.6% |");
    assertThat(md).contains("| convolution / GEMM | 300.0 | 75.0% |");
    assertThat(md.indexOf("## Optimization ladder")).isLessThan(md.indexOf("## Where the GPU time goes"));
    assertThat(md.indexOf("## Where the GPU time goes")).isLessThan(md.indexOf("## Per-op CPU vs GPU"));
    assertThat(run.report().resolve("kernels.png")).isNotEmptyFile();
  }

  @Test
  void topKernelsAreSortedByTimeAndLongNamesShortened() throws Exception {
    RunFolder run = runWithProfile();
    var written = KernelProfileSection.write(org.ssdbench.report.chart.ChartRendering.ofThisJvm(), dir.resolve("out"),
        new org.ssdbench.report.chart.ChartCaption(null, null), run);

    var tables = written.blocks().stream().filter(b -> b instanceof org.ssdbench.report.doc.Block.Table)
        .map(b -> (org.ssdbench.report.doc.Block.Table) b).toList();
    var top = tables.get(1);
    assertThat(top.header()).containsExactly("top kernel", "kind", "launches per inference", "\u00b5s per inference", "share");
    assertThat(top.rows().get(0).get(0)).startsWith("sm90_xmma_fprop").endsWith("...").hasSize(120);
    assertThat(top.rows()).extracting(r -> r.get(3)).containsExactly("120.0", "80.000", "40.000", "35.000", "30.000",
        "20.000", "5.000");
  }

  @Test
  void theTopLayersOfAnEngineWithItsLayerListAreShownAndAllGoIntoACsv() throws Exception {
    RunFolder run = runWithProfile();
    String gemm = "sm80_xmma_gemm_f16f16_f16f16_f16_nn_n_tilesize32x32x64_stage6_warpsize2x2x1_tensor16x8x16";
    String inspector = "{\"Layers\": [{\"Name\": \"BoxPredictor_0/ClassPredictor/Conv2D\", \"LayerType\":"
        + " \"CaskGemmConvolution\", \"TacticName\": \"" + gemm + "\"}, {\"Name\": \"Reformat\", \"LayerType\":"
        + " \"Reformat\"}]}";
    java.util.List<org.ssdbench.engine.trt.profile.GpuActivity> traced = java.util.List.of(
        new org.ssdbench.engine.trt.profile.GpuActivity(org.ssdbench.engine.trt.profile.GpuActivity.Type.KERNEL,
            gemm + "_execute_kernel_trt", 0, 30_000, 0),
        new org.ssdbench.engine.trt.profile.GpuActivity(org.ssdbench.engine.trt.profile.GpuActivity.Type.KERNEL,
            "copyPackedKernel", 31_000, 41_000, 0));
    org.ssdbench.engine.trt.profile.LayerCapture.write(run.dir(), "trt-fp16-graph", 1, inspector, traced, 1);
    org.ssdbench.engine.trt.profile.LayerCapture.write(run.dir(), "trt-fp32", 1, "{\"Layers\": 3}", traced, 1);

    new ReportWriter(false).write(run);

    String md = Files.readString(run.report().resolve("report.md"));
    assertThat(md).contains("Per layer, from one traced inference (trt-layers/, every layer in layer-times.csv): 1 of"
        + " the engine's 2 layers name the kernel they launch and take 30.0 of the inference's 40.0 \u00b5s of kernels,"
        + " copies and fills (75%). The rest cannot be told apart by layer, so it is given by kind: reformat / transpose"
        + " / copy kernel 10.0 \u00b5s.");
    assertThat(md).contains("| BoxPredictor_0/ClassPredictor/Conv2D | convolution / GEMM | 30.000 | 75.0% |");
    assertThat(md).contains("Kernels not put on layers: ").contains("trt-fp32-b1.layers.json: no \"Layers\" list");
    assertThat(Files.readAllLines(run.report().resolve("layer-times.csv"))).containsExactly(
        "config,batch,order,layer,layer_type,kernel,kind,us",
        "trt-fp16-graph,1,0,BoxPredictor_0/ClassPredictor/Conv2D,CaskGemmConvolution," + gemm
            + "_execute_kernel_trt,CONVOLUTION,30.000");
  }

  @Test
  void noSectionWithoutAProfile() throws Exception {
    RunFolder run = new RunFolder(Fixtures.copyOfRun("h100-run", dir));
    assertThat(KernelProfileSection.write(org.ssdbench.report.chart.ChartRendering.ofThisJvm(), dir.resolve("out"),
        new org.ssdbench.report.chart.ChartCaption(null, null), run)
        .blocks()).isEmpty();
  }

  @Test
  void saysWhichTypeTheNmsPluginRanIn() {
    java.util.function.Function<String, org.ssdbench.engine.trt.profile.KernelLine> line =
        name -> new org.ssdbench.engine.trt.profile.KernelLine("trt-fp16-graph", 1, name,
            org.ssdbench.engine.trt.profile.KernelKind.NMS, 1, 7, 0.02);
    assertThat(KernelProfileSection.nmsPrecision(java.util.List.of(
        line.apply("_Z18EfficientNMSFilterIfEvN8nvinfer16plugin22EfficientNMSParametersEPKT_PiS6_S6_PS3_S6_"),
        line.apply("_Z12EfficientNMSI6__half9BoxCornerIS0_EEvN8nvinfer16plugin22EfficientNMSParametersEPKiPiS8_S7_"))))
        .contains("FP16");
    assertThat(KernelProfileSection.nmsPrecision(java.util.List.of(
        line.apply("_Z12EfficientNMSIf9BoxCornerIfEEvN8nvinfer16plugin22EfficientNMSParametersEPKiPiS7_S6_"))))
        .contains("FP32");
    assertThat(KernelProfileSection.nmsPrecision(java.util.List.of(line.apply(
        "void nvinfer1::plugin::EfficientNMS<float, nvinfer1::plugin::BoxCorner<float> >(...)")))).contains("FP32");
    assertThat(KernelProfileSection.nmsPrecision(java.util.List.of(line.apply(
        "void nvinfer1::plugin::EfficientNMSFilter<__half>(nvinfer1::plugin::EfficientNMSParameters)")))).isEmpty();
  }

  @Test
  void saysHowMuchOfAnInt8EnginesConvolutionTimeRanInInt8() {
    java.util.function.BiFunction<String, Double, org.ssdbench.engine.trt.profile.KernelLine> line =
        (name, us) -> new org.ssdbench.engine.trt.profile.KernelLine("trt-int8-u8-graph", 1, name,
            org.ssdbench.engine.trt.profile.KernelKind.CONVOLUTION, 1, us, 0.1);
    var lines = java.util.List.of(line.apply("sm80_xmma_fprop_implicit_gemm_interleaved_i8i8_i8i32_f32_nchw", 25.0),
        line.apply("sm80_xmma_fprop_implicit_gemm_f16f16_f16f16_f16_nhwckrsc_nhwc", 75.0));

    assertThat(KernelProfileSection.arithmetic("trt-int8-u8-graph batch 1", lines)).hasValueSatisfying(text ->
        assertThat(text).startsWith("Convolution and GEMM kernels by the arithmetic their names spell: INT8 25.0 \u00b5s"
            + " (25%), FP16 75.0 \u00b5s (75%).").contains("how much of the engine's convolution time ran in INT8"));
    assertThat(KernelProfileSection.arithmetic("trt-fp16-graph batch 1", lines)).hasValueSatisfying(text ->
        assertThat(text).doesNotContain("INT8 build"));
    assertThat(KernelProfileSection.arithmetic("trt-fp16-graph batch 1", java.util.List.of())).isEmpty();
  }
}
