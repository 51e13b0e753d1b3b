package org.ssdbench.ops;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.ssdbench.results.RunFolder;

final class OpsReportTest {
  private static final String GATHER = "gatherv2:1917x4*1917.i32/axis0";
  private static final String GATHER_SMALL = "gatherv2:1917x4*100.i32/axis0";

  private static String result(String method, String op, String sig, String device, String variant, double score, String unit) {
    return """
        {"benchmark":"org.ssdbench.bench.OpBenchmark.%s","mode":"sample",
         "params":{"op":"%s","signature":"%s","device":"%s","variant":"%s"},
         "primaryMetric":{"score":%s,"scoreUnit":"%s","scorePercentiles":{"50.0":%s}}}"""
        .formatted(method, op, sig, device, variant, score, unit, score);
  }

  /** 180 + 90 of 300 gathers in the model; the rest is charged at the measured mean. */
  private static SignatureTable table() {
    return new SignatureTable("test", true, List.of(
        new SignatureStat(OpSignature.parse(GATHER), 180, 0, "a"),
        new SignatureStat(OpSignature.parse(GATHER_SMALL), 90, 0, "b"),
        new SignatureStat(OpSignature.parse("gatherv2:1917*1917.i32/axis0"), 30, 0, "c")));
  }

  private static RunFolder run(Path dir) throws IOException {
    String json = "[" + String.join(",",
        result("gatherV2", "GatherV2", GATHER, "cpu", "host-fed", 10, "us/op"),
        result("gatherV2", "GatherV2", GATHER, "cpu", "device-resident", 8, "us/op"),
        result("gatherV2", "GatherV2", GATHER, "gpu", "host-fed", 0.04, "ms/op"),
        result("gatherV2", "GatherV2", GATHER, "gpu", "device-resident", 20, "us/op"),
        result("gatherV2", "GatherV2", GATHER_SMALL, "cpu", "device-resident", 2, "us/op"),
        result("gatherV2", "GatherV2", GATHER_SMALL, "gpu", "device-resident", 10, "us/op")) + "]";
    Files.writeString(dir.resolve("jmh-ops.json"), json);
    Files.writeString(dir.resolve("jmh-e2e.json"), "[" + """
        {"benchmark":"org.ssdbench.bench.EndToEndBenchmark.infer","params":{"config":"tf-cpu"},
         "primaryMetric":{"score":30,"scoreUnit":"ms/op"}}""" + "]");
    RunFolder run = new RunFolder(dir);
    Files.createDirectories(run.traces());
    Files.writeString(run.opTable("tf-cpu"), """
        op_type,lane,count,total_us
        GatherV2,CPU,549,2000.0
        _MklNativeConv2DWithBias,CPU,12,6000.0
        Conv2D,CPU,43,2000.0
        """);
    Files.writeString(run.opTable("tf-gpu"), """
        op_type,lane,count,total_us
        GatherV2,GPU kernel,549,4000.0
        GatherV2,GPU launch,549,9000.0
        Conv2D,GPU kernel,55,1000.0
        """);
    return run;
  }

  private static Map<String, CSVRecord> rowsByKey(Path csv) throws IOException {
    try (var in = Files.newBufferedReader(csv)) {
      return CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).get().parse(in).getRecords().stream()
          .collect(java.util.stream.Collectors.toMap(r -> r.get("level") + "|" + r.get("op_type") + "|" + r.get("signature"), r -> r));
    }
  }

  @Test
  void givesCpuAndGpuTimesAndTheirRatioPerSignature(@TempDir Path dir) throws IOException {
    OpsReport report = OpsReport.of(run(dir), table());
    report.writeCsv(dir.resolve("ops-report.csv"));
    CSVRecord row = rowsByKey(dir.resolve("ops-report.csv")).get("signature|GatherV2|" + GATHER);
    assertThat(row.get("occurrences")).isEqualTo("180");
    assertThat(row.get("gpu_host_fed_us")).isEqualTo("40.00");
    assertThat(Double.parseDouble(row.get("cpu_over_gpu_host_fed"))).isCloseTo(0.25, within(1e-9));
    assertThat(Double.parseDouble(row.get("cpu_over_gpu_device_resident"))).isCloseTo(0.4, within(1e-9));
  }

  @Test
  void estimatesTheOpTypeShareFromTimesAndOccurrencesBesideTheTracesShare(@TempDir Path dir) throws IOException {
    OpsReport.of(run(dir), table()).writeCsv(dir.resolve("ops-report.csv"));
    CSVRecord row = rowsByKey(dir.resolve("ops-report.csv")).get("op_type|GatherV2|");
    assertThat(row.get("occurrences")).isEqualTo("300");
    assertThat(row.get("covered_occurrences")).isEqualTo("270");
    // CPU, device-resident: 8*180 + 2*90 = 1620 over 270 measured calls, mean 6 -> + 30*6 = 1800.
    assertThat(Double.parseDouble(row.get("est_cpu_us"))).isCloseTo(1800, within(1e-6));
    // tf-cpu trace: GatherV2 2000 of 10000 us (the oneDNN conv counts as Conv2D).
    assertThat(Double.parseDouble(row.get("trace_cpu_share"))).isCloseTo(0.2, within(1e-9));
    assertThat(Double.parseDouble(row.get("est_cpu_share"))).isCloseTo(0.18, within(1e-9));
    // tf-gpu trace: launches are not counted; GatherV2 4000 of 5000 us.
    assertThat(Double.parseDouble(row.get("trace_gpu_share"))).isCloseTo(0.8, within(1e-9));
  }

  @Test
  void failsWhenTheRunHasNoOpBenchmarkResultsNamingTheFiles(@TempDir Path dir) throws IOException {
    Files.writeString(dir.resolve("jmh-e2e.json"), "[]");
    assertThatThrownBy(() -> OpsReport.of(new RunFolder(dir), table()))
        .hasMessageContaining("No OpBenchmark results").hasMessageContaining("jmh-e2e.json");
  }

  @Test
  void readsOpTypesTfRenamedAsTheOpTheyReplace() {
    assertThat(TraceOpTimes.normalise("_MklNativeConv2DWithBias")).isEqualTo("Conv2D");
    assertThat(TraceOpTimes.normalise("_FusedConv2D")).isEqualTo("Conv2D");
    assertThat(TraceOpTimes.normalise("_MklNativeFusedDepthwiseConv2dNative")).isEqualTo("DepthwiseConv2dNative");
    assertThat(TraceOpTimes.normalise("GatherV2")).isEqualTo("GatherV2");
  }
}
