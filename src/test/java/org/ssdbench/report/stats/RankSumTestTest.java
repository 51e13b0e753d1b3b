package org.ssdbench.report.stats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.Random;
import org.junit.jupiter.api.Test;

final class RankSumTestTest {
  @Test
  void threeAgainstThreeCannotGoBelowOneTenth() {
    double p = RankSumTest.pValue(new double[] {1, 2, 3}, new double[] {10, 11, 12});

    assertThat(p).isCloseTo(0.1, within(1e-12));
    assertThat(RankSumTest.minimumPValue(3, 3)).isCloseTo(0.1, within(1e-12));
  }

  @Test
  void exactPValueOfFullySeparatedFourAgainstFourIsTwoOverSeventy() {
    double p = RankSumTest.pValue(new double[] {1, 2, 3, 4}, new double[] {5, 6, 7, 8});

    assertThat(p).isCloseTo(2.0 / 70, within(1e-12));
    assertThat(RankSumTest.minimumPValue(4, 4)).isCloseTo(2.0 / 70, within(1e-12));
  }

  @Test
  void exactPValueCountsEverySplitAsFarFromTheCentre() {
    // x ranks {1, 2, 4} among 6: rank sum 7, centre 10.5; sums at distance >= 3.5: 6, 7 and 14, 15 -> 1+1+1+1 of 20
    double p = RankSumTest.pValue(new double[] {1, 2, 4}, new double[] {3, 5, 6});

    assertThat(p).isCloseTo(4.0 / 20, within(1e-12));
  }

  @Test
  void identicalValuesGiveOne() {
    assertThat(RankSumTest.pValue(new double[] {5, 5, 5, 5}, new double[] {5, 5, 5})).isEqualTo(1.0);
  }

  @Test
  void tiesKeepTheTestExact() {
    // pooled 1 1 2 2 | x = {1, 1}: all splits of mid-ranks {1.5, 1.5, 3.5, 3.5}: sums 3 (1 way), 5 (4 ways), 7 (1 way)
    double p = RankSumTest.pValue(new double[] {1, 1}, new double[] {2, 2});

    assertThat(p).isCloseTo(2.0 / 6, within(1e-12));
  }

  @Test
  void normalApproximationAgreesWithTheExactTestNearTheSwitch() {
    Random random = new Random(1234);
    double[] x = random.doubles(61).toArray();
    double[] y = random.doubles(61).map(v -> v + 0.15).toArray();
    double[] xs = java.util.Arrays.copyOf(x, 60);
    double[] ys = java.util.Arrays.copyOf(y, 60);

    double exact = RankSumTest.pValue(xs, ys);
    double approximate = RankSumTest.pValue(x, y);

    assertThat(approximate).isCloseTo(exact, within(0.02));
  }

  @Test
  void shiftIntervalNeedsFourAgainstFourAtNinetyFivePercent() {
    assertThat(RankSumTest.shiftInterval(new double[] {1, 2, 3}, new double[] {4, 5, 6}, 0.95)).isNull();

    double[] interval = RankSumTest.shiftInterval(new double[] {1, 2, 3, 4}, new double[] {11, 12, 13, 14}, 0.95);

    assertThat(interval).containsExactly(7.0, 13.0);
  }

  @Test
  void shiftIntervalCoversTheTrueShift() {
    Random random = new Random(99);
    int covered = 0;
    for (int trial = 0; trial < 200; trial++) {
      double[] x = random.doubles(10).map(v -> v * 10).toArray();
      double[] y = random.doubles(12).map(v -> v * 10 + 3).toArray();
      double[] interval = RankSumTest.shiftInterval(x, y, 0.95);
      covered += interval[0] <= 3 && 3 <= interval[1] ? 1 : 0;
    }

    assertThat(covered).isGreaterThanOrEqualTo(180);
  }
}
