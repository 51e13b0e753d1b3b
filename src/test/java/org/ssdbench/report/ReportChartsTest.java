package org.ssdbench.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.ssdbench.report.analysis.OpTiming;
import org.ssdbench.report.chart.ChartCaption;
import org.ssdbench.report.chart.ChartRendering;

final class ReportChartsTest {
  @TempDir Path dir;

  @BeforeAll
  static void headless() {
    System.setProperty("java.awt.headless", "true");
  }

  @Test
  void anOpNoSlowerThanItsControlIsLeftOutOfTheChartSayingWhy() throws Exception {
    OpTiming empty = new OpTiming("GatherV2", "gatherv2:0*0.i32/axis0", -3.33, Double.NaN, Double.NaN, 18.38, Double.NaN,
        Double.NaN, true);
    OpTiming conv = new OpTiming("Conv2D", "conv2d:1x10x10x1280*3x3x1280x546/s1/SAME", 9889.99, Double.NaN, Double.NaN,
        616.47, Double.NaN, Double.NaN, true);

    ReportCharts.Written written = ReportCharts.write(ChartRendering.ofThisJvm(), dir, new ChartCaption(null, null),
        List.of(), List.of(empty, conv),
        List.of());

    assertThat(written.notes()).containsExactly("The per-op result 'GatherV2 gatherv2:0*0.i32/axis0' has a time at or"
        + " below zero or not finite, which the log-scale chart cannot draw (CPU -3.33, GPU host-fed not measured, GPU device-resident not measured \u00b5s, net of"
        + " the no-op control, so an op indistinguishable from it can come out at or below zero): left out of the chart;"
        + " its row in ops-report.csv has the values and intervals.");
    assertThat(written.charts()).hasSize(1);
  }
}
