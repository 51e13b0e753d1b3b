package org.ssdbench.report.analysis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.api.Test;
import org.ssdbench.report.jmh.JmhJsonReader;

final class PerOpTest {
  @Test
  void comparesHostFedWithHostFedWhateverOrderTheCpuVariantsComeIn() throws Exception {
    // Conv2D 1x10x10x1280 * 3x3x1280x546 on the H100 machine: CPU host-fed 2910.7 us, device-resident 1517.2 us;
    // GPU host-fed 2751.4 us, device-resident 336.5 us.
    Path file = Path.of(PerOpTest.class.getResource("/jmh/ops-conv2d-h100.json").toURI());
    OpTiming conv = PerOp.timings(new JmhJsonReader().read(file)).get(0);
    assertThat(conv.op()).isEqualTo("Conv2D");
    assertThat(conv.cpuMicros()).isCloseTo(2910.65, within(0.01));
    assertThat(conv.gpuHostFedMicros()).isCloseTo(2751.37, within(0.01));
    assertThat(conv.gpuDeviceResidentMicros()).isCloseTo(336.51, within(0.01));
    assertThat(conv.cpuOverGpuHostFed()).isCloseTo(1.058, within(0.001));
  }

  @Test
  void noRatioBetweenTimesNotToldApartFromZero() {
    // GatherV2 on empty tensors on an H200, net of its control: 0.96 +- 4.29 us on the CPU, 2.38 +- 7.63 us on the GPU
    OpTiming empty = new OpTiming("GatherV2", "gatherv2:0*0.i32/axis0", 0.96, 2.38, Double.NaN, 4.29, 7.63, Double.NaN, true);
    assertThat(empty.cpuOverGpuHostFed()).isNaN();
    // Select on 100 elements: 5.16 +- 3.94 against 22.37 +- 8.26: both above zero beyond their intervals
    OpTiming select = new OpTiming("Select", "select:100.bool*100^2", 5.16, 22.37, Double.NaN, 3.94, 8.26, Double.NaN, true);
    assertThat(select.cpuOverGpuHostFed()).isCloseTo(0.2307, within(1e-4));
    assertThat(select.cpuOverGpuDeviceResident()).isNaN();
    // no interval known (whole calls of an old run): the ratio stands
    assertThat(new OpTiming("Conv2D", "", 300, 100, 50, Double.NaN, Double.NaN, Double.NaN, false).cpuOverGpuDeviceResident())
        .isCloseTo(6.0, within(1e-9));
  }

  @Test
  void subtractsTheControlMeasuredInTheSameRunAndCombinesTheUncertainties(@TempDir Path dir) throws Exception {
    Path file = dir.resolve("jmh-ops.json");
    Files.writeString(file, "[" + String.join(",",
        result("cpu", "host-fed", "op", 50, 49, 51),
        result("cpu", "host-fed", "control", 30, 29, 31),
        result("gpu", "host-fed", "op", 40, 39, 41),
        result("gpu", "host-fed", "control", 60, 59, 61)) + "]");

    OpTiming t = PerOp.timings(new JmhJsonReader().read(file)).get(0);

    assertThat(t.controlSubtracted()).isTrue();
    assertThat(t.cpuMicros()).isCloseTo(20, within(1e-9));
    // each side: sd 1 of 3 scores, t(0.975, 2) / sqrt(3) = 2.484; combined in quadrature: 3.513
    assertThat(t.cpuHalfWidth()).isCloseTo(3.513, within(0.001));
    assertThat(t.gpuHostFedMicros()).as("control 20 us slower than the call: no net time, never a negative one").isNaN();
  }

  private static String result(String device, String variant, String graph, double... scores) {
    return """
        {"jmhVersion":"1.37","benchmark":"org.ssdbench.bench.OpBenchmark.gatherV2","mode":"avgt","threads":1,"forks":1,
         "warmupIterations":1,"measurementIterations":3,
         "params":{"op":"GatherV2","signature":"gatherv2:1917x4*1917.i32/axis0","device":"%s","variant":"%s","graph":"%s"},
         "primaryMetric":{"score":%s,"scoreError":"NaN","scoreConfidence":["NaN","NaN"],"scorePercentiles":{},
          "scoreUnit":"us/op","rawData":[[%s,%s,%s]]},"secondaryMetrics":{}}"""
        .formatted(device, variant, graph, scores[0], scores[0], scores[1], scores[2]);
  }
}
