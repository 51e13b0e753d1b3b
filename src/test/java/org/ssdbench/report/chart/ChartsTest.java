package org.ssdbench.report.chart;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.ssdbench.testing.Fixtures.resource;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.knowm.xchart.CategoryChart;
import org.ssdbench.report.analysis.ConfigLatency;
import org.ssdbench.report.analysis.EndToEnd;
import org.ssdbench.report.analysis.PerOp;
import org.ssdbench.report.run.RunData;
import org.ssdbench.report.run.RunLoader;

final class ChartsTest {
  private static RunData run;
  private static ChartCaption caption;

  @TempDir(cleanup = org.junit.jupiter.api.io.CleanupMode.NEVER) Path dir;

  @BeforeAll
  static void load() throws IOException {
    System.setProperty("java.awt.headless", "true");
    run = new RunLoader().load(resource("runs/h100-run"));
    caption = ChartCaption.of(run.environment());
  }

  @Test
  void titlesNameTheGpuAndTheDate() {
    assertThat(caption.title("Latency")).isEqualTo("Latency  \u00b7  NVIDIA H100 80GB HBM3  \u00b7  2026-11-25");
    assertThat(ChartCaption.of(null).title("x")).contains("no GPU recorded").contains("date unknown");
  }

  @Test
  void writesEveryChartAsNonEmptyPngAndSvg() throws IOException {
    List<ConfigLatency> latencies = EndToEnd.latencies(run.results());
    List<CategoryChart> charts = List.of(
        LatencyChart.of(latencies, caption),
        SpeedupChart.of(latencies, caption),
        PercentileChart.of(latencies, caption),
        OpChart.of(PerOp.timings(run.results()), caption));
    String[] names = {"latency", "speedup", "percentiles", "ops"};

    for (int i = 0; i < charts.size(); i++) {
      List<Path> files = ChartFiles.write(charts.get(i), dir, names[i]);
      assertPng(files.get(0));
      assertSvg(files.get(1));
    }
  }

  @Test
  void speedupChartNeedsTheTfGpuBaseline() {
    List<ConfigLatency> noBaseline = EndToEnd.latencies(run.results()).stream()
        .filter(c -> !c.config().equals("tf-gpu"))
        .toList();

    assertThatThrownBy(() -> SpeedupChart.of(noBaseline, caption))
        .hasMessageContaining("'tf-gpu'")
        .hasMessageContaining("trt-fp16");
  }

  @Test
  void refusesToChartNothing() {
    assertThatThrownBy(() -> LatencyChart.of(List.of(), caption)).hasMessageContaining("No end-to-end latency");
  }

  static void assertPng(Path file) throws IOException {
    byte[] bytes = Files.readAllBytes(file);
    assertThat(bytes.length).isGreaterThan(1000);
    assertThat(new String(bytes, 1, 3, java.nio.charset.StandardCharsets.US_ASCII)).isEqualTo("PNG");
  }

  static void assertSvg(Path file) throws IOException {
    String svg = Files.readString(file);
    assertThat(svg).contains("<svg").contains("</svg>");
  }
}
