package org.ssdbench.diff;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.knowm.xchart.CategoryChart;

final class DiffChartTest {
  @BeforeAll
  static void headless() {
    System.setProperty("java.awt.headless", "true");
  }

  private static Comparison e2e(String config, String batch) {
    return new Comparison("org.ssdbench.bench.EndToEndBenchmark.infer", "EndToEndBenchmark.infer",
        Map.of("config", config, "batch", batch, "model", "/very/long/path/to/frozen_inference_graph.pb",
            "scoreThreshold", "0.3", "image", "synthetic"),
        "sample", "ms/op", "A", "B", 10, 11, 1.1, 1.05, 1.15, 0.01, 10, 10, 2, 2, Change.SLOWER, "");
  }

  @Test
  void labelsAreTheConfigurationAndOnlyTheParamsThatDiffer() {
    List<Comparison> comparisons = List.of(e2e("tf-cpu", "1"), e2e("tf-gpu", "1"), e2e("tf-gpu", "8"));

    Map<String, String> labels = DiffChart.labels(comparisons);

    assertThat(labels.values()).containsExactly("tf-cpu batch=1", "tf-gpu batch=1", "tf-gpu batch=8");
    assertThat(labels.values()).allMatch(l -> l.length() <= DiffChart.MAX_LABEL);
  }

  @Test
  void theChartKeepsItsLabelsFlatForAFewBarsAndItsYAxisTitle() {
    CategoryChart chart = DiffChart.of(List.of(e2e("tf-cpu", "1"), e2e("tf-gpu", "1")), "Change vs A", 0.02);

    assertThat(chart.getStyler().getXAxisLabelRotation()).isZero();
    assertThat(chart.getStyler().isYAxisTitleVisible()).isTrue();
    assertThat(chart.getYAxisTitle()).isEqualTo("median change (%)");
    assertThat(chart.getSeriesMap().values().iterator().next().getXData())
        .allMatch(label -> label.toString().length() <= DiffChart.MAX_LABEL);
  }

  private static Comparison op(String op, String graph) {
    return new Comparison("org.ssdbench.bench.OpBenchmark.concatV2", "OpBenchmark.concatV2",
        Map.of("op", op, "device", "cpu", "variant", "host-fed", "graph", graph, "signature", "concatv2:1x1083x91"),
        "sample", "us/op", "A", "B", 10, 11, 1.1, 1.05, 1.15, 0.01, 6, 6, 2, 2, Change.SLOWER, "");
  }

  @Test
  void labelsCutToLengthStayApartSoNoTwoBenchmarksShareABar() {
    List<Comparison> comparisons = List.of(op("ConcatV2", "op"), op("ConcatV2", "control"), e2e("tf-cpu", "1"));

    Map<String, String> labels = DiffChart.labels(comparisons);
    CategoryChart chart = DiffChart.of(comparisons, "Change vs A", 0.02);

    assertThat(labels.values()).doesNotHaveDuplicates().allMatch(l -> l.length() <= DiffChart.MAX_LABEL);
    assertThat(labels.values()).contains("ConcatV2 cpu \u2026t-fed graph=op", "ConcatV2 cpu \u2026 graph=control");
    assertThat(chart.getSeriesMap().values().iterator().next().getXData()).hasSize(3);
  }
}
