package org.ssdbench.report.analysis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.ssdbench.report.analysis.SampleResults.sample;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.ssdbench.report.jmh.BenchmarkResult;
import org.ssdbench.report.run.RunLoader;

final class ThroughputTest {
  private static final String TRT = "org.ssdbench.bench.TensorRtBenchmark.infer";

  @Test
  void imagesPerSecondCarryTheIntervalOfTheIterationsInTheOtherDirection() {
    // three iterations of 1.00, 1.01 and 0.99 ms at batch 8: 8,000 images/s, slower iterations give the lower end
    List<Throughput.Point> points = Throughput.points(List.of(sample(TRT, "trt-fp16-u8-graph", "1", 0.40),
        sample(TRT, "trt-fp16-u8-graph", "8", 1.00)));

    Throughput.Point eight = points.get(1);
    assertThat(eight.imagesPerSecond()).isEqualTo(8000.0);
    assertThat(eight.imagesPerSecondInterval().known()).isTrue();
    assertThat(eight.imagesPerSecondInterval().low()).isBetween(8000 / 1.01, 8000.0);
    assertThat(eight.imagesPerSecondInterval().high()).isBetween(8000.0, 8000 / 0.99);
  }

  @Test
  void twoBatchesInFlightIsAThroughputLineOfItsOwnAndNoLatency() {
    String twoInFlight = Throughput.TWO_IN_FLIGHT + ".infer";
    List<BenchmarkResult> results = List.of(sample(TRT, "trt-fp16-u8-graph", "1", 0.40),
        sample(TRT, "trt-fp16-u8-graph", "256", 9.175), sample(twoInFlight, "trt-fp16-u8-graph", "1", 0.30),
        sample(twoInFlight, "trt-fp16-u8-graph", "256", 8.2));

    List<Throughput.Point> points = Throughput.points(results);

    assertThat(points).extracting(Throughput.Point::config).containsExactly("trt-fp16-u8-graph",
        "trt-fp16-u8-graph", "trt-fp16-u8-graph x2 in flight", "trt-fp16-u8-graph x2 in flight");
    assertThat(points.get(3).what()).contains("two batches in flight").contains("time between two batches done");
    assertThat(Throughput.best(points, false).orElseThrow().config()).isEqualTo("trt-fp16-u8-graph x2 in flight");
    // a time between two batches done is no latency: the end-to-end table, ladder and verdict never see it
    assertThat(EndToEnd.latencies(results)).singleElement()
        .satisfies(c -> assertThat(c.p50()).isEqualTo(0.40));
  }

  @Test
  void aSweepOfOneBatchSizeStillShowsWhereALatencyRunOfOneDoesNot() {
    List<BenchmarkResult> results = List.of(
        SampleResults.sampleWithWorkload(TRT, "trt-fp16-u8-graph", "1", 0.40, "/r/workload"),
        SampleResults.sampleWithWorkload(TRT, "trt-fp16-graph", "1", 0.45, "/r/workload"),
        SampleResults.sampleWithWorkload(TRT, "trt-fp16-u8-graph", "256", 9.175, "none"),
        SampleResults.sampleWithWorkload(Throughput.TWO_IN_FLIGHT + ".infer", "trt-fp16-u8-graph", "256", 8.2, "none"));

    assertThat(Throughput.points(results)).extracting(p -> p.config() + " " + p.batch()).containsExactly(
        "trt-fp16-u8-graph 1", "trt-fp16-u8-graph 256", "trt-fp16-u8-graph x2 in flight 256");
  }

  @Test
  void oneIterationGivesNoInterval() {
    IterationInterval one = IterationInterval.ofMean(new org.ssdbench.report.jmh.Metric(1.0, 0, 1, 1,
        new java.util.TreeMap<>(), "ms/op", List.of(List.of(1.0)), List.of()));

    assertThat(one.known()).isFalse();
  }

  @Test
  void theH200SweepsBestBatchHasAnIntervalAroundItsImagesPerSecond() throws IOException {
    List<BenchmarkResult> results = new RunLoader().load(Path.of("results/vm-h200-20261204-064421")).results();

    Throughput.Point best = Throughput.best(Throughput.points(results), false).orElseThrow();

    assertThat(best.batch()).isEqualTo(256);
    assertThat(best.imagesPerSecond()).isBetween(27_850.0, 27_860.0);
    assertThat(best.imagesPerSecondInterval().low()).isBetween(27_700.0, best.imagesPerSecond());
    assertThat(best.imagesPerSecondInterval().high()).isBetween(best.imagesPerSecond(), 28_100.0);
  }

  @Test
  void twoInFlightCountsImagesOverTimeNotTheMedianBetweenItsTwoModes() {
    // every iteration: 60 calls of 0.3 ms (the other batch already done) and 60 of 16.4 ms, mean 8.35 ms; JMH's p50
    // interpolates to 8.26 ms between the modes, which no call took
    List<List<org.ssdbench.report.jmh.HistogramBin>> iterations = new java.util.ArrayList<>();
    for (double shift : new double[] {0.0, 0.01, -0.01}) {
      iterations.add(List.of(new org.ssdbench.report.jmh.HistogramBin(0.3, 60),
          new org.ssdbench.report.jmh.HistogramBin(16.4 + 2 * shift, 60)));
    }
    java.util.TreeMap<Double, Double> percentiles = new java.util.TreeMap<>();
    percentiles.put(50.0, 8.26);
    percentiles.put(99.0, 16.7);
    BenchmarkResult twoInFlight = new BenchmarkResult(Throughput.TWO_IN_FLIGHT + ".infer",
        org.ssdbench.report.jmh.Mode.SAMPLE_TIME, java.util.Map.of("config", "trt-fp16-u8-graph", "batch", "256",
            "workload", "none"),
        new org.ssdbench.report.jmh.Metric(8.35, 0.01, 8.34, 8.36, percentiles, "ms/op",
            List.of(List.of(8.35, 8.36, 8.34)), List.of(iterations)),
        java.util.Map.of(), sample(TRT, "x", "1", 1.0).run());

    Throughput.Point p = Throughput.points(List.of(twoInFlight)).get(0);

    assertThat(p.imagesPerSecond()).isCloseTo(256 / 8.35 * 1000, org.assertj.core.data.Offset.offset(0.5));
    assertThat(p.imagesPerSecondInterval().low()).isBetween(256 / 8.37 * 1000, p.imagesPerSecond());
    assertThat(p.imagesPerSecondInterval().high()).isBetween(p.imagesPerSecond(), 256 / 8.33 * 1000);
    assertThat(p.latency()).isEqualTo(2 * 8.35);
  }

  @Test
  void theH200TwoInFlightRunReachesItsImagesPerSecondByItsMeanCall() throws IOException {
    List<BenchmarkResult> results = new RunLoader().load(Path.of("results/vm-h200-20261204-083311")).results();

    Throughput.Point best = Throughput.best(Throughput.points(results), false).orElseThrow();

    assertThat(best.config()).isEqualTo("trt-fp16-u8-graph x2 in flight");
    // 8.365 ms mean call; batch / p50 (8.263 ms, between the two modes) would say 30,982
    assertThat(best.imagesPerSecond()).isBetween(30_590.0, 30_620.0);
    assertThat(best.imagesPerSecondInterval().low()).isBetween(30_500.0, best.imagesPerSecond());
    assertThat(best.imagesPerSecondInterval().high()).isBetween(best.imagesPerSecond(), 30_700.0);
  }
}
