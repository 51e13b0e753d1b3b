package org.ssdbench.report.chart;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.knowm.xchart.CategoryChart;
import org.knowm.xchart.CategoryChartBuilder;

final class ChartRenderingTest {
  @TempDir Path dir;

  @BeforeAll
  static void headless() {
    System.setProperty("java.awt.headless", "true");
  }

  @Test
  void aJvmWithoutTheFontLibrarySaysWhatFailedAndWhatToInstall() {
    String why = ChartRendering.probe(() -> {
      throw new UnsatisfiedLinkError("/opt/jre/lib/libfontmanager.so: libharfbuzz.so.0: cannot open shared object file");
    });

    assertThat(why).contains("cannot draw text").contains("libharfbuzz.so.0")
        .contains("apt-get install libfreetype6 libharfbuzz0b fontconfig").contains("dnf install freetype harfbuzz");
  }

  @Test
  void aJvmThatDrawsTextHasNothingToSay() {
    assertThat(ChartRendering.probe(() -> { })).isEmpty();
    assertThat(ChartRendering.ofThisJvm().available()).as("this machine draws the report's charts").isTrue();
  }

  @Test
  void chartsOffWriteNothing() throws Exception {
    ChartRendering off = ChartRendering.off("--no-charts was given");

    List<Path> written = off.write(chart(), dir, "latency");

    assertThat(off.available()).isFalse();
    assertThat(off.whyNot()).isEqualTo("--no-charts was given");
    assertThat(written).isEmpty();
    try (var files = Files.list(dir)) {
      assertThat(files).isEmpty();
    }
    assertThatThrownBy(() -> ChartRendering.off(" ")).isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void chartsOnWriteBothFiles() throws Exception {
    List<Path> written = ChartRendering.ofThisJvm().write(chart(), dir, "latency");

    assertThat(written).extracting(p -> p.getFileName().toString()).containsExactly("latency.png", "latency.svg");
  }

  private static CategoryChart chart() {
    CategoryChart chart = new CategoryChartBuilder().width(200).height(100).build();
    chart.addSeries("p50", List.of("a"), List.of(1.0));
    return chart;
  }
}
