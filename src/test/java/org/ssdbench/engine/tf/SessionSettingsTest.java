package org.ssdbench.engine.tf;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.tensorflow.proto.ConfigProto;

final class SessionSettingsTest {
  @Test
  void cpuSettingsHideEveryGpuAndGpuSettingsDoNot() {
    assertThat(SessionSettings.cpu().toConfigProto().getDeviceCountMap()).containsEntry("GPU", 0);
    assertThat(SessionSettings.gpu().toConfigProto().getDeviceCountMap()).doesNotContainKey("GPU");
  }

  @Test
  void everySessionHasSoftPlacementAndGrowsGpuMemoryOnDemand() {
    for (SessionSettings s : new SessionSettings[] {SessionSettings.cpu(), SessionSettings.gpu()}) {
      ConfigProto config = s.toConfigProto();
      assertThat(config.getAllowSoftPlacement()).isTrue();
      assertThat(config.getGpuOptions().getAllowGrowth()).isTrue();
    }
  }

  @Test
  void threadPoolsAreRecordedAsConfigured() {
    SessionSettings s = new SessionSettings(true, true, 8, 2);
    assertThat(s.toConfigProto().getIntraOpParallelismThreads()).isEqualTo(8);
    assertThat(s.toConfigProto().getInterOpParallelismThreads()).isEqualTo(2);
    assertThat(s.describeThreads()).startsWith("intra-op 8, inter-op 2");
  }

  @Test
  void negativeThreadCountsAreRefusedWithTheValues() {
    assertThatThrownBy(() -> new SessionSettings(true, true, -1, 0))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("intra=-1");
  }
}
