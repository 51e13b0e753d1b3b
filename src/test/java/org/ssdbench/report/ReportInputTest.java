package org.ssdbench.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.ssdbench.report.csv.CsvRow;
import org.ssdbench.report.csv.ResultsCsv;
import org.ssdbench.report.jmh.JmhFormatException;
import org.ssdbench.report.jmh.JmhJsonReader;
import org.ssdbench.results.RunFolder;
import org.ssdbench.testing.Fixtures;

/** Reports from any JMH JSON and any folder: odd values, broken files and hostile content. */
final class ReportInputTest {
  @TempDir Path dir;

  @BeforeAll
  static void headless() {
    System.setProperty("java.awt.headless", "true");
  }

  static String result(String benchmark, String mode, String params, String score, String unit) {
    return """
        {"benchmark": "%s", "mode": "%s", "params": {%s},
         "primaryMetric": {"score": %s, "scoreError": 0.1, "scoreUnit": "%s"}}"""
        .formatted(benchmark, mode, params, score, unit);
  }

  private Path run(String name, String... results) throws IOException {
    Path run = Files.createDirectories(dir.resolve(name));
    Files.writeString(run.resolve("jmh-e2e.json"), "[" + String.join(",", results) + "]");
    return run;
  }

  private static final String E2E = "org.ssdbench.bench.EndToEndBenchmark.infer";

  @Test
  void oddValuesAreLeftOutOfTheChartsWithANoteAndTheReportIsWritten() throws IOException {
    Path run = run("odd",
        result(E2E, "avgt", "\"config\": \"\"", "12.0", "ms/op"),
        result(E2E, "avgt", "\"config\": \"tf-cpu\"", "\"Infinity\"", "ms/op"),
        result(E2E, "thrpt", "\"config\": \"tf-gpu\"", "0.0", "ops/ms"),
        result(E2E, "avgt", "\"config\": \"tf-gpu-nms-cpu\"", "20.0", "ms/op"));

    List<Path> written = new ReportWriter(false).write(new RunFolder(run));

    String md = Files.readString(run.resolve("report/report.md"));
    assertThat(written).extracting(p -> p.getFileName().toString()).contains("latency.png", "report.md");
    assertThat(md).contains("empty config param: left out of the charts")
        .contains("The latency of 'tf-cpu' is Infinity ms")
        .contains("The latency of 'tf-gpu' is Infinity ms");
  }

  @Test
  void aFailingReportLeavesNoReportFolderBehindAndTheNextOneWorks() throws IOException {
    Path run = Fixtures.copyOfRun("h100-run", dir);
    Files.writeString(run.resolve("placement.csv"), "config,device\ntf-cpu,CPU,12,extra\n");

    assertThatThrownBy(() -> new ReportWriter(false).write(new RunFolder(run))).hasMessageContaining("placement.csv");
    try (Stream<Path> left = Files.list(run)) {
      assertThat(left).extracting(p -> p.getFileName().toString()).doesNotContain("report")
          .noneMatch(n -> n.startsWith(".report-"));
    }
    Files.delete(run.resolve("placement.csv"));
    assertThat(new ReportWriter(false).write(new RunFolder(run))).isNotEmpty();
  }

  @Test
  void anIncompleteRunIsReportedWithWhatIsMissing() throws IOException {
    Path run = Fixtures.copyOfRun("h100-run", dir);
    Files.move(run.resolve("jmh-trt.json"), run.resolve("jmh-trt.json.partial"));
    Files.writeString(run.resolve(RunFolder.INCOMPLETE), "started");

    new ReportWriter(false).write(new RunFolder(run));

    assertThat(Files.readString(run.resolve("report/report.md")))
        .contains("This run did not finish").contains("jmh-trt.json.partial").contains("tf-gpu");
  }

  @Test
  void aFolderWithoutJmhJsonSaysSo() throws IOException {
    Path run = Files.createDirectories(dir.resolve("empty-run"));

    new ReportWriter(false).write(new RunFolder(run));

    assertThat(Files.readString(run.resolve("report/report.md"))).contains("no JMH results (no jmh-*.json)");
  }

  @Test
  void foreignBenchmarksGetAGenericScoreChart() throws IOException {
    Path run = run("foreign",
        result("com.example.MapBench.get", "avgt", "\"size\": \"10\"", "12.5", "ns/op"),
        result("com.example.MapBench.get", "avgt", "\"size\": \"1000\"", "40.0", "ns/op"));

    List<Path> written = new ReportWriter(false).write(new RunFolder(run));

    assertThat(written).extracting(p -> p.getFileName().toString()).contains("scores.png", "scores.svg");
    assertThat(Files.readString(run.resolve("report/report.md"))).contains("Score per benchmark (ns/op)");
  }

