package org.ssdbench.report.chart;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.util.List;
import org.knowm.xchart.CategoryChart;
import org.knowm.xchart.CategoryChartBuilder;
import org.knowm.xchart.style.Styler;

/** One look for every chart: size, fonts large enough to read when the PNG is shown at report width, colours. */
public final class ChartStyle {
  public static final int WIDTH = 1100;
  public static final int HEIGHT = 620;

  static {
    System.setProperty("java.awt.headless", "true");
  }

  private ChartStyle() {}

  /** An empty bar chart with the suite's style, {@code title} and axis titles. */
  public static CategoryChart barChart(String title, String xTitle, String yTitle) {
    CategoryChart chart = new CategoryChartBuilder()
        .width(WIDTH)
        .height(HEIGHT)
        .title(title)
        .xAxisTitle(xTitle)
        .yAxisTitle(yTitle)
        .theme(Styler.ChartTheme.XChart)
        .build();
    var styler = chart.getStyler();
    styler.setChartTitleFont(new Font(Font.SANS_SERIF, Font.BOLD, 18));
    styler.setAxisTitleFont(new Font(Font.SANS_SERIF, Font.PLAIN, 15));
    styler.setAxisTickLabelsFont(new Font(Font.SANS_SERIF, Font.PLAIN, 13));
    styler.setLegendFont(new Font(Font.SANS_SERIF, Font.PLAIN, 13));
    styler.setAnnotationTextFont(new Font(Font.SANS_SERIF, Font.BOLD, 13));
    styler.setAnnotationTextFontColor(new Color(0xB0, 0x30, 0x30));
    styler.setAnnotationLineColor(new Color(0xB0, 0x30, 0x30));
    styler.setAnnotationLineStroke(
        new BasicStroke(2f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 10f, new float[] {8f, 6f}, 0f));
    styler.setChartBackgroundColor(Color.WHITE);
    styler.setPlotBackgroundColor(Color.WHITE);
    styler.setPlotGridLinesColor(new Color(0xDD, 0xDD, 0xDD));
    styler.setLegendPosition(Styler.LegendPosition.OutsideS);
    styler.setLegendLayout(Styler.LegendLayout.Horizontal);
    styler.setXAxisLabelRotation(0);
    styler.setErrorBarsColor(Color.BLACK);
    styler.setAvailableSpaceFill(0.7);
    styler.setOverlapped(false);
    return chart;
  }

  /**
   * Makes the y axis logarithmic over the whole decades around [min, max]; bars start at the axis minimum, which lies
   * strictly below the smallest bar (a bar of exactly 100 gets an axis from 10), so every bar is visible.
   */
  public static void logAxis(CategoryChart chart, double min, double max) {
    chart.getStyler().setYAxisLogarithmic(true);
    chart.getStyler().setYAxisDecimalPattern("#,##0.###");
    chart.getStyler().setYAxisMin(logAxisMin(min));
    chart.getStyler().setYAxisMax(Math.pow(10, Math.ceil(Math.log10(max))));
  }

  /** The decade below {@code min}: 10 for 100, 100 for 150. */
  public static double logAxisMin(double min) {
    return Math.pow(10, Math.ceil(Math.log10(min)) - 1);
  }

  /** Characters of category labels that sit side by side, unrotated, under a chart of the suite's width. */
  static final int LABEL_CHARS_SIDE_BY_SIDE = 110;

  /** Beyond this many categories a tilted label overlaps its neighbours, so labels stand upright. */
  static final int UPRIGHT_BEYOND = 16;

  /**
   * Tilts the category labels when there are too many, or they are together too long, to sit side by side, and stands
   * them upright beyond {@link #UPRIGHT_BEYOND} categories.
   */
  public static void tiltLabelsBeyond(CategoryChart chart, List<String> labels, int fitting) {
    int chars = labels.stream().mapToInt(String::length).sum();
    int rotation = labels.size() > UPRIGHT_BEYOND ? 90
        : labels.size() > fitting || chars > LABEL_CHARS_SIDE_BY_SIDE ? 20 : 0;
    chart.getStyler().setXAxisLabelRotation(rotation);
  }
}
