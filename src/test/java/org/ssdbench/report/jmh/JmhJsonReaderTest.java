package org.ssdbench.report.jmh;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.entry;
import static org.ssdbench.testing.Fixtures.resource;

import java.io.IOException;
import java.util.List;
import org.junit.jupiter.api.Test;

final class JmhJsonReaderTest {
  private final JmhJsonReader reader = new JmhJsonReader();

  @Test
  void readsAverageTimeAndThroughputWithSingleForkNaNs() throws IOException {
    List<BenchmarkResult> results = reader.read(resource("jmh/avgt-thrpt-single-fork.json"));

    assertThat(results).hasSize(2);
    BenchmarkResult avgt = results.get(0);
    assertThat(avgt.benchmark()).isEqualTo("com.example.MapBenchmark.get");
    assertThat(avgt.shortName()).isEqualTo("MapBenchmark.get");
    assertThat(avgt.mode()).isEqualTo(Mode.AVERAGE_TIME);
    assertThat(avgt.params()).isEmpty();
    assertThat(avgt.primary().score()).isEqualTo(12.5);
    assertThat(avgt.primary().scoreError()).isNaN();
    assertThat(avgt.primary().ciLow()).isNaN();
    assertThat(avgt.primary().unit()).isEqualTo("ns/op");
    assertThat(avgt.primary().rawData()).containsExactly(List.of(12.5));
    assertThat(avgt.primary().sampleCount()).isEqualTo(1);
    assertThat(avgt.run().forks()).isEqualTo(1);
    assertThat(avgt.run().jdkVersion()).isEqualTo("17.0.15");

    BenchmarkResult thrpt = results.get(1);
    assertThat(thrpt.mode()).isEqualTo(Mode.THROUGHPUT);
    assertThat(thrpt.params()).containsExactly(entry("size", "1000"));
    assertThat(thrpt.run().threads()).isEqualTo(4);
    assertThat(thrpt.run().jvmArgs()).containsExactly("-Xmx1g");
    assertThat(thrpt.run().measurementIterations()).isEqualTo(3);
    assertThat(thrpt.run().measurementTime()).isEqualTo("1 s");
    assertThat(thrpt.primary().ciHigh()).isEqualTo(1640.7333333333331);
    assertThat(thrpt.secondary()).containsOnlyKeys("gc.alloc.rate");
    assertThat(thrpt.secondary().get("gc.alloc.rate").unit()).isEqualTo("MB/sec");
  }

  @Test
  void readsSampleTimeHistogramsPerForkAndIteration() throws IOException {
    BenchmarkResult sample = reader.read(resource("jmh/sample-histogram.json")).get(0);

    Metric primary = sample.primary();
    assertThat(sample.mode()).isEqualTo(Mode.SAMPLE_TIME);
    assertThat(primary.rawData()).isEmpty();
    assertThat(primary.rawDataHistogram()).hasSize(2);
    assertThat(primary.rawDataHistogram().get(0)).hasSize(2);
    assertThat(primary.rawDataHistogram().get(0).get(0))
        .containsExactly(new HistogramBin(1.8, 3), new HistogramBin(1.9, 10), new HistogramBin(2.1, 2));
    assertThat(primary.sampleCount()).isEqualTo(60);
    assertThat(primary.percentile(50.0)).isEqualTo(1.9);
    assertThat(primary.percentile(99.9)).isEqualTo(2.6);
    assertThat(primary.percentile(99.99)).isEqualTo(2.6);
    assertThat(primary.percentiles()).containsKeys(0.0, 90.0, 95.0, 99.0, 100.0);
    assertThat(sample.secondary().get("gpuTimeMs").score()).isEqualTo(1.52);
    assertThat(sample.secondary().get("gpuTimeMs").rawData()).hasSize(2);
  }

