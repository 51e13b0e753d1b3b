package org.ssdbench.ops;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;

final class SingleOpSessionTest {
  @ParameterizedTest
  @ValueSource(strings = {
    "conv2d:1x19x19x96*1x1x96x576/s1/SAME",
    "conv2d:1x10x10x128*3x3x128x24/s2/VALID",
    "depthwise:1x38x38x192*3x3x192x1/s2/SAME",
    "gatherv2:1917x4*1917.i32/axis0",
    "gatherv2:1917*37.i32/axis0",
    "concatv2:1917x1^4/axis1",
    "select:1917.bool*1917*1917",
    "selectv2:1917x1.bool*1917x4*scalar",
    "select:1917.bool*1917x4*1917x4",
    "nmsv3:1917x4*1917/max100/iou0.6/score1E-8",
    "nmsv2:500x4*500/max100/iou0.6",
    "nmsv4:500x4*500/max100/iou0.6/score0.3/pad1",
    "nmsv5:500x4*500/max100/iou0.6/score0.3/sigma0",
    "where:1917.bool/n700",
    "minimum:1917*scalar",
    "maximum:scalar.i32*scalar.i32",
    "reshape:1x19x19x12/to1x1083x1x4",
    "topkv2:9000/k100",
  })
  void buildsAndRunsOnceOnTheCpuInBothVariantsWithTheExpectedShape(String id) {
    OpSignature s = OpSignature.parse(id);
    for (Variant variant : Variant.values()) {
      try (SingleOpSession op = SingleOpSession.open(s, OpDevice.CPU, variant)) {
        assertThat(op.placedOn()).endsWith("/device:CPU:0");
        assertThat(op.run()).isPositive();
        long[] expected = s.kind().expectedOutput(s);
        assertThat(op.outputShape()).hasSize(expected.length);
        if (!s.kind().isNonMaxSuppression() || s.attr("pad").isPresent()) {
          assertThat(op.outputShape()).containsExactly(expected);
        }
        assertThat(op.offDevice()).isEmpty();
      }
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {
    "conv2d:1x19x19x96*1x1x96x576/s1/SAME",
    "gatherv2:1917x4*1917.i32/axis0",
    "select:1917.bool*1917*1917",
    "nmsv3:1917x4*1917/max100/iou0.6/score1E-8",
    "where:1917.bool/n700",
    "topkv2:9000/k100",
  })
  void controlFeedsAndFetchesWhatTheOpDoesThroughAGraphThatDoesNoWork(String id) {
    OpSignature s = OpSignature.parse(id);
    for (Variant variant : Variant.values()) {
      try (SingleOpSession op = SingleOpSession.open(s, OpDevice.CPU, variant);
          SingleOpSession control = SingleOpSession.openControl(s, OpDevice.CPU, variant)) {
        assertThat(control.graph().control()).isTrue();
        assertThat(control.graph().feeds()).isEqualTo(op.graph().feeds());
        assertThat(control.fetchedSpecs()).isEqualTo(op.fetchedSpecs());
        assertThat(control.graph().graph().getNodeList())
            .extracting(n -> n.getOp())
            .isSubsetOf("Placeholder", "Const", "Identity");
        assertThat(control.run()).isEqualTo(op.run());
        assertThat(control.describe()).startsWith("control of " + s.id());
      }
    }
  }

  @Test
  void nmsOnClusteredBoxesSuppressesSomeButKeepsUpToMax() {
    OpSignature s = OpSignature.parse("nmsv3:1917x4*1917/max100/iou0.6/score1E-8");
    try (SingleOpSession op = SingleOpSession.open(s, OpDevice.CPU, Variant.HOST_FED)) {
      assertThat(op.outputShape()[0]).isBetween(1L, 100L);
    }
    OpSignature many = OpSignature.parse("nmsv3:1917x4*1917/max1917/iou0.6/score1E-8");
    try (SingleOpSession op = SingleOpSession.open(many, OpDevice.CPU, Variant.HOST_FED)) {
      assertThat(op.outputShape()[0]).as("clusters overlap, so NMS drops boxes").isLessThan(1917L).isGreaterThan(50L);
    }
  }

  @ParameterizedTest
  @EnumSource(Variant.class)
  void deviceResidentSendsOnlyAScalarAndHostFedFetchesTheOutput(Variant variant) {
    OpSignature s = OpSignature.parse("gatherv2:1917x4*1917.i32/axis0");
    try (SingleOpSession op = SingleOpSession.open(s, OpDevice.CPU, variant)) {
      long bytes = op.run();
      assertThat(bytes).isEqualTo(variant == Variant.HOST_FED ? 1917 * 4 * 4 : 4);
      assertThat(op.describe()).contains(variant.param()).contains("[1917, 4]");
    }
  }

  @Test
  void refusesAGpuRunWithoutAGpuAndSaysWhy() {
    org.junit.jupiter.api.Assumptions.assumeFalse(org.ssdbench.engine.tf.TfDevices.hasGpu(), "this machine has a GPU");
    OpSignature s = OpSignature.parse("minimum:1917*scalar");
    assertThatThrownBy(() -> SingleOpSession.open(s, OpDevice.GPU, Variant.HOST_FED))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("device=gpu")
        .hasMessageContaining("minimum:1917*scalar")
        .hasMessageContaining("found no GPU");
  }

  @Test
  void runAfterCloseFailsNamingTheSignature() {
    OpSignature s = OpSignature.parse("minimum:1917*scalar");
    SingleOpSession op = SingleOpSession.open(s, OpDevice.CPU, Variant.HOST_FED);
    op.close();
    op.close();
    assertThatThrownBy(op::run).isInstanceOf(IllegalStateException.class).hasMessageContaining("minimum:1917*scalar");
  }
}
