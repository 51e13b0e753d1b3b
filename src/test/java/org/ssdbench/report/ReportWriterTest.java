package org.ssdbench.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.ssdbench.results.RunFolder;
import org.ssdbench.testing.Fixtures;

final class ReportWriterTest {
  @TempDir Path dir;

  @BeforeAll
  static void headless() {
    System.setProperty("java.awt.headless", "true");
  }

  @Test
  void writesCsvChartsMarkdownAndOneSelfContainedHtml() throws IOException {
    RunFolder run = new RunFolder(Fixtures.copyOfRun("h100-run", dir));

    List<Path> written = new ReportWriter(false).write(run);

    assertThat(written).extracting(p -> p.getFileName().toString()).containsExactly(
        "results.csv", "latency.png", "latency.svg", "speedup.png", "speedup.svg", "percentiles.png",
        "percentiles.svg", "ops.png", "ops.svg", "ladder.png", "ladder.svg", "report.md", "report.html");
    assertThat(written).allSatisfy(p -> assertThat(p).startsWith(run.report()).isNotEmptyFile());
    String html = Files.readString(run.report().resolve("report.html"));
    assertThat(html).contains("data:image/png;base64,").doesNotContain("src=\"http").doesNotContain("<link");
    assertThat(html).contains("NVIDIA H100 80GB HBM3").contains("reproduced");
    String md = Files.readString(run.report().resolve("report.md"));
    assertThat(md).contains("![Speedup over tf-gpu").contains("(speedup.png)");
    assertThat(md).contains("| tf-gpu | EndToEndBenchmark.infer | sample |");
    assertThat(md).contains("Placement: nodes per device per configuration").contains("Top op types in the trace of tf-gpu")
        .contains("Host-device copies").contains("| 1,204,512 |");
  }

  @Test
  void showsTheTensorRtBuildsOfTheRunAsATable() throws IOException {
    RunFolder run = new RunFolder(Fixtures.copyOfRun("h100-run", dir));
    Files.writeString(run.trtBuilds(), String.join("\n",
        "config,precision,batch,builder_level,build,build_ms,timing_cache,calibration,layers",
        "trt-int8,int8,1,2,cold,61234,new,calibrated,98",
        "trt-int8-graph,int8,1,2,cached,0,-,-,98", ""));

    new ReportWriter(false).write(run);

    String md = Files.readString(run.report().resolve("report.md"));
    assertThat(md).contains("TensorRT engines: build time, builder level")
        .contains("| trt-int8 | int8 | 1 | 2 | cold | 61234 | new | calibrated | 98 |");
  }

  @Test
  void showsWhatTheGateFoundForEachConfiguration() throws IOException {
    RunFolder run = new RunFolder(Fixtures.copyOfRun("h100-run", dir));
    org.ssdbench.results.GateCsv.append(run.dir(), new org.ssdbench.engine.CorrectnessGate.Report("trt-int8-graph",
        org.ssdbench.engine.GateCriteria.measuredOnly("TensorRT INT8"), true,
        List.of(new org.ssdbench.engine.DetectionMatch(0, 7, 6, 4, 0.8898, 0.0214, List.of())), List.of()), 1);

    new ReportWriter(false).write(run);

    String md = Files.readString(run.report().resolve("report.md"));
    assertThat(md).contains("Correctness gate: each configuration's detections against tf-cpu's")
        .containsPattern("\\| trt-int8-graph \\| 1 \\| .* \\| false \\| true \\| 1 \\| 7 \\| 6 \\| 4 \\| 0 \\| 0.8898 \\| 0.0214 \\|");
  }