  @Test
  void readsSingleShotWithoutPercentiles() throws IOException {
    BenchmarkResult ss = reader.read(resource("jmh/single-shot-missing-percentiles.json")).get(0);

    assertThat(ss.mode()).isEqualTo(Mode.SINGLE_SHOT);
    assertThat(ss.primary().percentiles()).isEmpty();
    assertThat(ss.primary().percentile(50.0)).isNaN();
  }

  @Test
  void keepsParamsWithCommasQuotesAndSeparatorsVerbatim() throws IOException {
    BenchmarkResult op = reader.read(resource("jmh/params-commas-quotes.json")).get(0);

    assertThat(op.param("signature")).isEqualTo("shape=[1,1917,4]; \"axis\"=1, n=6");
    assertThat(op.param("note")).isEqualTo("a\\b=c;d");
    assertThat(op.params()).containsOnlyKeys("op", "signature", "device", "variant", "note");
  }

  @Test
  void failsOnUnknownModeNamingTheModeTheValidOnesAndThePlace() {
    assertThatThrownBy(() -> reader.read(resource("jmh/unknown-mode.json")))
        .isInstanceOf(JmhFormatException.class)
        .hasMessageContaining("unknown-mode.json")
        .hasMessageContaining("result [1]")
        .hasMessageContaining("line 47, column 5")
        .hasMessageContaining("'latency'")
        .hasMessageContaining("thrpt, avgt, sample, ss");
  }

  @Test
  void failsOnEmptyFileNamingIt() {
    assertThatThrownBy(() -> reader.read(resource("jmh/empty.json")))
        .isInstanceOf(JmhFormatException.class)
        .hasMessageContaining("empty.json")
        .hasMessageContaining("empty");
  }

  @Test
  void failsOnTruncatedFileWithLineAndColumn() {
    assertThatThrownBy(() -> reader.read(resource("jmh/truncated.json")))
        .isInstanceOf(JmhFormatException.class)
        .hasMessageContaining("truncated.json")
        .hasMessageMatching("(?s).*line \\d+, column \\d+.*")
        .hasMessageContaining("truncated or malformed");
  }

  @Test
  void failsOnMalformedJsonWithTheLineOfTheMistake() {
    assertThatThrownBy(() -> reader.read(resource("jmh/malformed.json")))
        .isInstanceOf(JmhFormatException.class)
        .hasMessageContaining("malformed.json")
        .hasMessageContaining("line 53, column");
  }

  @Test
  void failsWhenTheTopLevelIsNotAnArray(@org.junit.jupiter.api.io.TempDir java.nio.file.Path dir)
      throws IOException {
    java.nio.file.Path file = java.nio.file.Files.writeString(dir.resolve("object.json"), "{\"benchmark\": \"x\"}");

    assertThatThrownBy(() -> reader.read(file))
        .hasMessageContaining("object.json")
        .hasMessageContaining("line 1, column 1")
        .hasMessageContaining("expected a JSON array");
  }

  @Test
  void failsOnAFieldOfTheWrongTypeNamingItsPath(@org.junit.jupiter.api.io.TempDir java.nio.file.Path dir)
      throws IOException {
    java.nio.file.Path file = java.nio.file.Files.writeString(
        dir.resolve("bad.json"),
        "[{\"benchmark\":\"a.B.c\",\"mode\":\"avgt\",\"primaryMetric\":{\"score\":1,\"scoreUnit\":\"ms/op\","
            + "\"rawData\":[[1.0,\"fast\"]]}}]");

    assertThatThrownBy(() -> reader.read(file))
        .hasMessageContaining("primaryMetric.rawData[0][1]")
        .hasMessageContaining("\"fast\"");
  }

  @Test
  void readsAnEmptyArrayAsNoResults(@org.junit.jupiter.api.io.TempDir java.nio.file.Path dir) throws IOException {
    java.nio.file.Path file = java.nio.file.Files.writeString(dir.resolve("none.json"), "[\n]\n");

    assertThat(reader.read(file)).isEmpty();
  }
}
