package org.ssdbench.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.ssdbench.report.run.RunLoader;
import org.ssdbench.results.HostLoad;
import org.ssdbench.results.RunTime;
import org.ssdbench.testing.Fixtures;

final class RunNotesTest {
  @TempDir Path dir;

  @Test
  void saysHowLongTheRunTookWhenItsFolderRecordsIt() throws Exception {
    Path run = Fixtures.copyOfRun("h100-run", dir);
    assertThat(RunNotes.of(new RunLoader().load(run))).noneMatch(n -> n.contains("took"));

    new RunTime(Instant.parse("2026-12-03T09:14:31Z"), Duration.ofSeconds(754), 5, Duration.ofSeconds(422)).write(run);

    assertThat(RunNotes.of(new RunLoader().load(run)))
        .contains("This run took 12 min 34 s, of which 5 TensorRT engine builds 7 min 2 s, from its start to its "
            + "results (the report not included; run-time.json).");
  }

  @Test
  void saysWhereTheTimeWentWhenThePhasesWereTimed() throws Exception {
    Path run = Fixtures.copyOfRun("h100-run", dir);
    java.util.Map<String, Duration> phases = new java.util.LinkedHashMap<>();
    phases.put("setup", Duration.ofSeconds(85));
    phases.put("TensorRT", Duration.ofSeconds(466));
    new RunTime(Instant.parse("2026-12-04T05:08:03Z"), Duration.ofSeconds(551), 5, Duration.ofSeconds(292), 1, phases)
        .write(run);

    assertThat(RunNotes.of(new RunLoader().load(run))).anyMatch(n -> n.startsWith("This run took 9 min 11 s")
        && n.endsWith("By phase: setup 1 min 25 s, TensorRT 7 min 46 s."));
  }

  @Test
  void saysWhichPartWasStoppedAndDoneAgain() throws Exception {
    Path run = Fixtures.copyOfRun("h100-run", dir);
    java.nio.file.Files.writeString(run.resolve("jmh-trt.json.partial.stopped"), "[");

    assertThat(RunNotes.of(new RunLoader().load(run))).contains("A part of this run was stopped and done again: its"
        + " half-written results are kept as jmh-trt.json.partial.stopped and left out.");
  }

  @Test
  void saysWhatElseTheHostWasDoingAndWarnsOfSteal() throws Exception {
    Path run = Fixtures.copyOfRun("h100-run", dir);
    assertThat(RunNotes.of(new RunLoader().load(run))).noneMatch(n -> n.contains("host"));

    new HostLoad(Instant.parse("2026-12-04T05:08:03Z"), Duration.ofSeconds(989), 0.41, 0.001).appendTo(run);
    assertThat(RunNotes.of(new RunLoader().load(run))).contains("The host during this run: load average 0.41 at its"
        + " start, CPU steal 0.1% of CPU time (host-load.json).");

    new HostLoad(Instant.parse("2026-12-04T05:30:00Z"), Duration.ofSeconds(300), 3.5, 0.064).appendTo(run);
    assertThat(RunNotes.of(new RunLoader().load(run))).anySatisfy(n -> assertThat(n)
        .startsWith("The host during this run (per part): load average 0.41 at its start, CPU steal 0.1% of CPU time;"
            + " load average 3.50 at its start, CPU steal 6.4% of CPU time (host-load.json). Steal above 2%")
        .contains("TensorRT without a CUDA graph"));
  }

  @Test
  void warnsWhereAnInt8EngineRanMostlyInOtherKernels() throws Exception {
    Path run = Fixtures.copyOfRun("h100-run", dir);
    String i8 = "sm80_xmma_fprop_implicit_gemm_interleaved_i8i8_i8i32_f32_nchw_vect_c_32kcrs";
    String f16 = "sm80_xmma_fprop_implicit_gemm_f16f16_f16f16_f16_nhwckrsc_nhwc_tilesize128x32x32";
    java.nio.file.Files.writeString(run.resolve("trt-kernels.csv"), String.join("\n",
        "config,batch,kernel,kind,launches_per_inference,us_per_inference,share",
        "trt-int8-graph,1," + i8 + ",CONVOLUTION,3,25.0,0.1",
        "trt-int8-graph,1," + f16 + ",CONVOLUTION,8,75.0,0.3",
        "trt-int8-u8-graph,1," + i8 + ",CONVOLUTION,13,95.0,0.4",
        "trt-int8-u8-graph,1," + f16 + ",CONVOLUTION,1,5.0,0.02",
        "trt-fp16-graph,1," + f16 + ",CONVOLUTION,8,75.0,0.3", ""));

    assertThat(RunNotes.of(new RunLoader().load(run))).anySatisfy(n -> assertThat(n)
        .startsWith("INT8 engines that ran most of their convolution time in other kernels (share in INT8 kernels:"
            + " trt-int8-graph batch 1 25%;")
        .doesNotContain("trt-int8-u8-graph").doesNotContain("trt-fp16-graph"));
  }
}
