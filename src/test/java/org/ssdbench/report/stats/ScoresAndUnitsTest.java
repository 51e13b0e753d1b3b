package org.ssdbench.report.stats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.ssdbench.report.jmh.HistogramBin;
import org.ssdbench.report.jmh.Metric;

final class ScoresAndUnitsTest {
  @Test
  void sampleTimeIterationScoresAreTheMeansOfEachIterationsHistogram() {
    Metric metric = new Metric(0, 0, 0, 0, new TreeMap<>(), "ms/op", List.of(), List.of(
        List.of(List.of(new HistogramBin(1.0, 3), new HistogramBin(5.0, 1)), List.of(new HistogramBin(4.0, 2))),
        List.of(List.of(new HistogramBin(6.0, 2)))));

    IterationScores scores = IterationScores.of(metric);

    assertThat(scores.scores()).containsExactly(2.0, 4.0, 6.0);
    assertThat(scores.forks()).isEqualTo(2);
    assertThat(scores.median()).isEqualTo(4.0);
  }

  @Test
  void iterationScoresOfOtherModesComeFromRawDataOfEveryFork() {
    Metric metric = new Metric(0, 0, 0, 0, new TreeMap<>(), "us/op",
        List.of(List.of(1.0, 2.0), List.of(3.0, Double.NaN)), List.of());

    IterationScores scores = IterationScores.of(metric).in(ScoreUnit.of("ms/op"));

    assertThat(scores.scores()).containsExactly(0.001, 0.002, 0.003);
    assertThat(scores.unit().unit()).isEqualTo("ms/op");
  }

  @Test
  void convertsTimesAndThroughputsWithinTheirKind() {
    assertThat(ScoreUnit.of("ms/op").convert(1500, ScoreUnit.of("us/op"))).isCloseTo(1.5, within(1e-12));
    assertThat(ScoreUnit.of("ops/s").convert(2, ScoreUnit.of("ops/ms"))).isCloseTo(2000, within(1e-9));
  }

  @Test
  void refusesToTurnAThroughputIntoATime() {
    assertThatThrownBy(() -> ScoreUnit.of("ms/op").convert(1, ScoreUnit.of("ops/s")))
        .hasMessageContaining("ops/s").hasMessageContaining("throughput is not a time");
  }

  @Test
  void unknownUnitNamesTheValidOnes() {
    assertThatThrownBy(() -> ScoreUnit.of("furlongs/op")).hasMessageContaining("'furlongs/op'").hasMessageContaining("us/op");
  }

  @Test
  void meanIntervalUsesStudentsTOnIterationScores() {
    IterationScores scores = new IterationScores(new double[] {9, 10, 11}, 1, ScoreUnit.of("ms/op"));

    MeanInterval ci = MeanInterval.of(scores);

    // s = 1, t(0.975, 2) = 4.3027, half width 4.3027 / sqrt(3)
    assertThat(ci.mean()).isEqualTo(10.0);
    assertThat(ci.halfWidth()).isCloseTo(4.3027 / Math.sqrt(3), within(1e-3));
    assertThat(MeanInterval.of(new IterationScores(new double[] {5}, 1, ScoreUnit.of("ms/op"))).low()).isNaN();
  }
}
