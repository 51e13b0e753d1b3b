package org.ssdbench.report.chart;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.VectorGraphicsEncoder;
import org.knowm.xchart.internal.chartpart.Chart;

/** Writes a chart as {@code <name>.png} and {@code <name>.svg} into a folder. */
public final class ChartFiles {
  private ChartFiles() {}

  /** Writes both files, replacing any of the same name, and returns their paths: PNG first, then SVG. */
  public static List<Path> write(Chart<?, ?> chart, Path dir, String name) throws IOException {
    Files.createDirectories(dir);
    Path png = dir.resolve(name + ".png");
    Path svg = dir.resolve(name + ".svg");
    try (OutputStream out = Files.newOutputStream(png)) {
      BitmapEncoder.saveBitmap(chart, out, BitmapEncoder.BitmapFormat.PNG);
    }
    try (OutputStream out = Files.newOutputStream(svg)) {
      VectorGraphicsEncoder.saveVectorGraphic(chart, out, VectorGraphicsEncoder.VectorGraphicsFormat.SVG);
    }
    return List.of(png, svg);
  }
}
