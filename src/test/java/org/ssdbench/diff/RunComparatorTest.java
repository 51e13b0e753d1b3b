package org.ssdbench.diff;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.ssdbench.testing.Fixtures.resource;

import java.io.IOException;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.ssdbench.report.jmh.HistogramBin;
import org.ssdbench.report.jmh.Metric;
import org.ssdbench.report.run.RunData;
import org.ssdbench.report.run.RunLoader;

final class RunComparatorTest {
  private static RunData h100;
  private static RunData h200;

  @BeforeAll
  static void load() throws IOException {
    h100 = new RunLoader().load(resource("runs/h100-run"));
    h200 = new RunLoader().load(resource("runs/h200-run"));
  }

  @Test
  void findsTheFasterConfigurationsAndCallsTheRestUnchanged() {
    List<Comparison> diff = new RunComparator(0.02).compare(h100, "H100", h200, "H200");

    assertThat(diff).hasSize(h100.results().size());
    Comparison tfGpu = find(diff, Map.of("batch", "1", "config", "tf-gpu"));
    assertThat(tfGpu.change()).isEqualTo(Change.FASTER);
    assertThat(tfGpu.ratio()).isBetween(0.88, 0.98);
    assertThat(tfGpu.ciLow()).isLessThan(tfGpu.ratio());
    assertThat(tfGpu.ciHigh()).isGreaterThan(tfGpu.ratio()).isLessThan(1.0);
    assertThat(tfGpu.pValue()).isLessThan(0.05);
    assertThat(tfGpu.baselineSamples()).isEqualTo(240);
    Comparison tfCpu = find(diff, Map.of("batch", "1", "config", "tf-cpu"));
    assertThat(tfCpu.change()).isEqualTo(Change.SAME);
  }

  @Test
  void callsADifferenceBelowTheThresholdUnchanged() {
    List<Comparison> diff = new RunComparator(0.5).compare(h100, "H100", h200, "H200");

    assertThat(diff).extracting(Comparison::change).containsOnly(Change.SAME);
  }

  @Test
  void comparingARunWithItselfFindsNoChange() {
    List<Comparison> diff = new RunComparator(0.02).compare(h100, "a", h100, "b");

    assertThat(diff).allSatisfy(c -> {
      assertThat(c.ratio()).isEqualTo(1.0);
      assertThat(c.change()).isEqualTo(Change.SAME);
    });
  }

  @Test
  void marksBenchmarksOfOnlyOneRunAsMissing() throws IOException {
    RunData other = new RunLoader().load(resource("runs/h100-run").resolve("traces"));

    List<Comparison> diff = new RunComparator(0.02).compare(h100, "a", other, "b");

    assertThat(diff).extracting(Comparison::change).containsOnly(Change.MISSING);
    assertThat(diff.get(0).median()).isNaN();
  }

  @Test
  void rejectsAThresholdOutsideZeroToOne() {
    assertThatThrownBy(() -> new RunComparator(2)).hasMessageContaining("got 2.0").hasMessageContaining("0.02");
  }

  @Test
  void samplesTakeTheMedianOfTheHistogramAcrossForks() {
    Metric metric = new Metric(0, 0, 0, 0, new java.util.TreeMap<>(), "ms/op", List.of(), List.of(
        List.of(List.of(new HistogramBin(1.0, 3), new HistogramBin(2.0, 1))),
        List.of(List.of(new HistogramBin(5.0, 2)))));

    Samples samples = Samples.of(metric);

    assertThat(samples.size()).isEqualTo(6);
    assertThat(samples.median()).isEqualTo(1.5);
    assertThat(samples.spread(3)).containsExactly(1.0, 2.0, 5.0);
    assertThat(samples.resampledMedian(new java.util.Random(1), 6)).isBetween(1.0, 5.0);
  }

  @Test
  void labelsRunsWithDifferentEnvironmentsByGpu() {
    assertThat(RunLabels.of(List.of(h100, h200))).containsExactly("H100 80GB HBM3", "H200");
    assertThat(RunLabels.of(List.of(h100, h100))).containsExactly("h100-run", "h100-run");
  }

  private static Comparison find(List<Comparison> diff, Map<String, String> params) {
    return diff.stream().filter(c -> c.params().equals(params)).findFirst().orElseThrow();
  }
}
