package org.ssdbench.engine.trt;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.ssdbench.report.csv.CsvTable;

final class TrtBuildsCsvTest {
  @TempDir Path dir;

  private static TrtBuild row(String config, String reason) {
    return new TrtBuild(config, "int8", 1, TrtBuild.levelLabel(2), TrtBuild.kind(false, "loaded", 1000, 1010), 12_345, "loaded",
        1000, 1010, "calibrated", 20_000, 16, 120, 9_000_000, 4_000_000, "NVIDIA H200", "10.6.0", reason);
  }

  @Test
  void writesTheHeaderOnceAndOneRowPerBuildReadableAsCsv() throws Exception {
    Path file = dir.resolve("run").resolve(TrtBuildsCsv.FILE);
    TrtBuildsCsv.append(file, row("trt-int8", "no cached plan"));
    TrtBuildsCsv.append(file, row("trt-int8-graph", "cached plan is for another key: a, b"));

    CsvTable table = CsvTable.read(file);
    assertThat(table.header()).isEqualTo(TrtBuild.HEADER);
    assertThat(table.rows()).hasSize(2);
    assertThat(table.rows().get(1).get(TrtBuild.HEADER.indexOf("reason"))).isEqualTo("cached plan is for another key: a, b");
    assertThat(table.rows().get(0).get(TrtBuild.HEADER.indexOf("build"))).isEqualTo("warm");
  }

  @Test
  void countsTheBuildsButNotTheEnginesLoadedFromTheCache() throws Exception {
    Files.writeString(dir.resolve(TrtBuildsCsv.FILE), String.join("\n",
        "config,precision,batch,builder_level,build,build_ms,timing_cache",
        "trt-fp16-graph,fp16,1,3 (TensorRT default),warm,19293,loaded",
        "trt-fp16-graph,fp16,1,3 (TensorRT default),cached,0,-",
        "trt-int8-u8-graph,int8,1,2,cold,56511,new", ""));

    TrtBuildsCsv.Builds builds = TrtBuildsCsv.builtIn(dir);

    assertThat(builds.count()).isEqualTo(2);
    assertThat(builds.time()).isEqualTo(java.time.Duration.ofMillis(75804));
    assertThat(TrtBuildsCsv.builtIn(dir.resolve("no-run-here")).count()).isZero();
  }

  @Test
  void concurrentAppendsNeverInterleaveLines() throws Exception {
    Path file = dir.resolve(TrtBuildsCsv.FILE);
    ExecutorService pool = Executors.newFixedThreadPool(4);
    try {
      List<Future<?>> jobs = new ArrayList<>();
      for (int i = 0; i < 40; i++) {
        int n = i;
        jobs.add(pool.submit(() -> TrtBuildsCsv.append(file, row("trt-fp16-" + n, "x"))));
      }
      for (Future<?> f : jobs) {
        f.get();
      }
    } finally {
      pool.shutdown();
    }
    List<String> lines = Files.readAllLines(file);
    assertThat(lines).hasSize(41);
    assertThat(lines.stream().filter(l -> l.startsWith("config,"))).hasSize(1);
    assertThat(lines.subList(1, 41)).allMatch(l -> l.split(",").length == TrtBuild.HEADER.size());
  }

  @Test
  void withoutTheRunFolderPropertyNothingIsWritten() {
    System.clearProperty(TrtBuildsCsv.RUN_DIR_PROPERTY);
    assertThat(TrtBuildsCsv.appendToRun(row("trt-fp32", ""))).isNull();
  }

  @Test
  void namesColdWarmAndCachedBuildsAndTheDefaultLevel() {
    assertThat(TrtBuild.kind(false, "new", 0, 677_927)).isEqualTo("cold");
    assertThat(TrtBuild.kind(false, "rejected: belongs to another key", 0, 677_927)).isEqualTo("cold");
    // H200 build check: rebuilds of the same engines added 0 and 1,664 bytes to a 1.4 MB timing cache
    assertThat(TrtBuild.kind(false, "loaded", 1_407_265, 1_407_265)).isEqualTo("warm");
    assertThat(TrtBuild.kind(false, "loaded", 1_405_601, 1_407_265)).isEqualTo("warm");
    // H200 sweep: batch 8 after batch 1 loaded the cache, timed every layer again (101.8 s against 99.8 s cold)
    assertThat(TrtBuild.kind(false, "loaded", 677_927, 1_240_915)).isEqualTo("cold");
    assertThat(TrtBuild.kind(true, "", 0, 0)).isEqualTo("cached");
    assertThat(TrtBuild.levelLabel(TrtNetworkBuilder.Options.DEFAULT_LEVEL)).isEqualTo("3 (TensorRT default)");
  }
}
