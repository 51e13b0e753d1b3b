package org.ssdbench.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** run-bench.sh, as a new user meets it: its help, its build progress, its environment for the run. */
final class RunBenchScriptTest {
  private static final Path SCRIPT = Path.of("run-bench.sh");

  private static String bash(String script, String stdin) throws IOException, InterruptedException {
    Process p = new ProcessBuilder("bash", "-c", script).redirectErrorStream(true).start();
    p.getOutputStream().write(stdin.getBytes(StandardCharsets.UTF_8));
    p.getOutputStream().close();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(p.waitFor()).as(out).isZero();
    return out;
  }

  @Test
  void helpPrintsTheCommentAndOptionsWithoutCode() throws Exception {
    String help = bash("./run-bench.sh --help", "");

    assertThat(help).contains("./run-bench.sh --full").contains("--no-build").doesNotContain("set -euo")
        .doesNotContain("cd \"$(dirname");
  }

  @Test
  void theBuildShowsEachDownloadAndStepWithoutColourCodes() throws Exception {
    String maven = String.join("\n",
        "[INFO] Downloading from central: https://repo.maven.apache.org/maven2/org/x/y/1/y-1.jar",
        "[INFO] Downloaded from central: https://repo.maven.apache.org/maven2/org/x/y/1/y-1.jar (12 MB at 3 MB/s)",
        "[INFO] --- compiler:3.13.0:compile (default-compile) @ ssd-gpu-bench ---",
        "[INFO] Compiling 3 source files",
        "[INFO] BUILD SUCCESS", "");

    String progress = bash("source <(sed -n '/^build_progress()/,/^}/p' run-bench.sh); build_progress", maven);

    assertThat(progress).contains("downloaded (1) y-1.jar (12 MB at 3 MB/s)").contains("compiler:3.13.0:compile")
        .contains("BUILD SUCCESS").doesNotContain("Compiling 3");
    String script = Files.readString(SCRIPT);
    String stripped = bash("printf '\\033[0m\\033[1;31m[INFO] BUILD SUCCESS\\n' | sed -u 's/\\x1b\\[[0-9;]*m//g'", "");
    assertThat(stripped).isEqualTo("[INFO] BUILD SUCCESS\n");
    assertThat(script).contains("| sed -u 's/\\x1b\\[[0-9;]*m//g' | tee target/build.log")
        .contains("mvn -B -Dstyle.color=never package").doesNotContain("mvn -B -q package")
        .contains("about 210 MB");
  }

  @Test
  void theRunKeepsTensorFlowsInfoLinesOutAndRunsNoGit() throws Exception {
    String script = Files.readString(SCRIPT);

    assertThat(script).contains("export TF_CPP_MIN_LOG_LEVEL=${TF_CPP_MIN_LOG_LEVEL:-1}")
        .doesNotContainPattern("(?m)^[^#]*\\bgit ");
  }

  /** A copy of the script in {@code dir} with a fake GPU (nvidia-smi) and a fake java that records its arguments. */
  private static Path fakeGpuMachine(Path dir, String redistClasspath) throws IOException {
    Files.copy(SCRIPT, dir.resolve("run-bench.sh"));
    Path bin = Files.createDirectories(dir.resolve("bin"));
    Path target = Files.createDirectories(dir.resolve("target"));
    Files.writeString(target.resolve("benchmarks.jar"), "");
    if (redistClasspath != null) {
      Files.writeString(target.resolve("redist.classpath"), redistClasspath);
    }
    Files.writeString(bin.resolve("nvidia-smi"), "#!/bin/sh\necho 'Fake GPU'\n");
    Files.writeString(bin.resolve("java"), "#!/bin/sh\necho \"$*\" >> \"$(dirname \"$0\")/java.args\"\n"
        + "echo \"$LD_LIBRARY_PATH\" > \"$(dirname \"$0\")/java.ldpath\"\n");
    bin.resolve("nvidia-smi").toFile().setExecutable(true);
    bin.resolve("java").toFile().setExecutable(true);
    return bin;
  }

