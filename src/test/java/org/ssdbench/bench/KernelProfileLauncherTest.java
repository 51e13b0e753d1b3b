package org.ssdbench.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import java.util.Properties;
import org.junit.jupiter.api.Test;

final class KernelProfileLauncherTest {
  @Test
  void startsTheSameJavaWithTheRunsJvmArgsPropertiesAndClassPath() {
    Properties props = new Properties();
    props.setProperty("ssdbench.trt.calibration.images", "/photos");
    props.setProperty("ssdbench.run.dir", "/results/run"); // would add rows to trt-builds.csv
    props.setProperty("user.home", "/root");
    var request = new KernelProfileLauncher.Request(Path.of("/results/run"), "trt-fp16-graph", 1, -1, 200);

    List<String> command = KernelProfileLauncher.command("/jdk/bin/java", "a.jar:b.jar", List.of("-Xmx8g"), props,
        request);

    assertThat(command).containsExactly("/jdk/bin/java", "-Xmx8g", "-Dssdbench.trt.calibration.images=/photos",
        "-cp", "a.jar:b.jar", "org.ssdbench.bench.KernelProfileMain", "--run-dir", "/results/run",
        "--config", "trt-fp16-graph", "--batch", "1", "--builder-level", "-1", "--runs", "200");
  }

  @Test
  void namesWhyTheChildFailed() {
    assertThat(KernelProfileLauncher.failure(0, "", "Wrote x")).isEmpty();
    assertThat(KernelProfileLauncher.failure(1, "java.lang.UnsatisfiedLinkError: no jnicupti", "\tat x"))
        .hasValue("exit 1: java.lang.UnsatisfiedLinkError: no jnicupti");
    assertThat(KernelProfileLauncher.failure(134, "", "# An error report file ... hs_err_pid7.log"))
        .hasValue("exit 134 (killed by signal 6, a native crash?): # An error report file ... hs_err_pid7.log");
    assertThat(KernelProfileLauncher.failure(3, "no cached engine for trt-fp16 batch 1", ""))
        .hasValue("no cached engine: no cached engine for trt-fp16 batch 1");
    assertThat(KernelProfileLauncher.failure(1, "", "")).hasValue("exit 1: no output");
  }

  @Test
  void reportsAChildThatCannotStartWithoutThrowing() {
    var launcher = new KernelProfileLauncher(List.of("-XX:ThisOptionDoesNotExist"), java.time.Duration.ofSeconds(60),
        new java.io.PrintStream(java.io.OutputStream.nullOutputStream()));
    var failure = launcher.profile(new KernelProfileLauncher.Request(Path.of("/nonexistent"), "trt-fp16", 1, -1, 1));
    assertThat(failure).isPresent();
    assertThat(failure.get()).startsWith("exit 1");
  }
}
