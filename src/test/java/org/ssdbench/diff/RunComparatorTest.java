package org.ssdbench.diff;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;
import static org.ssdbench.testing.Fixtures.resource;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.ssdbench.bench.Profile;
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
    assertThat(tfGpu.baselineSamples()).as("iteration scores, not raw samples").isEqualTo(6);
    assertThat(tfGpu.baselineForks()).isEqualTo(2);
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
  void labelsRunsWithDifferentEnvironmentsByGpu() {
    assertThat(RunLabels.of(List.of(h100, h200))).containsExactly("H100 80GB HBM3", "H200");
    assertThat(RunLabels.of(List.of(h100, h100))).containsExactly("h100-run", "h100-run");
  }

  @Test
  void theSameDataInMillisecondsAndMicrosecondsIsNoChange() throws IOException {
    List<Comparison> diff = new RunComparator(0.02).compare(stats("ms"), "ms", stats("us"), "us");

    assertThat(diff).singleElement().satisfies(c -> {
      assertThat(c.change()).isEqualTo(Change.SAME);
      assertThat(c.ratio()).isCloseTo(1.0, within(1e-9));
      assertThat(c.unit()).isEqualTo("ms/op");
      assertThat(c.median()).isCloseTo(c.baselineMedian(), within(1e-9));
      assertThat(c.pValue()).isGreaterThan(0.9);
      assertThat(c.note()).contains("converted from us/op");
    });
  }

  @Test
  void threeAgainstThreeIterationsIsNeverSlower() throws IOException {
    List<Comparison> diff = new RunComparator(0.02).compare(stats("three-a"), "a", stats("three-b"), "b");

    assertThat(diff).singleElement().satisfies(c -> {
      assertThat(c.ratio()).isCloseTo(1.5, within(0.01));
      assertThat(c.change()).isEqualTo(Change.SAME);
      assertThat(c.verdict()).isEqualTo("~ (too few iterations to tell: 3 vs 3)");
      assertThat(c.pValue()).isGreaterThanOrEqualTo(0.1);
      assertThat(c.ciLow()).as("3 vs 3 cannot give a 95% interval").isNaN();
    });
  }

  @Test
  void theQuickProfilesTenIterationsOverTwoForksCallAFivePercentSlowdown() throws IOException {
    assertThat(Profile.QUICK.forks()).isGreaterThanOrEqualTo(2);
    assertThat(Profile.QUICK.forks() * Profile.QUICK.measurementIterations()).isEqualTo(10);

    List<Comparison> diff = new RunComparator(0.02).compare(stats("ms"), "before", stats("ms-5pct-slower"), "after");

    assertThat(diff).singleElement().satisfies(c -> {
      assertThat(c.change()).isEqualTo(Change.SLOWER);
      assertThat(c.ratio()).isCloseTo(1.05, within(0.01));
      assertThat(c.ciLow()).isGreaterThan(1.0).isLessThan(c.ratio());
      assertThat(c.ciHigh()).isGreaterThan(c.ratio());
      assertThat(c.pValue()).isLessThan(0.01);
      assertThat(c.samples()).isEqualTo(10);
      assertThat(c.forks()).isEqualTo(2);
    });
  }

  @Test
  void refusesToCompareAThroughputWithATimeAndSaysWhy() throws IOException {
    List<Comparison> diff = new RunComparator(0.02).compare(stats("ms"), "time", stats("thrpt"), "throughput");

    assertThat(diff).singleElement().satisfies(c -> {
      assertThat(c.change()).isEqualTo(Change.INCOMPARABLE);
      assertThat(c.ratio()).isNaN();
      assertThat(c.note()).contains("ops/s").contains("ms/op").contains("cannot be compared");
    });
  }

  @Test
  void geometricMeanOfRatiosSummarisesEachRun() throws IOException {
    List<Comparison> diff = new ArrayList<>(new RunComparator(0.02).compare(stats("ms"), "a", stats("ms-5pct-slower"), "b"));
    diff.addAll(new RunComparator(0.02).compare(stats("three-a"), "a", stats("three-b"), "b"));

    List<GeoMean> means = GeoMean.of(diff);

    assertThat(means).singleElement().satisfies(g -> {
      assertThat(g.benchmarks()).isEqualTo(2);
      assertThat(g.ratio()).isCloseTo(Math.sqrt(diff.get(0).ratio() * diff.get(1).ratio()), within(1e-12));
    });
  }

  @Test
  void reDiffOfTheCommittedH100RunsGivesSaneVerdicts() throws IOException {
    RunData a = new RunLoader().load(Path.of("results/vm-h100-80gb-hbm3-20261125-085936"));
    RunData b = new RunLoader().load(Path.of("results/vm-h100-80gb-hbm3-20261125-092850"));

    List<Comparison> diff = new RunComparator(0.02).compare(a, "0859", b, "0928");

    List<Comparison> compared = diff.stream().filter(c -> !Double.isNaN(c.ratio())).toList();
    assertThat(compared).hasSize(4).allSatisfy(c -> {
      assertThat(c.baselineSamples()).isEqualTo(3);
      assertThat(c.pValue()).isGreaterThanOrEqualTo(0.1);
      assertThat(c.verdict()).isEqualTo("~ (too few iterations to tell: 3 vs 3)");
    });
  }

  @Test
  void runsWhoseWorkloadsLayInDifferentFoldersMatchAndTheFolderIsNotShown(@TempDir Path dir) throws IOException {
    RunData a = withWorkload(dir.resolve("a"), "ms", "/root/suite/results/run-a/workload");
    RunData b = withWorkload(dir.resolve("b"), "ms", "/root/suite/results/run-b/workload");
    RunData throughput = withWorkload(dir.resolve("c"), "thrpt", "/root/suite/results/run-c/workload");

    assertThat(new RunComparator(0.02).compare(a, "a", b, "b")).singleElement().satisfies(c -> {
      assertThat(c.change()).isEqualTo(Change.SAME);
      assertThat(c.params()).containsEntry("config", "tf-cpu").doesNotContainKey("workload");
    });
    // another mode of the same work is found despite the folder, and refused as such, not called missing twice
    assertThat(new RunComparator(0.02).compare(a, "a", throughput, "c")).singleElement()
        .satisfies(c -> assertThat(c.change()).isEqualTo(Change.INCOMPARABLE));
  }

  @Test
  void aRowInOneRunOnlySaysWhichParamsKeptItFromTheOther() {
    org.ssdbench.report.jmh.BenchmarkResult level1 = trt("trt-fp16-graph", "1");
    org.ssdbench.report.jmh.BenchmarkResult levelDefault = trt("trt-fp16-graph", "-1");

    assertThat(RunComparator.paramsApart(levelDefault, List.of(trt("trt-int8-graph", "1"), level1), "B", "A"))
        .isEqualTo("B ran it with builderLevel=1 (A: -1): rows whose params differ are not compared");
    assertThat(RunComparator.paramsApart(levelDefault, List.of(trt("trt-int8-graph", "1")), "B", "A")).isEmpty();
  }

  @Test
  void aRunThatTimedAConfigurationTwiceIsComparedByItsOwnMeasurementNotTheSweeps() throws IOException {
    // The H200 sweep of 2026-12-04 timed trt-fp16-u8-graph at batch 1 in its own forks (p50 0.4029 ms) beside the
    // run's TensorRT part (0.3968 ms); both rows have one key.
    RunData run = new RunLoader().load(Path.of("results/vm-h200-20261204-064421"));
    org.ssdbench.report.jmh.BenchmarkResult own = run.results().stream()
        .filter(org.ssdbench.report.analysis.SameKeyResults::timedRunWorkload).findFirst().orElseThrow();
    long keys = run.results().stream().map(org.ssdbench.report.jmh.BenchmarkResult::key).distinct().count();

    List<Comparison> diff = new RunComparator(0.02).compare(run, "a", run, "b");

    assertThat(diff).hasSize((int) keys);
    Comparison batchOne = find(diff, own.workParams());
    assertThat(batchOne.baselineMedian())
        .isEqualTo(org.ssdbench.report.stats.IterationScores.of(own.primary()).median());
  }

  private static org.ssdbench.report.jmh.BenchmarkResult trt(String config, String level) {
    var m = new org.ssdbench.report.jmh.Metric(0.4, 0.01, 0.39, 0.41, new java.util.TreeMap<>(), "ms/op",
        List.of(List.of(0.4, 0.41, 0.39)), List.of());
    var params = new java.util.LinkedHashMap<String, String>();
    params.put("batch", "1");
    params.put("builderLevel", level);
    params.put("config", config);
    return new org.ssdbench.report.jmh.BenchmarkResult("org.ssdbench.bench.TensorRtBenchmark.infer",
        org.ssdbench.report.jmh.Mode.SAMPLE_TIME, params, m, Map.of(),
        new org.ssdbench.report.jmh.RunSettings("1.37", null, List.of(), null, null, 1, 1, 1, null, 3, null));
  }

  private static RunData withWorkload(Path dir, String fixture, String workload) throws IOException {
    java.nio.file.Files.createDirectories(dir);
    String json = java.nio.file.Files.readString(resource("runs/stats/" + fixture).resolve("jmh-e2e.json"));
    assertThat(json).contains("\"config\": \"tf-cpu\"");
    java.nio.file.Files.writeString(dir.resolve("jmh-e2e.json"),
        json.replace("\"config\": \"tf-cpu\"", "\"config\": \"tf-cpu\", \"workload\": \"" + workload + "\""));
    return new RunLoader().load(dir);
  }

  private static RunData stats(String name) throws IOException {
    return new RunLoader().load(resource("runs/stats/" + name));
  }

  private static Comparison find(List<Comparison> diff, Map<String, String> params) {
    return diff.stream().filter(c -> c.params().equals(params)).findFirst().orElseThrow();
  }
}
