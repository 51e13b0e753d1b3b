package org.ssdbench.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assumptions.assumeThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.ssdbench.report.analysis.ConfigLatency;
import org.ssdbench.report.analysis.EndToEnd;
import org.ssdbench.report.analysis.GpuTime;
import org.ssdbench.report.jmh.BenchmarkResult;
import org.ssdbench.report.jmh.JmhJsonReader;
import org.ssdbench.report.jmh.Mode;
import org.ssdbench.report.run.RunLoader;

/** The PyTorch peer's JSON (written by peers/torch_ssd.py's jmh_result) as the report reads it. */
final class PeerTorchJsonTest {
  private static final Path FIXTURE = Path.of("src/test/resources/peers/jmh-peer-torch.json");
  private static final Path SCRIPT = Path.of("peers/torch_ssd.py");

  @TempDir Path dir;

  @Test
  void readsThePeersResultsAsSampleTimeWithConfigBatchAndGpuTime() throws Exception {
    List<BenchmarkResult> results = new JmhJsonReader().read(FIXTURE);
    assertThat(results).hasSize(4);
    BenchmarkResult first = results.get(0);
    assertThat(first.benchmark()).isEqualTo("peers.TorchSsd.infer");
    assertThat(first.benchmarkClass()).isEqualTo(EndToEnd.PEER_TORCH);
    assertThat(first.mode()).isEqualTo(Mode.SAMPLE_TIME);
    assertThat(first.params()).containsEntry("config", "torch-fp16-eager").containsEntry("batch", "1");
    assertThat(first.primary().unit()).isEqualTo("ms/op");
    assertThat(first.primary().rawData()).as("two processes, as JMH's forks").hasSize(2);
    assertThat(first.primary().rawData().get(0)).hasSize(3);
    assertThat(first.primary().rawDataHistogram()).hasSize(2);
    assertThat(first.primary().sampleCount()).isEqualTo(120);
    assertThat(first.primary().percentile(50.0)).isBetween(5.0, 5.1);
    assertThat(first.primary().percentile(99.9)).isGreaterThanOrEqualTo(first.primary().percentile(50.0));
    assertThat(GpuTime.of(first)).isPresent();
    assertThat(results).extracting(r -> r.param("config") + "@" + r.param("batch"))
        .containsExactly("torch-fp16-eager@1", "torch-fp16-eager@128", "torch-fp16-graph@1", "torch-fp16-graph@128");
  }

  @Test
  void aRunFolderWithThePeerShowsItBesideTheOtherConfigurations() throws Exception {
    Files.copy(FIXTURE, dir.resolve("jmh-peer-torch.json"));
    List<ConfigLatency> latencies = EndToEnd.latencies(new RunLoader().load(dir).results());
    assertThat(latencies).extracting(ConfigLatency::config).containsExactly("torch-fp16-eager", "torch-fp16-graph");
    ConfigLatency graph = latencies.get(1);
    assertThat(graph.p50()).as("batch 1 is chosen over 128").isBetween(1.0, 1.1);
    assertThat(graph.gpuMillis()).isLessThan(graph.millis());
  }

  @Test
  void theFixtureIsWhatTheScriptWritesToday() throws Exception {
    assumeThat(pythonWorks()).as("python3 on PATH").isTrue();
    Path fresh = dir.resolve("fresh.json");
    Process p = new ProcessBuilder("python3", SCRIPT.toString(), "--fixture", fresh.toString())
        .redirectErrorStream(true).start();
    String out = new String(p.getInputStream().readAllBytes());
    assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
    assertThat(p.exitValue()).as(out).isZero();
    assertThat(Files.readString(fresh))
        .as("regenerate with: python3 peers/torch_ssd.py --fixture " + FIXTURE)
        .isEqualTo(Files.readString(FIXTURE));
  }

  @Test
  void theProcessesAreMergedAsForksAndAConfigurationOneOfThemLostIsLeftOut() throws Exception {
    assumeThat(pythonWorks()).as("python3 on PATH").isTrue();
    String check = String.join("\n",
        "import sys; sys.path.insert(0, 'peers'); import torch_ssd as t",
        "a = [{'execution': 'graph', 'batch': 1, 'host': [[1.0, 1.2]], 'gpu': [[0.9, 1.1]]},",
        "     {'execution': 'graph', 'batch': 256, 'host': [[9.0, 9.1]], 'gpu': [[8.9, 9.0]]}]",
        "b = [{'execution': 'graph', 'batch': 1, 'host': [[1.1, 1.3]], 'gpu': [[1.0, 1.2]]}]",
        "merged, left = t.merge_forks([a, b])",
        "assert list(merged) == [('graph', 1)], merged",
        "assert merged[('graph', 1)][0] == [[[1.0, 1.2]], [[1.1, 1.3]]], merged",
        "assert left == [('graph', 256)], left",
        "r = t.jmh_result('graph', 1, *merged[('graph', 1)], {}, 10)",
        "assert r['forks'] == 2 and r['measurementIterations'] == 1, r",
        "raw = [[round(v, 9) for v in f] for f in r['primaryMetric']['rawData']]",
        "assert raw == [[1.1], [1.2]], raw",
        "argv = t.child_argv(t.parse_args(['--out', 'x', '--batches', '1,256']), 'f.json')",
        "assert argv[-4:] == ['--forks', '1', '--fork-out', 'f.json'] and '1,256' in argv, argv",
        "print('ok')");
    Process p = new ProcessBuilder("python3", "-c", check).redirectErrorStream(true).start();
    String out = new String(p.getInputStream().readAllBytes());
    assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
    assertThat(out.trim()).as(out).isEqualTo("ok");
  }

  private static boolean pythonWorks() {
    try {
      Process p = new ProcessBuilder("python3", "--version").redirectErrorStream(true).start();
      p.getInputStream().readAllBytes();
      return p.waitFor(20, TimeUnit.SECONDS) && p.exitValue() == 0;
    } catch (java.io.IOException | InterruptedException e) {
      return false;
    }
  }
}
