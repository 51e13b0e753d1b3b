package org.ssdbench.report.csv;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.ssdbench.testing.Fixtures.resource;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.ssdbench.report.jmh.BenchmarkResult;
import org.ssdbench.report.jmh.JmhJsonReader;
import org.ssdbench.report.run.RunData;
import org.ssdbench.report.run.RunLoader;

final class ResultsCsvTest {
  @TempDir Path dir;

  @Test
  void writesTheDocumentedHeader() throws IOException {
    Path file = dir.resolve("results.csv");
    ResultsCsv.write(List.of(), file);

    assertThat(Files.readAllLines(file).get(0)).isEqualTo(String.join(",", ResultsCsv.COLUMNS));
  }

  @Test
  void roundTripsParamsWithCommasQuotesAndSeparators() throws IOException {
    BenchmarkResult op = new JmhJsonReader().read(resource("jmh/params-commas-quotes.json")).get(0);
    CsvRow row = CsvRow.of("run-1", op, null);
    Path file = dir.resolve("results.csv");

    ResultsCsv.write(List.of(row), file);
    CsvRow back = ResultsCsv.read(file).get(0);

    assertThat(back.params()).containsExactlyEntriesOf(op.params());
    assertThat(back).isEqualTo(row);
    assertThat(Files.readString(file)).contains(",\"shape=[1,1917,4]; \"\"axis\"\"=1, n=6\",");
  }

  @Test
  void joinsEnvironmentAndFillsKnownParamColumns() throws IOException {
    RunData run = new RunLoader().load(resource("runs/h100-run"));
    List<CsvRow> rows = run.results().stream().map(r -> CsvRow.of(run.name(), r, run.environment())).toList();
    Path file = dir.resolve("results.csv");

    ResultsCsv.write(rows, file);
    List<String> lines = Files.readAllLines(file);

    assertThat(lines).hasSize(1 + run.results().size());
    String tfGpu = lines.stream().filter(l -> l.contains("config=tf-gpu;") || l.contains("config=tf-gpu,")).findFirst()
        .orElseThrow();
    assertThat(tfGpu)
        .startsWith("h100-run,org.ssdbench.bench.EndToEndBenchmark.infer,EndToEndBenchmark.infer,batch=1;config=tf-gpu,tf-gpu,1,,,,,sample,ms/op,")
        .contains("NVIDIA H100 80GB HBM3,580.159.04,12.6,9.5.1,2.18.0,10.6.0,bench-h100-01,9f2c4e1a");
    CsvRow back = ResultsCsv.read(file).stream().filter(r -> "tf-gpu".equals(r.params().get("config"))).findFirst()
        .orElseThrow();
    assertThat(back.p999()).isGreaterThan(back.p50());
    assertThat(back.samples()).isEqualTo(240);
    assertThat(back.gpuTimeUnit()).isEqualTo("ms");
    assertThat(back.secondary()).containsKey("gpuTimeMs");
  }

  @Test
  void writesEmptyCellsForValuesJmhCouldNotCompute() throws IOException {
    BenchmarkResult single = new JmhJsonReader().read(resource("jmh/single-shot-missing-percentiles.json")).get(0);
    Path file = dir.resolve("results.csv");

    ResultsCsv.write(List.of(CsvRow.of("r", single, null)), file);

    assertThat(Files.readAllLines(file).get(1)).contains(",ss,s/op,12.5,,,,,,,,1,1,1,,,,,,,,,,,");
  }

  @Test
  void failsToReadAFileWithoutTheSchemaNamingTheMissingColumns() throws IOException {
    Path file = Files.writeString(dir.resolve("other.csv"), "a,b\n1,2\n");

    assertThatThrownBy(() -> ResultsCsv.read(file))
        .hasMessageContaining("other.csv")
        .hasMessageContaining("missing columns [run, benchmark");
  }

  @Test
  void paramsCodecRejectsAnEntryWithoutEquals() {
    assertThatThrownBy(() -> ParamsCodec.decode("a=1;oops"))
        .hasMessageContaining("'oops'")
        .hasMessageContaining("k=v;k=v");
  }

  @Test
  void paramsCodecRoundTripsBackslashesAndEmptyValues() {
    Map<String, String> map = new LinkedHashMap<>();
    map.put("path", "C:\\tmp;x");
    map.put("empty", "");
    map.put("k=1", "v=2");

    assertThat(ParamsCodec.decode(ParamsCodec.encode(map))).containsExactlyEntriesOf(map);
  }

  @Test
  void givesEachScoreTheNinetyFivePercentIntervalOfItsIterationScores(@TempDir Path dir) throws IOException {
    var run = new org.ssdbench.report.run.RunLoader().load(resource("runs/stats/three-a"));
    Path file = dir.resolve("results.csv");

    ResultsCsv.write(List.of(CsvRow.of("r", run.results().get(0), null)), file);
    CsvRow row = ResultsCsv.read(file).get(0);

    // scores 20.1, 19.9, 20.0: mean 20, s 0.1, t(0.975, 2) = 4.3027 -> 20 -+ 0.2484
    assertThat(row.iterations()).isEqualTo(3);
    assertThat(row.ci95Low()).isCloseTo(19.7516, org.assertj.core.api.Assertions.within(1e-3));
    assertThat(row.ci95High()).isCloseTo(20.2484, org.assertj.core.api.Assertions.within(1e-3));
  }
}
