package org.ssdbench.engine.tf;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

final class CudaLibrariesTest {
  @Test
  void withoutTheRedistJarsTheSystemLibrariesAreUsedAndSaidSo() {
    Assumptions.assumeFalse(CudaLibraries.redistJarsPresent(), "built with -Predist");
    CudaLibraries.preload();
    CudaLibraries.preload();
    assertThat(CudaLibraries.report()).containsExactly(
        "CUDA libraries: from the system (no redist jars on the class path)");
  }
}
