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
}
