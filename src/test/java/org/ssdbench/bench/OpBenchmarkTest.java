package org.ssdbench.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Collection;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.options.Options;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.openjdk.jmh.runner.options.TimeValue;
import org.ssdbench.ops.DefaultSignatures;

final class OpBenchmarkTest {
  @Test
  void shortJmhRunOfOneCpuOpGivesATimePerCallAndOneForItsControlWithTheirParams() throws Exception {
    Options options = new OptionsBuilder()
        .include(OpBenchmark.class.getName() + ".maximum$")
        .param("device", "cpu")
        .param("variant", "device-resident")
        .forks(0)
        .warmupIterations(1).warmupTime(TimeValue.milliseconds(300))
        .measurementIterations(2).measurementTime(TimeValue.milliseconds(300))
        .timeUnit(TimeUnit.MICROSECONDS)
        .shouldFailOnError(true)
        .build();
    Collection<RunResult> results = new Runner(options).run();
    assertThat(results).hasSize(2);
    assertThat(results).extracting(r -> r.getParams().getParam("graph")).containsExactlyInAnyOrder("op", "control");
    assertThat(results).allSatisfy(r -> {
      assertThat(r.getParams().getParam("op")).isEqualTo("Maximum");
      assertThat(r.getParams().getParam("signature")).isEqualTo(DefaultSignatures.MAXIMUM_1);
      assertThat(r.getPrimaryResult().getScore()).isPositive().isLessThan(10_000);
      assertThat(r.getPrimaryResult().getScoreUnit()).isEqualTo("us/op");
    });
  }
}
