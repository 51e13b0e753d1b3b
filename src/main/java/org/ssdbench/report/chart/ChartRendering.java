package org.ssdbench.report.chart;

import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.knowm.xchart.internal.chartpart.Chart;

/**
 * Whether this JVM can draw charts, and the one way the report and {@code diff} write them. Drawing a chart draws
 * text, and on Linux the JDK's font code loads the system's FreeType and HarfBuzz: a server without them throws
 * {@code UnsatisfiedLinkError: libfontmanager.so: libharfbuzz.so.0} at the first chart. The check draws a string once
 * per JVM (a failed native load cannot be retried) and, where it fails, the report is written without charts and says
 * why and what to install, instead of failing after the measurements.
 *
 * <pre>{@code
 * ChartRendering charts = ChartRendering.ofThisJvm();
 * List<Path> files = charts.write(chart, dir, "latency");   // empty where charts cannot be drawn
 * }</pre>
 */
public final class ChartRendering {
  private final String whyNot;

  private ChartRendering(String whyNot) {
    this.whyNot = whyNot;
  }

  /** This JVM's answer, found once by drawing a string. */
  public static ChartRendering ofThisJvm() {
    return new ChartRendering(Probe.RESULT);
  }

  /** No charts, for the reason given (e.g. {@code --no-charts}). */
  public static ChartRendering off(String why) {
    if (why == null || why.isBlank()) {
      throw new IllegalArgumentException("say why charts are off");
    }
    return new ChartRendering(why);
  }

  public boolean available() {
    return whyNot.isEmpty();
  }

  /** Empty when charts can be drawn, else why not and what to install. */
  public String whyNot() {
    return whyNot;
  }

  /** Writes {@code <name>.png} and {@code <name>.svg} ({@link ChartFiles#write}); writes nothing where unavailable. */
  public List<Path> write(Chart<?, ?> chart, Path dir, String name) throws IOException {
    return available() ? ChartFiles.write(chart, dir, name) : List.of();
  }

  /** Runs {@code drawText}; empty if it worked, else the error and how to fix it. */
  static String probe(Runnable drawText) {
    try {
      drawText.run();
      return "";
    } catch (LinkageError | java.awt.AWTError | RuntimeException e) {
      return "this JVM cannot draw text (" + e + "), so no chart can be drawn. Install the system's font libraries"
          + " (Debian, Ubuntu: apt-get install libfreetype6 libharfbuzz0b fontconfig fonts-dejavu-core; Fedora, RHEL:"
          + " dnf install freetype harfbuzz fontconfig dejavu-sans-fonts) or use a JDK that bundles them";
    }
  }

  private static void drawString() {
    BufferedImage image = new BufferedImage(64, 16, BufferedImage.TYPE_INT_ARGB);
    Graphics2D g = image.createGraphics();
    try {
      g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 12));
      g.drawString("0.1 ms", 1, 12);
      g.getFontMetrics().stringWidth("0.1 ms");
    } finally {
      g.dispose();
    }
  }

  /** Holder: the probe runs once, on first use. */
  private static final class Probe {
    static final String RESULT = probe(ChartRendering::drawString);
  }
}
