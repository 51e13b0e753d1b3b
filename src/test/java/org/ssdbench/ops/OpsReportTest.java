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
    return result(method, op, sig, device, variant, "op", score, unit);
  }

  /** A trial whose iteration scores are score -+ 1 us and score, so its 95% half-width is 2.484 us. */
  private static String result(String method, String op, String sig, String device, String variant, String graph,
      double score, String unit) {
    return """
        {"benchmark":"org.ssdbench.bench.OpBenchmark.%s","mode":"avgt",
         "params":{"op":"%s","signature":"%s","device":"%s","variant":"%s","graph":"%s"},
         "primaryMetric":{"score":%s,"scoreUnit":"%s","scorePercentiles":{"50.0":%s},"rawData":[[%s,%s,%s]]}}"""
        .formatted(method, op, sig, device, variant, graph, score, unit, score, score - step(unit), score, score + step(unit));
  }

  private static double step(String unit) {
    return unit.equals("ms/op") ? 0.001 : 1;
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
        result("gatherV2", "GatherV2", GATHER_SMALL, "gpu", "device-resident", 10, "us/op"),
        result("gatherV2", "GatherV2", GATHER, "cpu", "host-fed", "control", 4, "us/op"),
        result("gatherV2", "GatherV2", GATHER, "cpu", "device-resident", "control", 3, "us/op"),
        result("gatherV2", "GatherV2", GATHER, "gpu", "host-fed", "control", 15, "us/op"),
        result("gatherV2", "GatherV2", GATHER, "gpu", "device-resident", "control", 10, "us/op"),
        result("gatherV2", "GatherV2", GATHER_SMALL, "cpu", "device-resident", "control", 1, "us/op"),
        result("gatherV2", "GatherV2", GATHER_SMALL, "gpu", "device-resident", "control", 5, "us/op")) + "]";
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
  void givesCallControlAndNetTimesWithTheirUncertaintyAndTheNetRatioPerSignature(@TempDir Path dir) throws IOException {
    OpsReport report = OpsReport.of(run(dir), table());
    report.writeCsv(dir.resolve("ops-report.csv"));
    CSVRecord row = rowsByKey(dir.resolve("ops-report.csv")).get("signature|GatherV2|" + GATHER);
    assertThat(row.get("occurrences")).isEqualTo("180");
    assertThat(row.get("gpu_host_fed_call_us")).isEqualTo("40.00");
    assertThat(row.get("gpu_host_fed_control_us")).isEqualTo("15.00");
    assertThat(row.get("gpu_host_fed_net_us")).isEqualTo("25.00");
    // ms/op iteration scores 0.039, 0.04, 0.041 -> half-width 2.484 us; control's 2.484 us; in quadrature 3.513 us
    assertThat(Double.parseDouble(row.get("gpu_host_fed_net_ci95_us"))).isCloseTo(3.51, within(0.01));
    // net: CPU host-fed 10 - 4 = 6 over GPU 25; device-resident 8 - 3 = 5 over 20 - 10 = 10
    assertThat(Double.parseDouble(row.get("cpu_over_gpu_host_fed"))).isCloseTo(0.24, within(1e-9));
    assertThat(Double.parseDouble(row.get("cpu_over_gpu_device_resident"))).isCloseTo(0.5, within(1e-9));
    assertThat(row.get("note")).isEmpty();
  }

  @Test
  void sharesComeFromTheTraceAndTheIsolatedEstimateStandsApart(@TempDir Path dir) throws IOException {
    OpsReport.of(run(dir), table()).writeCsv(dir.resolve("ops-report.csv"));
    CSVRecord row = rowsByKey(dir.resolve("ops-report.csv")).get("op_type|GatherV2|");
    assertThat(row.get("occurrences")).isEqualTo("300");
    assertThat(row.get("covered_occurrences")).isEqualTo("270");
    // CPU, device-resident net: 5*180 + 1*90 = 990 for the 270 measured calls; the 30 not benchmarked are not charged.
    assertThat(Double.parseDouble(row.get("isolated_est_cpu_us"))).isCloseTo(990, within(1e-6));
    // tf-cpu trace: GatherV2 2000 of 10000 us (the oneDNN conv counts as Conv2D).
    assertThat(Double.parseDouble(row.get("trace_cpu_share"))).isCloseTo(0.2, within(1e-9));
    // tf-gpu trace: launches are not counted; GatherV2 4000 of 5000 us.
    assertThat(Double.parseDouble(row.get("trace_gpu_share"))).isCloseTo(0.8, within(1e-9));
    assertThat(java.util.Arrays.asList(OpsReport.HEADER)).doesNotContain("est_cpu_share", "est_gpu_share");
  }

  @Test
  void noShareExceedsOneEvenWhereIsolatedCallsAddUpToMoreThanTheWholeInference(@TempDir Path dir) throws IOException {
    java.util.Random random = new java.util.Random(1234);
    String[] types = {"GatherV2", "Conv2D", "_MklNativeConv2DWithBias", "Maximum", "NonMaxSuppressionV3", "Reshape"};
    String[] lanes = {"CPU", "GPU kernel", "copy", "GPU launch"};
    for (int trial = 0; trial < 50; trial++) {
      StringBuilder csv = new StringBuilder("op_type,lane,count,total_us\n");
      int lines = 1 + random.nextInt(8);
      for (int i = 0; i < lines; i++) {
        double us = random.nextInt(4) == 0 ? 0 : random.nextDouble() * Math.pow(10, random.nextInt(6));
        csv.append(types[random.nextInt(types.length)]).append(',').append(lanes[random.nextInt(lanes.length)])
            .append(",1,").append(us).append('\n');
      }
      Path file = dir.resolve("trial" + trial + ".ops.csv");
      Files.writeString(file, csv);
      TraceOpTimes trace = TraceOpTimes.read(file, "tf-cpu").orElseThrow();
      // isolated calls of 1 s each: their estimate is far above any traced inference
      List<OpTiming> timings = List.of(new OpTiming("GatherV2", GATHER, OpDevice.CPU, Variant.HOST_FED, 1e6, 1, 10, 1, 1e6));

      OpsReport report = OpsReport.of(timings, table(), java.util.Optional.of(trace), java.util.Optional.of(trace));

      double sum = 0;
      for (String type : new String[] {"GatherV2", "Conv2D", "Maximum", "NonMaxSuppressionV3", "Reshape"}) {
        double share = trace.share(type);
        if (!Double.isNaN(share)) {
          assertThat(share).isBetween(0.0, 1.0);
          sum += share;
        }
      }
      assertThat(sum).isLessThanOrEqualTo(1.0 + 1e-12);
      assertThat(report.rows()).allSatisfy(r -> {
        assertThat(Double.isNaN(r.traceCpuShare()) || (r.traceCpuShare() >= 0 && r.traceCpuShare() <= 1)).isTrue();
        assertThat(Double.isNaN(r.traceGpuShare()) || (r.traceGpuShare() >= 0 && r.traceGpuShare() <= 1)).isTrue();
      });
    }
  }

  @Test
  void refusesANegativeTracedTime(@TempDir Path dir) throws IOException {
    Path file = dir.resolve("tf-cpu.ops.csv");
    Files.writeString(file, "op_type,lane,count,total_us\nGatherV2,CPU,1,-5\nConv2D,CPU,1,10\n");

    assertThatThrownBy(() -> TraceOpTimes.read(file, "tf-cpu")).hasMessageContaining("GatherV2").hasMessageContaining("-5");
  }

  @Test
  void aControlSubtractedTimeIsNeverNegativeBeyondItsUncertainty(@TempDir Path dir) throws IOException {
    String json = "[" + String.join(",",
        // within the noise: net -1 +- 3.5 stays, it says "no measurable time"
        result("reshape", "Reshape", "reshape:1x19x19x12/to1x1083x1x4", "cpu", "host-fed", "op", 9, "us/op"),
        result("reshape", "Reshape", "reshape:1x19x19x12/to1x1083x1x4", "cpu", "host-fed", "control", 10, "us/op"),
        // the control 20 us slower, far beyond +-3.5: no net time, and the note says why
        result("reshape", "Reshape", "reshape:1x19x19x12/to1x1083x1x4", "gpu", "host-fed", "op", 30, "us/op"),
        result("reshape", "Reshape", "reshape:1x19x19x12/to1x1083x1x4", "gpu", "host-fed", "control", 50, "us/op"),
        // no control in the run (older results): no net time
        result("reshape", "Reshape", "reshape:1x19x19x12/to1x1083x1x4", "cpu", "device-resident", "op", 7, "us/op"))
        + "]";
    Files.writeString(dir.resolve("jmh-ops.json"), json);

    List<OpTiming> timings = OpTiming.read(dir.resolve("jmh-ops.json"));
    OpsReport.of(timings, table(), java.util.Optional.empty(), java.util.Optional.empty()).writeCsv(dir.resolve("r.csv"));

    assertThat(timings).hasSize(3).allSatisfy(t ->
        assertThat(Double.isNaN(t.netMicros()) || t.netMicros() >= -t.netHalfWidth()).isTrue());
    CSVRecord row = rowsByKey(dir.resolve("r.csv")).get("signature|Reshape|reshape:1x19x19x12/to1x1083x1x4");
    assertThat(row.get("cpu_host_fed_net_us")).isEqualTo("-1.00");
    assertThat(row.get("gpu_host_fed_net_us")).isEmpty();
    assertThat(row.get("cpu_device_resident_net_us")).isEmpty();
    assertThat(row.get("note")).contains("gpu host-fed: control slower than the call").contains("cpu device-resident: no control");
  }

  @Test
  void anOpNotToldApartFromZeroGetsNoRatioAndNoNegativeEstimate(@TempDir Path dir) throws IOException {
    // As GatherV2 on empty tensors on an H200: CPU net -5.7 +- 6.3 us, GPU net -8.7 +- 35.8 us, 172 calls an
    // inference; the CSV said 0.65 for their ratio and -977 us for the CPU estimate.
    String empty = "gatherv2:0*0.i32/axis0";
    List<OpTiming> timings = List.of(
        new OpTiming("GatherV2", empty, OpDevice.CPU, Variant.HOST_FED, 51.78, 4.4, 57.46, 4.4, 51.0),
        new OpTiming("GatherV2", empty, OpDevice.GPU, Variant.HOST_FED, 156.85, 25.3, 165.56, 25.3, 156.0));
    SignatureTable table = new SignatureTable("test", true,
        List.of(new SignatureStat(OpSignature.parse(empty), 172, 0, "a")));

    OpsReport.of(timings, table, java.util.Optional.empty(), java.util.Optional.empty())
        .writeCsv(dir.resolve("r.csv"));

    Map<String, CSVRecord> rows = rowsByKey(dir.resolve("r.csv"));
    CSVRecord row = rows.get("signature|GatherV2|" + empty);
    assertThat(row.get("cpu_host_fed_net_us")).isEqualTo("-5.68");
    assertThat(row.get("cpu_over_gpu_host_fed")).isEmpty();
    assertThat(row.get("isolated_est_cpu_us")).isEqualTo("0.00");
    assertThat(row.get("isolated_est_gpu_us")).isEqualTo("0.00");
    assertThat(rows.get("op_type|GatherV2|").get("isolated_est_cpu_us")).isEqualTo("0.00");
    assertThat(row.get("note")).contains("cpu host-fed: not told apart from zero (-5.68 +- 6.22 us; no ratio, 0 in the"
        + " estimate)").contains("gpu host-fed: not told apart from zero");
  }

  @Test
  void noEstimateOrRatioInTheCsvIsNegative(@TempDir Path dir) throws IOException {
    java.util.Random random = new java.util.Random(42);
    for (int trial = 0; trial < 200; trial++) {
      List<OpTiming> timings = new java.util.ArrayList<>();
      for (OpDevice d : OpDevice.values()) {
        for (Variant v : Variant.values()) {
          double call = random.nextDouble() * 100;
          double control = call + (random.nextDouble() - 0.6) * 40;
          timings.add(new OpTiming("GatherV2", GATHER, d, v, call, random.nextDouble() * 10, control,
              random.nextDouble() * 10, call));
        }
      }
      OpsReport.of(timings, table(), java.util.Optional.empty(), java.util.Optional.empty())
          .writeCsv(dir.resolve("r.csv"));
      for (CSVRecord r : rowsByKey(dir.resolve("r.csv")).values()) {
        for (String column : List.of("isolated_est_cpu_us", "isolated_est_gpu_us", "cpu_over_gpu_host_fed",
            "cpu_over_gpu_device_resident")) {
          assertThat(r.get(column)).as(trial + " " + column).doesNotStartWith("-");
        }
      }
    }
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
