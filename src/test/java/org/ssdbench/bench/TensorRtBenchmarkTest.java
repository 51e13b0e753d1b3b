package org.ssdbench.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeFalse;

import org.junit.jupiter.api.Test;
import org.ssdbench.engine.trt.Precision;
import org.ssdbench.engine.trt.TensorRtAvailability;
import org.ssdbench.engine.trt.TrtInferenceEngine;
import org.ssdbench.engine.trt.TrtNetworkBuilder;

final class TensorRtBenchmarkTest {
  @Test
  void setupFailsFastNamingWhatIsMissingWithoutTensorRt() {
    assumeFalse(TensorRtAvailability.check().isEmpty(), "TensorRT is available here");
    TensorRtBenchmark bench = new TensorRtBenchmark();
    bench.config = "trt-fp16-graph";
    bench.batch = 1;
    bench.model = "generated";
    assertThatThrownBy(bench::setUp)
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("TensorRT benchmark cannot run")
        .hasMessageContaining(TensorRtAvailability.check());
  }

  @Test
  void theTwoInFlightBenchmarkFailsFastTheSameWayWithoutTensorRt() {
    assumeFalse(TensorRtAvailability.check().isEmpty(), "TensorRT is available here");
    TensorRtTwoInFlightBenchmark bench = new TensorRtTwoInFlightBenchmark();
    bench.config = "trt-fp16-u8-graph";
    bench.batch = 256;
    bench.model = "generated";
    assertThatThrownBy(bench::setUp)
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("TensorRT benchmark cannot run")
        .hasMessageContaining(TensorRtAvailability.check());
    bench.tearDown(); // nothing opened: nothing to drain or close
  }

  @Test
  void parsesEveryBenchmarkConfig() {
    var c = TrtInferenceEngine.Config.parse("trt-int8-graph", 4);
    assertThat(c.precision()).isEqualTo(Precision.INT8);
    assertThat(c.cudaGraph()).isTrue();
    assertThat(c.batch()).isEqualTo(4);
    assertThat(c.name()).isEqualTo("trt-int8-graph");
    assertThat(TrtInferenceEngine.Config.parse("trt-fp32", 1).cudaGraph()).isFalse();
  }

  @Test
  void keepsTensorRtsDefaultBuilderLevelAndRejectsOneOutOfRange() {
    assertThat(TrtInferenceEngine.Config.parse("trt-fp16", 1).builderLevel())
        .isEqualTo(TrtNetworkBuilder.Options.DEFAULT_LEVEL);
    assertThatThrownBy(() -> new TrtInferenceEngine.Config(Precision.FP16, 1, false, null, true, 6))
        .hasMessageContaining("must be 0 to 5, got 6");
  }

  @Test
  void rejectsAnUnknownConfigListingTheValidOnes() {
    assertThatThrownBy(() -> TrtInferenceEngine.Config.parse("trt-fp64", 1))
        .hasMessageContaining("Unknown precision 'fp64'").hasMessageContaining("fp32, fp16, int8");
    assertThatThrownBy(() -> TrtInferenceEngine.Config.parse("tf-gpu", 1))
        .hasMessageContaining("Unknown TensorRT config 'tf-gpu'").hasMessageContaining("trt-fp16-graph");
  }

  @Test
  void jmhSetsUpOneBenchmarkStatePerTrialSoOnlyOneEngineIsBuiltAndItsGpuTimesAreTheOnesRead() throws Exception {
    Class<?> generated = Class.forName("org.ssdbench.bench.jmh_generated.TensorRtBenchmark_infer_jmhTest");
    long states = java.util.Arrays.stream(generated.getDeclaredFields())
        .filter(f -> f.getType().getSimpleName().equals("TensorRtBenchmark_jmhType")).count();
    assertThat(states).isEqualTo(1);
  }

  @Test
  void gpuTimeOfAWarmUpIterationIsCountedForItsIterationButDroppedFromThePercentiles() {
    var times = new org.ssdbench.engine.trt.GpuTimes();
    var gpu = new TensorRtBenchmark.GpuTime();
    times.startIteration();
    times.add(2f);
    gpu.record(times, true);
    assertThat(gpu.gpuCalls).isEqualTo(1);
    assertThat(gpu.gpuMicrosSum).isEqualTo(2000.0);
    assertThat(times.kept()).isZero();
    times.startIteration();
    times.add(0.5f);
    times.add(0.5f);
    gpu.record(times, false);
    assertThat(gpu.gpuCalls).isEqualTo(2);
    assertThat(times.kept()).isEqualTo(2);
    assertThat(times.percentile(50)).isEqualTo(0.5);
  }
}
