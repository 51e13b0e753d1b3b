package org.ssdbench.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

final class SummaryTest {
  private static final String RUN = "model=generated image=synthetic scoreThreshold=0.3 batch=1";
  private static final String OTHER = "model=generated image=synthetic scoreThreshold=1.0E-8 batch=1";

  @Test
  void aRatioIsFormedOnlyBetweenResultsOfTheSameWorkloadAndTheSummarySaysWhyOneIsMissing() {
    Summary s = new Summary(List.of(
        new Summary.Row("tf-gpu", 1, 20, 30, 100, "ms/op", RUN),
        new Summary.Row("trt-fp16", 1, 0.5, 0.6, 100, "ms/op", RUN),
        new Summary.Row("trt-fp32", 1, 1.0, 1.2, 100, "ms/op", OTHER),
        new Summary.Row("tf-cpu", 8, 100, 120, 100, "ms/op", RUN.replace("batch=1", "batch=8"))));

    assertThat(s.speedupOverBaseline(s.rows().get(1))).hasValue(40.0);
    assertThat(s.speedupOverBaseline(s.rows().get(2))).isEmpty();
    assertThat(s.whyNoRatio(s.rows().get(2))).hasValueSatisfying(why -> assertThat(why).contains("tf-gpu timed other work"));
    assertThat(s.whyNoRatio(s.rows().get(3))).hasValue("no tf-gpu result at batch 8");

    ByteArrayOutputStream out = new ByteArrayOutputStream();
    s.print(new PrintStream(out, true, StandardCharsets.UTF_8));
    assertThat(out.toString(StandardCharsets.UTF_8)).contains("40.00x").contains("no ratio for trt-fp32 at batch 1");
  }
}
