package org.ssdbench.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.ssdbench.engine.trt.Precision;
import org.ssdbench.engine.trt.TrtInferenceEngine;
import org.ssdbench.report.analysis.Ladder;
import picocli.CommandLine;

/** What a plain run times in TensorRT: the ladder from the article's step 2, one change a step, three cold builds. */
final class RunDefaultTrtConfigsTest {
  private static List<String> defaults() {
    RunCommand run = new RunCommand();
    new CommandLine(run).parseArgs();
    return run.trtConfigs;
  }

  @Test
  void theDefaultsWalkTheLadderFromTheArticlesStepTwoAndTimeInt8WithAndWithoutACudaGraph() {
    List<String> onTheLadder = defaults().stream().filter(c -> !c.equals("trt-int8")).toList();
    assertThat(defaults()).startsWith("trt-fp32").contains("trt-int8", "trt-int8-graph");
    assertThat(Ladder.PATH).containsSubsequence(onTheLadder);
  }

  @Test
  void theyNeedOneColdBuildPerPrecisionAndIncludeInt8() {
    List<TrtInferenceEngine.Config> configs = defaults().stream().map(c -> TrtInferenceEngine.Config.parse(c, 1))
        .toList();
    assertThat(configs.stream().map(TrtInferenceEngine.Config::precision).distinct())
        .containsExactly(Precision.FP32, Precision.FP16, Precision.INT8);
    assertThat(configs).allSatisfy(c -> assertThat(c.name()).isIn(defaults()));
  }
}
