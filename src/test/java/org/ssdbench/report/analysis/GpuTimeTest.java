package org.ssdbench.report.analysis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.net.URISyntaxException;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.ssdbench.report.jmh.BenchmarkResult;
import org.ssdbench.report.jmh.JmhJsonReader;

final class GpuTimeTest {
  /** trt-fp16 on the H100, as TensorRtBenchmark wrote it: CUDA-event time summed per iteration with the call count. */
  private static BenchmarkResult trtFp16() throws Exception {
    return new JmhJsonReader().read(resource("/jmh/trt-fp16-h100.json")).get(0);
  }

  private static Path resource(String name) throws URISyntaxException {
    return Path.of(GpuTimeTest.class.getResource(name).toURI());
  }

  @Test
  void readsTheMeanPerCallFromTheTensorRtBenchmarksEventCounters() throws Exception {
    var gpu = GpuTime.of(trtFp16()).orElseThrow();
    assertThat(gpu.getValue().unit()).isEqualTo("us/op");
    assertThat(gpu.getValue().score()).isCloseTo(14680749.53687191 / 20057.0, within(1e-6));
  }

  @Test
  void theGpuTimeIsBelowTheHostSampledTimeItIsPartOf() throws Exception {
    BenchmarkResult r = trtFp16();
    assertThat(GpuTime.of(r).orElseThrow().getValue().score()).isLessThan(r.primary().score());
  }
}
