package org.ssdbench.engine.trt.profile;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Kernel names as TensorRT 10.6 launched them on an H200 (results/vm-h200-20261204-050852/trt-kernels.csv). */
final class KernelArithmeticTest {
  @Test
  void readsTheOperandTypesTheNamesSpell() {
    assertThat(KernelArithmetic.of("sm80_xmma_fprop_implicit_gemm_interleaved_i8i8_i8i32_f32_nchw_vect_c_32kcrs_vect_c_32"
        + "_nchw_vect_c_32_tilesize32x32x64_stage6_warpsize2x1x1_g1_tensor16x8x32_simple_t1r1s1_execute_kernel_trt"))
        .isEqualTo(KernelArithmetic.INT8);
    assertThat(KernelArithmetic.of("sm90_xmma_fprop_implicit_gemm_i8f32_i8i32_f32_nchw_vect_c_32kcrs_vect_c_32_nchw_"
        + "tilesize64x64x128_cgasize1x1x1_warpgroupsize1x1x1_g1_alignc4_execute_segment_k_off_kernel_trt"))
        .isEqualTo(KernelArithmetic.INT8);
    assertThat(KernelArithmetic.of("sm72_xmma_convolution_depthwiseSdcrr_INT8NCxHW32_R3_S3_U1_V1_ReusePRMT_InnerLoop4"))
        .isEqualTo(KernelArithmetic.INT8);
    assertThat(KernelArithmetic.of("sm80_xmma_fprop_implicit_gemm_f16f16_f16f16_f16_nhwckrsc_nhwc_tilesize128x32x32"))
        .isEqualTo(KernelArithmetic.FP16);
    assertThat(KernelArithmetic.of("sm50_xmma_convolution_depthwiseHMMA_FP16NHWCx8_TR3_TS3_STRIDEH1_STRIDEW1"))
        .isEqualTo(KernelArithmetic.FP16);
    assertThat(KernelArithmetic.of("sm80_xmma_gemm_f32f32_f32f32_f32_nn_n_tilesize32x32x8_stage3_warpsize1x2x1_ffma"))
        .isEqualTo(KernelArithmetic.FP32);
    assertThat(KernelArithmetic.of("sm50_xmma_conv_fprop_fused_conv_act_fp32_NCHW_fp32_NCHW_KCRS_fp32_fp32_fp32_Accfloat"))
        .isEqualTo(KernelArithmetic.FP32);
    assertThat(KernelArithmetic.of("sm72_trt_dep_sep_conv_turing_CONFIG_13_32x256x32_stride_2_execute_kernel_trt"))
        .isEqualTo(KernelArithmetic.NOT_NAMED);
  }

  @Test
  void addsUpConvolutionAndGemmKernelsOnly() {
    List<KernelLine> lines = List.of(
        line("sm80_xmma_fprop_implicit_gemm_interleaved_i8i8_i8i32_f32_nchw", KernelKind.CONVOLUTION, 40.0),
        line("sm72_xmma_convolution_depthwiseSdcrr_INT8NCxHW32_R3_S3", KernelKind.DEPTHWISE_CONVOLUTION, 10.0),
        line("sm80_xmma_fprop_implicit_gemm_f16f16_f16f16_f16_nhwckrsc", KernelKind.CONVOLUTION, 30.0),
        line("_ZN15genericReformat16copyPackedKernelI6__halfS1_", KernelKind.REFORMAT, 20.0),
        line("_Z12EfficientNMSI6__half9BoxCornerIS0_EE", KernelKind.NMS, 8.0));

    Map<KernelArithmetic, Double> byArithmetic = KernelArithmetic.microsByArithmetic(lines);

    assertThat(byArithmetic).containsExactly(Map.entry(KernelArithmetic.INT8, 50.0), Map.entry(KernelArithmetic.FP16, 30.0));
  }

  private static KernelLine line(String kernel, KernelKind kind, double micros) {
    return new KernelLine("trt-int8-u8-graph", 1, kernel, kind, 1, micros, 0.1);
  }
}