  @Test
  void aGateCsvWrittenBeforeMissesWereRecordedLeavesThemBlank() throws IOException {
    RunFolder run = new RunFolder(Fixtures.copyOfRun("h100-run", dir));
    Files.writeString(run.dir().resolve("gate.csv"), "config,batch,criteria,gated,passed,image,reference_detections,"
        + "detections,matched,mean_iou,worst_score_diff\ntrt-fp16-graph,1,TensorRT FP16,true,true,0,7,6,6,0.9909,0.0017\n");

    new ReportWriter(false).write(run);

    assertThat(Files.readString(run.report().resolve("report.md")))
        .contains("| trt-fp16-graph | 1 | TensorRT FP16 | true | true | 1 | 7 | 6 | 6 |  | 0.9909 | 0.0017 |");
  }

  @Test
  void aBuildThatLoadedATimingCacheOfOtherShapesIsShownCold() {
    List<String> header = org.ssdbench.engine.trt.TrtBuild.HEADER;
    // vm-h200-20261204-050852: FP16 after FP32's cache was loaded, 82.7 s, the cache 0.13 -> 0.68 MB
    List<String> fp16 = List.of("trt-fp16-l1", "fp16", "1", "1", "warm", "82700", "loaded", "131072", "680000", "-",
        "0", "0", "98", "1", "1", "NVIDIA H200", "10.6.0", "no cached plan");
    List<String> rebuild = new java.util.ArrayList<>(fp16);
    rebuild.set(7, "1407265");
    rebuild.set(8, "1407265");

    assertThat(SideTables.buildKindFromCacheGrowth(header, fp16).get(4)).isEqualTo("cold");
    assertThat(SideTables.buildKindFromCacheGrowth(header, rebuild).get(4)).isEqualTo("warm");
  }

  @Test
  void theBuildTableShowsAnEngineLoadedByEveryForkOnceWithItsCount() throws IOException {
    // 083311: each fork of the sweep and both instances of two in flight loaded the batch-256 engine from the cache
    var table = org.ssdbench.report.csv.CsvTable.read(Path.of("results/vm-h200-20261204-083311/trt-builds.csv"));

    var shown = SideTables.collapseRepeats(table);

    assertThat(table.rows()).hasSize(8);
    assertThat(shown.header()).last().isEqualTo("rows");
    assertThat(shown.rows()).extracting(r -> r.get(2) + " " + r.get(4) + " x" + r.get(r.size() - 1))
        .containsExactly("1 cold x1", "1 cached x1", "256 cold x1", "256 cached x5");
    var distinct = new org.ssdbench.report.csv.CsvTable(table.header(), List.of(table.rows().get(0)));
    assertThat(SideTables.collapseRepeats(distinct)).isSameAs(distinct);
  }

  @Test
  void sumsUpTheGateOfABatchToOneLineWithItsWorstImage() throws IOException {
    RunFolder run = new RunFolder(Fixtures.copyOfRun("h100-run", dir));
    var criteria = org.ssdbench.engine.GateCriteria.measuredOnly("TensorRT FP16");
    org.ssdbench.results.GateCsv.append(run.dir(), new org.ssdbench.engine.CorrectnessGate.Report("trt-fp16-u8-graph",
        criteria, true, List.of(
            new org.ssdbench.engine.DetectionMatch(0, 7, 7, 7, 0.9903, 0.0015, List.of()),
            new org.ssdbench.engine.DetectionMatch(1, 7, 6, 6, 0.9712, 0.0031, List.of()),
            new org.ssdbench.engine.DetectionMatch(2, 6, 6, 6, 0.9950, 0.0008, List.of())), List.of()), 3);
    org.ssdbench.results.GateCsv.append(run.dir(), new org.ssdbench.engine.CorrectnessGate.Report("trt-fp16-u8-graph",
        criteria, true, List.of(new org.ssdbench.engine.DetectionMatch(0, 7, 7, 7, 0.9903, 0.0015, List.of())),
        List.of()), 1);

    new ReportWriter(false).write(run);

    String md = Files.readString(run.report().resolve("report.md"));
    assertThat(md).containsPattern("\\| trt-fp16-u8-graph \\| 3 \\| .* \\| true \\| 3 \\| 20 \\| 19 \\| 19 \\| 0 \\| 0.9712 \\| 0.0031 \\|")
        .containsPattern("\\| trt-fp16-u8-graph \\| 1 \\| .* \\| true \\| 1 \\| 7 \\| 7 \\| 7 \\| 0 \\| 0.9903 \\| 0.0015 \\|")
        .contains("gate.csv has a line per image");
  }

