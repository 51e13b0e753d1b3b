package org.ssdbench.report.analysis;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.api.Test;
import org.ssdbench.report.jmh.BenchmarkResult;
import org.ssdbench.report.run.RunLoader;

/**
 * Every interval the report prints brackets its own point, in every committed run: an interval computed from another
 * statistic than the point's (the mean of iteration medians around a pooled p50, the median of two modes around a
 * mean) can miss it, which a reader rightly takes for a bug.
 */
final class IntervalsHoldTheirPointsTest {
  /** JMH's p50 interpolates between samples where the bootstrap's median takes one: a hair apart at most. */
  private static final double SLACK = 1e-3;

  @Test
  void ladderGainsPeerRatiosAndImagesPerSecondLieInsideTheirIntervals() throws IOException {
    List<Path> runs = new ArrayList<>();
    try (Stream<Path> s = Files.list(Path.of("results"))) {
      s.filter(p -> p.getFileName().toString().startsWith("vm-")).filter(Files::isDirectory).sorted()
          .forEach(runs::add);
    }
    assertThat(runs).hasSizeGreaterThan(10);
    SoftAssertions soft = new SoftAssertions();
    int checked = 0;
    for (Path run : runs) {
      List<BenchmarkResult> results = new RunLoader().load(run).results();
      for (Ladder.Step step : Ladder.of(results)) {
        if (step.gainInterval().known()) {
          checked++;
          inside(soft, run + " gain of " + step.config(), step.gain(), step.gainInterval());
        }
      }
      var peer = PeerComparison.of(results);
      if (peer.isPresent() && peer.get().interval().known()) {
        checked++;
        inside(soft, run + " TensorRT over PyTorch", peer.get().ratio(), peer.get().interval());
      }
      for (Throughput.Point p : Throughput.points(results)) {
        if (p.imagesPerSecondInterval().known()) {
          checked++;
          inside(soft, run + " images/s of " + p.config() + " at batch " + p.batch(), p.imagesPerSecond(),
              p.imagesPerSecondInterval());
        }
      }
    }
    soft.assertAll();
    assertThat(checked).isGreaterThan(20);
  }

  private static void inside(SoftAssertions soft, String what, double point, IterationInterval ci) {
    soft.assertThat(point).as(what + " in [" + ci.low() + ", " + ci.high() + "]")
        .isBetween(ci.low() * (1 - SLACK), ci.high() * (1 + SLACK));
  }
}
