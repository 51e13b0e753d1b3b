package org.ssdbench.diff;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

final class EngineComparisonTest {
  @TempDir Path dir;

  private static final String HEADER = "config,batch,kernel,kind,launches_per_inference,us_per_inference,share\n";
  private static final String I8 = "sm80_xmma_fprop_implicit_gemm_interleaved_i8i8_i8i32_f32_nchw_vect_c_32kcrs";
  private static final String F16 = "sm80_xmma_fprop_implicit_gemm_f16f16_f16f16_f16_nhwckrsc_nhwc_tilesize128x32x32";
  private static final String NMS = "_Z12EfficientNMSI6__half9BoxCornerIS0_EEvN8nvinfer16plugin22EfficientNMSParameters";

  @Test
  void saysWhenTwoRunsRanDifferentEnginesAndHowTheirArithmeticDiffers() throws IOException {
    Path a = run("a", "trt-int8-u8-graph,1," + I8 + ",CONVOLUTION,13,40.0,0.5\n"
        + "trt-int8-u8-graph,1," + NMS + ",NMS,1,8.0,0.1\n"
        + "trt-fp16-graph,1," + F16 + ",CONVOLUTION,8,30.0,0.8\n");
    Path b = run("b", "trt-int8-u8-graph,1," + I8 + ",CONVOLUTION,3,10.0,0.1\n"
        + "trt-int8-u8-graph,1," + F16 + ",CONVOLUTION,8,30.0,0.5\n"
        + "trt-int8-u8-graph,1," + NMS + ",NMS,1,8.0,0.1\n"
        + "trt-fp16-graph,1," + F16 + ",CONVOLUTION,8,31.0,0.8\n");

    assertThat(EngineComparison.of(a, b)).containsExactly(
        "trt-int8-u8-graph batch 1: different engines: 2 kernels in A, 3 in B, 2 in both (convolution time by"
            + " arithmetic: A INT8 100%; B INT8 25%, FP16 75%); the builds chose different kernels, so this row"
            + " compares the builds as well as the code and the GPU",
        "trt-fp16-graph batch 1: the same 1 kernels (convolution time by arithmetic: A FP16 100%; B FP16 100%)");
  }

  @Test
  void nothingToSayWithoutAKernelProfileOnBothSides() throws IOException {
    Path a = run("a", "trt-fp16-graph,1," + F16 + ",CONVOLUTION,8,30.0,0.8\n");

    assertThat(EngineComparison.of(a, Files.createDirectories(dir.resolve("b")))).isEmpty();
    assertThat(EngineComparison.of(a, run("c", "trt-int8-graph,1," + I8 + ",CONVOLUTION,8,30.0,0.8\n"))).isEmpty();
  }

  private Path run(String name, String rows) throws IOException {
    Path run = Files.createDirectories(dir.resolve(name));
    Files.writeString(run.resolve("trt-kernels.csv"), HEADER + rows);
    return run;
  }
}
