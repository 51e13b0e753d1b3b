package org.ssdbench.engine.trt.profile;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

final class KernelProfileTest {
  private static final String CONV = "sm90_xmma_fprop_implicit_gemm_f16f16_kernel";
  private static final String MYL = "__myl_AddMulRel";

  private static GpuActivity kernel(String name, long start, long end) {
    return new GpuActivity(GpuActivity.Type.KERNEL, name, start, end, 0);
  }

  /** Two inferences of 100 µs each by CUDA events: HtoD 10 µs, conv 40 µs, pointwise 20 µs, DtoH 5 µs. */
  private static List<GpuActivity> twoInferences() {
    List<GpuActivity> all = new ArrayList<>();
    for (long base : new long[] {0, 1_000_000}) {
      all.add(new GpuActivity(GpuActivity.Type.MEMCPY, KernelKind.MEMCPY_HTOD_NAME, base, base + 10_000, 360_000));
      all.add(kernel(CONV, base + 15_000, base + 55_000));
      all.add(kernel(MYL, base + 60_000, base + 80_000));
      all.add(new GpuActivity(GpuActivity.Type.MEMCPY, KernelKind.MEMCPY_DTOH_NAME, base + 90_000, base + 95_000, 4));
    }
    return all;
  }

  @Test
  void givesEachKernelsTimeAndLaunchesPerInferenceAndItsShare() {
    KernelProfile p = KernelProfile.of("trt-fp16-graph", 1, twoInferences(), 2, 100);

    KernelLine conv = p.kernels().get(0);
    assertThat(conv.kernel()).isEqualTo(CONV);
    assertThat(conv.kind()).isEqualTo(KernelKind.CONVOLUTION);
    assertThat(conv.launchesPerInference()).isEqualTo(1.0);
    assertThat(conv.microsPerInference()).isCloseTo(40, within(1e-9));
    assertThat(conv.share()).isCloseTo(40.0 / 75, within(1e-9));
    assertThat(p.kernels()).extracting(KernelLine::kernel)
        .containsExactly(CONV, MYL, KernelKind.MEMCPY_HTOD_NAME, KernelKind.MEMCPY_DTOH_NAME);
    assertThat(p.kernels().stream().mapToDouble(KernelLine::share).sum()).isCloseTo(1, within(1e-9));
  }

  @Test
  void summaryComparesBusyTimeWithTheCudaEventTime() {
    ProfileSummary s = KernelProfile.of("trt-fp16-graph", 1, twoInferences(), 2, 100).summary();
    assertThat(s.kernelMicros()).isCloseTo(60, within(1e-9));
    assertThat(s.copyMicros()).isCloseTo(15, within(1e-9));
    assertThat(s.busyMicros()).isCloseTo(75, within(1e-9));
    assertThat(s.coverage()).isCloseTo(0.75, within(1e-9));
  }

  @Test
  void overlappingWorkOnTwoStreamsCountsOnceInTheBusyTime() {
    List<GpuActivity> overlapping = List.of(
        kernel("a", 0, 100), kernel("b", 50, 150), // overlap: 0..150
        kernel("c", 120, 130), // inside the run above
        kernel("d", 200, 250)); // after a gap
    assertThat(KernelProfile.busyNs(overlapping)).isEqualTo(200);
    assertThat(KernelProfile.busyNs(List.of())).isZero();
    ProfileSummary s = KernelProfile.of("x", 1, overlapping, 1, 0.4).summary();
    assertThat(s.kernelMicros()).isCloseTo(0.26, within(1e-12)); // 260 ns summed, 200 ns busy
    assertThat(s.busyMicros()).isCloseTo(0.2, within(1e-12));
    assertThat(s.coverage()).isCloseTo(0.5, within(1e-12));
  }

  @Test
  void launchesPerInferenceCountEveryLaunchOfAName() {
    List<GpuActivity> twice = List.of(kernel(MYL, 0, 10), kernel(MYL, 20, 30), kernel(MYL, 40, 50));
    assertThat(KernelProfile.of("x", 1, twice, 2, 1).kernels().get(0).launchesPerInference()).isEqualTo(1.5);
  }

  @Test
  void timeByKindClassifiesTheNamesAgain() {
    List<KernelLine> lines = List.of(
        new KernelLine("x", 1, CONV, KernelKind.OTHER, 1, 40, 0.5),
        new KernelLine("x", 1, "sm80_xmma_gemm_kernel", KernelKind.OTHER, 1, 10, 0.1),
        new KernelLine("x", 1, MYL, KernelKind.OTHER, 1, 30, 0.4));
    assertThat(KernelProfile.microsByKind(lines))
        .containsEntry(KernelKind.CONVOLUTION, 50.0).containsEntry(KernelKind.POINTWISE, 30.0).hasSize(2);
  }

  @Test
  void coverageIsUnknownWithoutAnEventTime() {
    assertThat(KernelProfile.of("x", 1, List.of(kernel("a", 0, 10)), 1, 0).summary().coverage()).isNaN();
  }

  @Test
  void refusesRecordsThatEndBeforeTheyStartAndProfilesOfNoInference() {
    assertThatThrownBy(() -> kernel("a", 10, 5)).hasMessageContaining("ends before it starts: start 10 ns, end 5 ns");
    assertThatThrownBy(() -> KernelProfile.of("x", 1, List.of(), 0, 1)).hasMessageContaining("inferences must be >= 1, got 0");
  }

  @Test
  void keepsOnlyTheRecordsInsideTheTimedWindow() {
    List<GpuActivity> all = List.of(kernel("warm-up", 0, 10), kernel("in", 20, 30), kernel("straddles", 35, 45));
    assertThat(CuptiTrace.within(all, 15, 40)).extracting(GpuActivity::name).containsExactly("in");
  }
}