  @Test
  void givesTheVerdictWithTheMeasuredNumbers() throws IOException {
    RunFolder run = new RunFolder(Fixtures.copyOfRun("h100-run", dir));

    new ReportWriter(false).write(run);

    String md = Files.readString(run.report().resolve("report.md"));
    assertThat(md).containsPattern(
        "\\| NMS block on CPU \\(step 1\\) \\| tf-gpu / tf-gpu-postproc-cpu \\| 1\\.30x \\| 1\\.\\d\\dx \\| reproduced \\|");
    assertThat(md).containsPattern(
        "\\| TensorRT FP32 \\(step 2\\) \\| tf-gpu / trt-fp32 \\| 4\\.00x \\| 2\\.\\d\\dx \\| not reproduced \\| [0-9.]+ ms /");
    assertThat(md).containsPattern(
        "\\| TensorRT, fastest configuration \\| tf-gpu / trt-fp16-graph \\| 4\\.00x \\| 5\\.\\d\\dx \\| reproduced \\| [0-9.]+ ms /");
  }

  @Test
  void refusesToOverwriteAnExistingReportUnlessForced() throws IOException {
    RunFolder run = new RunFolder(Fixtures.copyOfRun("h100-run", dir));
    Files.createDirectories(run.report());
    Path mine = Files.writeString(run.report().resolve("report.md"), "my notes");

    assertThatThrownBy(() -> new ReportWriter(false).write(run))
        .isInstanceOf(ReportExistsException.class)
        .hasMessageContaining(run.report().toString())
        .hasMessageContaining("--force");
    assertThat(mine).hasContent("my notes");

    new ReportWriter(true).write(run);
    assertThat(Files.readString(mine)).startsWith("# SSD MobileNet V2 inference");
  }

  @Test
  void statesMissingPiecesInsteadOfFailing() throws IOException {
    Path bare = Files.createDirectories(dir.resolve("cpu-only"));
    Files.copy(Fixtures.resource("jmh/avgt-thrpt-single-fork.json"), bare.resolve("jmh-other.json"));

    List<Path> written = new ReportWriter(false).write(new RunFolder(bare));

    assertThat(written).extracting(p -> p.getFileName().toString())
        .containsExactly("results.csv", "scores.png", "scores.svg", "report.md", "report.html");
    String md = Files.readString(bare.resolve("report/report.md"));
    assertThat(md)
        .contains("no env.json")
        .contains("No end-to-end results")
        .contains("No per-op results")
        .contains("| not measured |")
        .contains("MapBenchmark.get")
        .contains("has no placement.csv");
  }

  @Test
  void copiesPlotsWithTheRunNameAndKeepsExistingOnes() throws IOException {
    RunFolder run = new RunFolder(Fixtures.copyOfRun("h100-run", dir));
    List<Path> written = new ReportWriter(false).write(run);
    Path plots = dir.resolve("plots");
    Files.createDirectories(plots);
    Path existing = Files.writeString(plots.resolve("h100-run-latency.png"), "keep me");

    PlotCopier.Copied copied = new PlotCopier(plots, false).copy(run.dir(), written);

    assertThat(copied.skipped()).containsExactly(existing);
    assertThat(existing).hasContent("keep me");
    assertThat(copied.written()).extracting(p -> p.getFileName().toString())
        .contains("h100-run-latency.svg", "h100-run-speedup.png", "h100-run-ops.svg")
        .noneMatch(name -> name.endsWith(".csv") || name.endsWith(".md") || name.endsWith(".html"));

    PlotCopier.Copied forced = new PlotCopier(plots, true).copy(run.dir(), written);
    assertThat(forced.skipped()).isEmpty();
    assertThat(Files.size(existing)).isGreaterThan(1000);
  }
}
