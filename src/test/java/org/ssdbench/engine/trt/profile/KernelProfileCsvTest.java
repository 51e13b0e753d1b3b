package org.ssdbench.engine.trt.profile;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

final class KernelProfileCsvTest {
  @TempDir Path run;

  private static KernelProfile profile(String config, long convNs) {
    return KernelProfile.of(config, 1, List.of(
        new GpuActivity(GpuActivity.Type.KERNEL, "void f<float, 4>(int, \"quoted\")", 0, convNs, 0),
        new GpuActivity(GpuActivity.Type.MEMCPY, KernelKind.MEMCPY_HTOD_NAME, convNs, convNs + 1000, 64)), 1, 430);
  }

  @Test
  void roundTripsKernelsAndSummaryWithCommasAndQuotesInNames() throws Exception {
    KernelProfileCsv.write(run, profile("trt-fp16-graph", 4000));

    List<KernelLine> kernels = KernelProfileCsv.readKernels(run.resolve(KernelProfileCsv.KERNELS));
    assertThat(kernels).hasSize(2);
    assertThat(kernels.get(0).kernel()).isEqualTo("void f<float, 4>(int, \"quoted\")");
    assertThat(kernels.get(0).microsPerInference()).isCloseTo(4, within(1e-4));
    assertThat(kernels.get(1).kind()).isEqualTo(KernelKind.MEMCPY_HTOD);
    List<ProfileSummary> summaries = KernelProfileCsv.readSummaries(run.resolve(KernelProfileCsv.SUMMARY));
    assertThat(summaries).singleElement().satisfies(s -> {
      assertThat(s.config()).isEqualTo("trt-fp16-graph");
      assertThat(s.eventMicros()).isEqualTo(430);
      assertThat(s.busyMicros()).isCloseTo(5, within(1e-4));
      assertThat(s.coverage()).isCloseTo(5 / 430.0, within(1e-6));
    });
    assertThat(Files.readString(run.resolve(KernelProfileCsv.SUMMARY)))
        .startsWith("config,batch,inferences,event_us_per_inference,busy_us_per_inference,kernel_us,copy_us,coverage\n");
  }

  @Test
  void aSecondProfileOfTheSameConfigReplacesItsLinesAndKeepsTheOthers() throws Exception {
    KernelProfileCsv.write(run, profile("trt-fp16-graph", 4000));
    KernelProfileCsv.write(run, profile("trt-fp32", 9000));
    KernelProfileCsv.write(run, profile("trt-fp16-graph", 2000));

    List<KernelLine> kernels = KernelProfileCsv.readKernels(run.resolve(KernelProfileCsv.KERNELS));
    assertThat(kernels).extracting(KernelLine::config)
        .containsExactly("trt-fp32", "trt-fp32", "trt-fp16-graph", "trt-fp16-graph");
    assertThat(kernels.get(2).microsPerInference()).isCloseTo(2, within(1e-4));
    assertThat(KernelProfileCsv.readSummaries(run.resolve(KernelProfileCsv.SUMMARY))).hasSize(2);
  }

  @Test
  void refusesAFileWithoutTheColumns() throws Exception {
    Path file = Files.writeString(run.resolve(KernelProfileCsv.KERNELS), "config,batch\ntrt-fp16,1\n");
    assertThatThrownBy(() -> KernelProfileCsv.readKernels(file)).hasMessageContaining("expected [config, batch, kernel");
  }
}
