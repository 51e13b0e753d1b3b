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
  void longSignaturesAreCutSoEveryOpKeepsItsLabelAndRatiosNeedTimesAboveZero() {
    OpTiming concat = new OpTiming("ConcatV2", "concatv2:1x1083x91*1x600x91*1x150x91*1x54x91*1x24x91*1x6x91/axis1",
        53.77, 31.49, Double.NaN, 4.82, 29.85, Double.NaN, true);
    OpTiming gather = new OpTiming("GatherV2", "gatherv2:0*0.i32/axis0", 0.96, 2.38, Double.NaN, 4.29, 7.63, Double.NaN, true);

    CategoryChart chart = OpChart.of(List.of(concat, gather), CAPTION);

    List<Object> labels = List.copyOf(chart.getSeriesMap().values().iterator().next().getXData());
    assertThat(labels).containsExactly((Object) "ConcatV2 1x1083x91*1x600x91*1x150x91\u2026 (1.71x)",
        "GatherV2 0*0.i32 (no ratio: \u00b1 reaches 0)");
    assertThat(OpChart.shapes("conv2d:1x10x10x1280*3x3x1280x546/s1/SAME")).isEqualTo(" 1x10x10x1280*3x3x1280x546");
    assertThat(OpChart.label(new OpTiming("Select", "select:100.bool*100^2", 5.16, Double.NaN, Double.NaN, 3.94,
        Double.NaN, Double.NaN, true))).isEqualTo("Select 100.bool*100^2");
    assertThat(chart.getStyler().getXAxisLabelRotation()).isZero();
    // the H200 run's four ops: together too long to sit side by side unrotated
    OpTiming conv = new OpTiming("Conv2D", "conv2d:1x10x10x1280*3x3x1280x546/s1/SAME", 4058.75, 558.94, Double.NaN,
        489.23, 353.54, Double.NaN, true);
    OpTiming select = new OpTiming("Select", "select:100.bool*100^2", 5.16, 22.37, Double.NaN, 3.94, 8.26, Double.NaN, true);
    assertThat(OpChart.of(List.of(concat, conv, gather, select), CAPTION).getStyler().getXAxisLabelRotation()).isPositive();
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

  @Test
  void labelsLieFlatTiltOrStandUprightAsTheirCountAndLengthNeed() {
    org.knowm.xchart.CategoryChart chart = ChartStyle.barChart("t", "x", "y");
    java.util.function.IntFunction<java.util.List<String>> labels =
        n -> java.util.stream.IntStream.range(0, n).mapToObj(i -> "trt-fp16-graph batch=" + i).toList();

    ChartStyle.tiltLabelsBeyond(chart, java.util.List.of("tf-cpu", "tf-gpu"), 6);
    assertThat(chart.getStyler().getXAxisLabelRotation()).isZero();
    ChartStyle.tiltLabelsBeyond(chart, labels.apply(8), 6);
    assertThat(chart.getStyler().getXAxisLabelRotation()).isEqualTo(20);
    ChartStyle.tiltLabelsBeyond(chart, labels.apply(ChartStyle.UPRIGHT_BEYOND + 1), 6);
    assertThat(chart.getStyler().getXAxisLabelRotation()).isEqualTo(90);
  }
}
