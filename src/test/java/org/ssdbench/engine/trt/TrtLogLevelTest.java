package org.ssdbench.engine.trt;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class TrtLogLevelTest {
  @Test
  void readsTheSeverityNamesTheLevelPropertyAccepts() {
    assertThat(TrtLogLevel.parse("info")).isEqualTo(3);
    assertThat(TrtLogLevel.parse(" Verbose ")).isEqualTo(4);
    assertThatThrownBy(() -> TrtLogLevel.parse("loud"))
        .hasMessageContaining("-Dssdbench.trt.log=loud").hasMessageContaining("error, warning, info or verbose");
  }
}