  @Test
  void thePeerSweepsTheBatchSizesWhenTheRunSweepsThem(@TempDir Path dir) throws Exception {
    java.util.Map<String, String> peerBatches = new java.util.LinkedHashMap<>();
    peerBatches.put("", "1");
    peerBatches.put("-- --throughput", "1,8,32,128,256");
    peerBatches.put("--full", "1,8,32,128,256");
    peerBatches.put("-- --throughput=trt-int8-u8-graph --no-tf", "1,8,32,128,256");
    peerBatches.put("-- --throughput --throughput-batches 256", "1,256");
    peerBatches.put("-- --throughput --throughput-batches=1,64", "1,64");
    for (String args : peerBatches.keySet()) {
      Path run = Files.createDirectories(dir.resolve("r" + args.hashCode()));
      Path bin = fakeGpuMachine(run, null);
      // the suite prints its run folder; python3 has torch and records how the peer was started
      Files.writeString(bin.resolve("java"), "#!/bin/sh\necho 'Results:  results/x'\n");
      Files.writeString(bin.resolve("python3"), "#!/bin/sh\n[ \"$1\" = -c ] && exit 0\n"
          + "echo \"$*\" >> \"$(dirname \"$0\")/python3.args\"\n");
      bin.resolve("python3").toFile().setExecutable(true);

      String out = bash("cd " + run + " && PATH=" + bin + ":$PATH ./run-bench.sh --no-build --no-redist --generated "
          + args, "");

      assertThat(Files.readString(bin.resolve("python3.args")).trim()).as(args).isEqualTo(
          "peers/torch_ssd.py --out results/x --batches " + peerBatches.get(args));
      // the peer runs after the suite's run-time.json is written, so its time is said on its own
      assertThat(out).as(args).contains("Peer took: 0 min 0 s (on top of run-time.json's time)");
    }
  }

  @Test
  void withTheRedistJarsTheSuiteStartsWithThemOnTheClassPath(@TempDir Path dir) throws Exception {
    Path bin = fakeGpuMachine(dir,
        "/m2/cuda-12.6-9.5-1.5.11-linux-x86_64-redist.jar:/m2/tensorrt-10.6-1.5.11-linux-x86_64-redist.jar\n");

    String out = bash("cd " + dir + " && HOME=/home/u LD_LIBRARY_PATH=/opt/x PATH=" + bin
        + ":$PATH ./run-bench.sh --no-build --redist --generated", "");

    assertThat(out).contains("GPU: Fake GPU").contains("using the redist jars");
    assertThat(Files.readString(bin.resolve("java.args"))).startsWith(
        "-Xmx8g -Djava.awt.headless=true -cp target/benchmarks.jar:/m2/cuda-12.6-9.5-1.5.11-linux-x86_64-redist.jar"
            + ":/m2/tensorrt-10.6-1.5.11-linux-x86_64-redist.jar org.ssdbench.cli.Main run --profile quick --model generated");
    // TensorRT's builder finds its resource library only by file name, in the folder JavaCPP unpacks it into
    assertThat(Files.readString(bin.resolve("java.ldpath")).trim()).isEqualTo(
        "/home/u/.javacpp/cache/tensorrt-10.6-1.5.11-linux-x86_64-redist.jar/org/bytedeco/tensorrt/linux-x86_64:/opt/x");
  }

  @Test
  void withTheRedistJarsButNoClassPathFileItSaysWhatToBuild(@TempDir Path dir) throws Exception {
    Path bin = fakeGpuMachine(dir, null);

    Process p = new ProcessBuilder("bash", "-c", "PATH=" + bin + ":$PATH ./run-bench.sh --no-build --redist --generated")
        .directory(dir.toFile()).redirectErrorStream(true).start();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);

    assertThat(p.waitFor()).isEqualTo(2);
    assertThat(out).contains("target/redist.classpath is missing; build with -Pgpu -Predist");
    assertThat(bin.resolve("java.args")).doesNotExist();
  }

  @Test
  void aPartAddedToARunFolderPassesNeitherProfileNorModel(@TempDir Path dir) throws Exception {
    Path bin = fakeGpuMachine(dir, "/m2/cuda-redist.jar\n");
    Path workload = Files.createDirectories(dir.resolve("results/r1/workload"));
    Files.writeString(workload.resolve("workload.json"), "{\n  \"format\" : 1,\n  \"profile\" : \"full\"\n}\n");

    String out = bash("cd " + dir + " && PATH=" + bin + ":$PATH ./run-bench.sh --no-build --no-redist -- --add-to results/r1"
        + " --no-tf", "");

    assertThat(out).contains("Adding to results/r1: its model, images and full profile").doesNotContain("Model:");
    assertThat(Files.readString(bin.resolve("java.args")).trim())
        .endsWith("org.ssdbench.cli.Main run --add-to results/r1 --no-tf");
  }
}
