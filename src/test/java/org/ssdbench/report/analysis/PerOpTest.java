package org.ssdbench.report.analysis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.nio.file.Path;
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
}