  @Test
  void trailingContentAfterTheArrayIsRefused() throws IOException {
    Path file = Files.writeString(dir.resolve("jmh-two.json"),
        "[" + result(E2E, "avgt", "\"config\": \"tf-cpu\"", "1.0", "ms/op") + "]\n[]\n");

    assertThatThrownBy(() -> new JmhJsonReader().read(file)).isInstanceOf(JmhFormatException.class)
        .hasMessageContaining("jmh-two.json").hasMessageContaining("content after the end of the JSON array");
  }

  @Test
  void aNonUtf8FileIsANamedError() throws IOException {
    Path file = dir.resolve("jmh-latin1.json");
    Files.write(file, new byte[] {'[', ' ', (byte) 0xE9, ']'});

    assertThatThrownBy(() -> new JmhJsonReader().read(file)).isInstanceOf(JmhFormatException.class)
        .hasMessageContaining("jmh-latin1.json").hasMessageContaining("not UTF-8");
  }

  @Test
  void linksThatLeaveTheRunFolderAreRefused() throws IOException {
    Path run = Fixtures.copyOfRun("h100-run", dir);
    Path outside = Files.writeString(dir.resolve("secret.csv"), "a,b\n1,2\n");
    Files.delete(run.resolve("placement.csv"));
    Files.createSymbolicLink(run.resolve("placement.csv"), outside);

    assertThatThrownBy(() -> new ReportWriter(false).write(new RunFolder(run)))
        .hasMessageContaining("placement.csv").hasMessageContaining("outside the run folder");
    assertThat(run.resolve("report")).doesNotExist();

    Files.delete(run.resolve("placement.csv"));
    Path elsewhere = Files.createDirectories(dir.resolve("elsewhere"));
    Files.createSymbolicLink(run.resolve("report"), elsewhere);
    assertThatThrownBy(() -> new ReportWriter(true).write(new RunFolder(run)))
        .hasMessageContaining("symbolic link");
    try (Stream<Path> files = Files.list(elsewhere)) {
      assertThat(files).isEmpty();
    }
  }

  @Test
  void rawHtmlInNamesAndParamsIsEscapedInReportMd() throws IOException {
    Path run = run("html", result("com.example.X.<script>alert(1)</script>", "avgt",
        "\"p\": \"<img src=x onerror=alert(1)>\"", "1.0", "ms/op"));

    new ReportWriter(false).write(new RunFolder(run));

    String md = Files.readString(run.resolve("report/report.md"));
    assertThat(md).doesNotContain("<script>").doesNotContain("<img").contains("&lt;img src=x");
  }

  @Test
  void csvCellsThatLookLikeFormulasAreNeutralisedAndReadBack() throws IOException {
    Path run = run("formula", result("com.example.X.run", "avgt", "\"config\": \"=HYPERLINK(1)\"", "-1.5", "ms/op"));
    new ReportWriter(false).write(new RunFolder(run));
    Path csv = run.resolve("report/results.csv");

    String text = Files.readString(csv);
    List<CsvRow> back = ResultsCsv.read(csv);

    assertThat(text).contains(",'=HYPERLINK(1),").doesNotContain(",=HYPERLINK").contains(",-1.5,");
    assertThat(back.get(0).params()).containsEntry("config", "=HYPERLINK(1)");
    assertThat(back.get(0).score()).isEqualTo(-1.5);
  }

  @Test
  void reportMdSaysNoGpuWhereEnvJsonRecordsNone() throws IOException {
    Path run = Fixtures.copyOfRun("h100-run", dir);
    String env = Files.readString(run.resolve("env.json")).replaceAll("\"gpuName\" : \"[^\"]*\"", "\"gpuName\" : null");
    Files.writeString(run.resolve("env.json"), env);
    Files.delete(run.resolve("jmh-e2e.json"));
    Files.delete(run.resolve("jmh-trt.json"));
    Files.writeString(run.resolve("jmh-e2e.json"), "[" + result(E2E, "avgt", "\"config\": \"tf-cpu\"", "20.0", "ms/op") + "]");

    new ReportWriter(false).write(new RunFolder(run));

    assertThat(Files.readString(run.resolve("report/report.md")))
        .contains("This run had no GPU (env.json records none)").doesNotContain("no GPU run?");
  }
}
