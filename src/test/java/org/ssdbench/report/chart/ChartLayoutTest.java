package org.ssdbench.report.chart;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.knowm.xchart.CategoryChart;
import org.knowm.xchart.CategorySeries;
import org.ssdbench.report.analysis.ConfigLatency;
import org.ssdbench.report.analysis.OpTiming;

final class ChartLayoutTest {
  @BeforeAll
  static void headless() {
    System.setProperty("java.awt.headless", "true");
  }

  private static final ChartCaption CAPTION = new ChartCaption("NVIDIA H100", "2026-11-25");

  @Test
  void theLogAxisStartsBelowTheSmallestBarEvenAtAPowerOfTen() {
    assertThat(ChartStyle.logAxisMin(100)).isEqualTo(10.0);
    assertThat(ChartStyle.logAxisMin(150)).isEqualTo(100.0);
    assertThat(ChartStyle.logAxisMin(0.5)).isEqualTo(0.1, org.assertj.core.data.Offset.offset(1e-12));

    CategoryChart ops = OpChart.of(List.of(
        new OpTiming("Select", "select:100", 100.0, 436.0, 210.0, 0, 0, 0, false),
        new OpTiming("Conv2D", "conv2d:1x19x19x576", 2925.0, 1065.0, 228.0, 0, 0, 0, false)), CAPTION);
    assertThat(ops.getStyler().getYAxisMin()).isLessThan(100.0);
  }

  @Test
  void theLatencyChartPlotsP50LikeTheConsole() {
    ConfigLatency sampled = new ConfigLatency("tf-cpu", "EndToEndBenchmark.infer", "sample", 25.0, 1.0, 20.48, 30,
        62.19, 90, Double.NaN);

    CategoryChart chart = LatencyChart.of(List.of(sampled), CAPTION);

    CategorySeries series = chart.getSeriesMap().values().iterator().next();
    assertThat(series.getName()).startsWith("p50");
    assertThat(series.getYData().stream().map(Number::doubleValue).toList()).containsExactly(20.48);
  }
}
