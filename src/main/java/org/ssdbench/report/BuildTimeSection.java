package org.ssdbench.report;

import java.io.BufferedReader;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;
import java.util.zip.GZIPInputStream;
import org.ssdbench.engine.trt.BuildLog;
import org.ssdbench.report.analysis.BuildLogBreakdown;
import org.ssdbench.report.doc.Block;
import org.ssdbench.results.RunFolder;

/**
 * The report's "Where the build time goes" section: one row per TensorRT build log in the run folder's
 * {@code trt-build-logs/} (written by the forks that built an engine), from {@link BuildLogBreakdown}. A log that ends
 * early (the JVM killed mid-build) is read as far as it goes and says so, as does a whole log of a build that failed.
 * Without logs there is no section.
 */
final class BuildTimeSection {
  static final int MAX_LAYER = 80;

  private BuildTimeSection() {}

  static List<Block> blocks(RunFolder folder) throws IOException {
    Path logs = folder.requireInside(folder.dir().resolve(BuildLog.RUN_FOLDER));
    if (!Files.isDirectory(logs)) {
      return List.of();
    }
    List<Path> files;
    try (Stream<Path> list = Files.list(logs)) {
      files = list.filter(p -> p.getFileName().toString().endsWith(BuildLog.SUFFIX)).sorted().toList();
    }
    List<List<String>> rows = new ArrayList<>();
    for (Path file : files) {
      Lines lines = read(folder.requireInside(file));
      String early = name(file) + " (log ends early)";
      BuildLogBreakdown b;
      try {
        b = BuildLogBreakdown.of(lines.lines());
      } catch (IllegalArgumentException e) {
        rows.add(List.of(lines.complete() ? name(file) : early, "unreadable: " + e.getMessage(), "", "", "", "", "", "",
            ""));
        continue;
      }
      String build = lines.complete() && b.finished() ? name(file)
          : lines.complete() ? name(file) + " (build did not finish)" : early;
      rows.add(List.of(build, seconds(b.totalMillis()),
          seconds(b.libraryMillis()), seconds(b.convolutionMillis()), seconds(b.reformatMillis()),
          seconds(b.otherTacticMillis()), seconds(b.otherMillis()), String.valueOf(b.tacticsTimed()),
          shorten(b.slowestLayer()) + " " + seconds(b.slowestLayerMillis()) + " s"));
    }
    if (rows.isEmpty()) {
      return List.of();
    }
    return List.of(new Block.Heading(2, "Where the build time goes"),
        new Block.Paragraph("Each TensorRT build of this run, from its log (every builder message with its time, in "
            + BuildLog.RUN_FOLDER + "/). Searches: the builder timing candidate kernels (tactics) for a layer, added up"
            + " by kind: convolution and GEMM kernels, reformats (layout and type conversions between layers, the "
            + "builder times one per pair of formats it considers), and the rest (pointwise, shuffles, Myelin regions,"
            + " plugins). Tactics timed: measured in this build, not taken from the timing cache. Other: graph "
            + "optimisation, format choice, calibration, engine assembly and serialisation."),
        new Block.Table(List.of("build", "total s", "kernel library s", "convolution searches s",
            "reformat searches s", "other searches s", "other s", "tactics timed", "slowest search"), rows));
  }

  record Lines(List<String> lines, boolean complete) {}

  /** A gzipped log's lines, as many as can be read: a build killed mid-way leaves the stream without its end. */
  static Lines read(Path file) throws IOException {
    List<String> lines = new ArrayList<>();
    try (InputStream raw = Files.newInputStream(file);
        BufferedReader in = new BufferedReader(new InputStreamReader(new GZIPInputStream(raw), StandardCharsets.UTF_8))) {
      for (String line = in.readLine(); line != null; line = in.readLine()) {
        lines.add(line);
      }
    } catch (EOFException e) {
      return new Lines(lines, false);
    }
    return new Lines(lines, true);
  }

  private static String name(Path file) {
    String n = file.getFileName().toString();
    return n.substring(0, n.length() - BuildLog.SUFFIX.length());
  }

  private static String seconds(double millis) {
    return String.format(Locale.ROOT, "%.1f", millis / 1000);
  }

  private static String shorten(String layer) {
    return layer.length() <= MAX_LAYER ? layer : layer.substring(0, MAX_LAYER - 3) + "...";
  }
}
