package org.ssdbench.engine.trt.profile;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

final class KernelKindTest {
  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
      "sm90_xmma_fprop_implicit_gemm_f16f16_f16f16_f16_nhwckrsc_nhwc_tilesize128x64x64_warpgroupsize1x1x1_execute_segment_k_off_kernel__5x_cublas | CONVOLUTION",
      "sm80_xmma_fprop_implicit_gemm_indexed_f16f16_f16f16_f16_nhwckrsc_nhwc_tilesize64x64x64_stage4_warpsize2x2x1_g1_tensor16x8x16_kernel | CONVOLUTION",
      "trt_ampere_scudnn_128x64_relu_small_nn_v1 | CONVOLUTION",
      "sm80_xmma_gemm_f16f16_f16f32_f32_nn_n_tilesize96x64x32_stage3_warpsize2x2x1_tensor16x8x16_kernel | CONVOLUTION",
      "void cuDepthwise::depthwiseConvFP16Kernel<3, 3, 1, 1, 1, 1, 0, __half>(cuDepthwise::DepthwiseConvParams, __half const*, __half const*, __half*) | DEPTHWISE_CONVOLUTION",
      "sm86_xmma_fprop_group_f16f16_f16_f16_f16_nhwckrsc_nhwc_tilesize32x32x64_stage1_warpsize2x1x1_g16_tensor16x8x16_kernel | DEPTHWISE_CONVOLUTION",
      "__myl_bb0_2_AddMulRelCas_com_vec | POINTWISE",
      "void generatedNativePointwise<(int)1>(tensorrt::PointWiseParams) | POINTWISE",
      "void nvinfer1::plugin::EfficientNMSFilter<__half>(nvinfer1::plugin::EfficientNMSParameters, __half const*, int*, __half*) | NMS",
      "void cub::DeviceSegmentedRadixSortKernel<cub::DeviceRadixSortPolicy<float, int, int>::Policy800, false, true, float, int, int const*, int> | NMS",
      "void genericReformat::copyPackedKernel<float, __half, true, true, genericReformat::IdentityCoordMapper<4>, 4>(unsigned int, unsigned int, void const*, genericReformat::ArrayN<4>) | REFORMAT",
      "void nchwToNhwcKernel<__half, __half, float, true, false, 0>(int, int, int, int, __half const*, __half*, float, float) | REFORMAT",
      "memcpy HtoD | MEMCPY_HTOD",
      "memcpy DtoH | MEMCPY_DTOH",
      "memcpy DtoD | MEMCPY_OTHER",
      "memset | MEMSET",
      "void splitKreduce_kernel<32, 16, int, float, float, float> | OTHER"})
  void classifiesRealisticTensorRtKernelNames(String name, KernelKind expected) {
    assertThat(KernelKind.of(name)).isEqualTo(expected);
  }

  @ParameterizedTest
  @CsvSource({"memcpy HtoD, true", "memset, true", "__myl_AddMul, false"})
  void copiesAndFillsAreNotKernels(String name, boolean copy) {
    assertThat(KernelKind.of(name).isCopy()).isEqualTo(copy);
  }

  /** Names as CUPTI reported them for the FP16 and INT8 engines on an H200 (trt-kernels.csv of the 2026-12-03 runs). */
  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
      "sm90_xmma_fprop_implicit_gemm_i8f32_i8i32_f32_nchw_vect_c_32kcrs_vect_c_32_nchw_tilesize64x64x128_cgasize1x1x1_warpgroupsize1x1x1_g1_alignc4_execute_segment_k_off_kernel_trt | CONVOLUTION",
      "sm50_xmma_fprop_conv3d_c1_k1_f16f16_f16_f16_ndhwcktrsc_ndhwc_tilesize64x16_threadsize64x2_general_alignC8_execute_kernel_trt | CONVOLUTION",
      "sm70_xmma_gemm_as_conv1x1_f16f16_f16_f16_tn_n_simt_small_batch_bias_relu_exec_conv1x1_kernel_3_kernel_trt | CONVOLUTION",
      "sm50_xmma_convolution_depthwiseHMMA_FP16NHWCx8_TR3_TS3_STRIDEH1_STRIDEW1_execute_kernel_trt | DEPTHWISE_CONVOLUTION",
      "sm72_xmma_convolution_depthwiseSdcrr_INT8NCxHW32_R3_S3_U2_V2_InnerLoop5_CtaSize64_ThrdOuterLoop1_CVecSplit4_execute_kernel_trt | DEPTHWISE_CONVOLUTION",
      "_Z12EfficientNMSI6__half9BoxCornerIS0_EEvN8nvinfer16plugin22EfficientNMSParametersEPKiPiS8_S7_PKT_S7_S7_PKT0_S | NMS",
      "_ZN3cub29CUB_200500_750_800_860_900_NS30DeviceSegmentedRadixSortKernelINS0_21DeviceRadixSortPolicyIfiiE9Policy900E | NMS",
      "__myl_CasMulAddTra_0x077ee8e77e352edd19d0c671b77f0e2e | POINTWISE",
      "_ZN15genericReformat20copyVectorizedKernelId6__halffLb1ELb0ELi1EEEvjPKvNS_6ArrayNIXT4_EEENS_25ArrayNWithReduce | REFORMAT"})
  void classifiesTheNamesSeenOnAnH200(String name, KernelKind expected) {
    assertThat(KernelKind.of(name)).isEqualTo(expected);
  }
}
