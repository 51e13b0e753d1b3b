package org.ssdbench.report.analysis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.ssdbench.report.analysis.SampleResults.sample;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.ssdbench.report.run.RunLoader;

final class TargetsTest {
  @Test
  void theH200SweepRunAgainstTheTargets() throws IOException {
    List<Targets.Row> rows = Targets.of(new RunLoader().load(Path.of("results/vm-h200-20261204-064421")).results());

    assertThat(rows).extracting(Targets.Row::status).containsExactly(Targets.Status.MISSED,
        Targets.Status.NOT_MEASURED, Targets.Status.MISSED, Targets.Status.MET);
    assertThat(rows.get(0).measured()).startsWith("0.3968 ms (trt-fp16-u8-graph), 95% CI ");
    assertThat(rows.get(2).measured()).startsWith("27,856 (trt-fp16-u8-graph, batch 256), 95% CI 27,815 .. 27,893");
    assertThat(rows.get(3).measured()).startsWith("2.84x (trt-fp16-u8-graph against torch-fp16-graph), 95% CI 2.8");
  }

  @Test
  void aTargetIsMetWhereTheFigureReachesIt() {
    String trt = "org.ssdbench.bench.TensorRtBenchmark.infer";
    List<Targets.Row> rows = Targets.of(List.of(sample(trt, "trt-fp16-graph", "1", 0.35),
        sample(trt, "trt-int8-u8-graph", "1", 0.31)));

    assertThat(rows.get(0).status()).isEqualTo(Targets.Status.MET);
    assertThat(rows.get(1).status()).isEqualTo(Targets.Status.MISSED);
    assertThat(rows.get(1).measured()).startsWith("0.3100 ms (trt-int8-u8-graph)");
  }
}
