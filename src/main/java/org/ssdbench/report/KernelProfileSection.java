package org.ssdbench.report;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.ssdbench.engine.trt.profile.KernelArithmetic;
import org.ssdbench.engine.trt.profile.KernelKind;
import org.ssdbench.engine.trt.profile.KernelLine;
import org.ssdbench.engine.trt.profile.KernelProfile;
import org.ssdbench.engine.trt.profile.KernelProfileCsv;
import org.ssdbench.engine.trt.profile.LayerCapture;
import org.ssdbench.engine.trt.profile.LayerTimes;
import org.ssdbench.engine.trt.profile.ProfileSummary;
import org.ssdbench.report.chart.ChartCaption;
import org.ssdbench.report.chart.ChartRendering;
import org.ssdbench.report.chart.KernelKindChart;
import org.ssdbench.report.doc.Block;
import org.ssdbench.results.RunFolder;

/**
 * The report's "Where the GPU time goes" section, from the run folder's {@code trt-kernels.csv} and
 * {@code trt-kernel-summary.csv}: per profiled engine, the time per kernel kind (classified again from the kernel
 * names, so a refined {@link KernelKind} applies to old runs), the top kernels, the coverage line, the top layers where
 * {@code trt-layers/} holds the engine's layer list ({@link LayerTimesBlocks}), and one stacked chart (kernels.png).
 * Without trt-kernels.csv there is no section.
 */
final class KernelProfileSection {
  record Written(List<Block> blocks, List<Path> files) {}

  static final int TOP_KERNELS = 10;
  private static final int MAX_NAME = 120;

  private KernelProfileSection() {}

  static Written write(ChartRendering charts, Path dir, ChartCaption caption, RunFolder folder)
      throws IOException {
    Path kernelsFile = folder.requireInside(folder.dir().resolve(KernelProfileCsv.KERNELS));
    if (!Files.isRegularFile(kernelsFile)) {
      return new Written(List.of(), List.of());
    }
    Path summaryFile = folder.requireInside(folder.dir().resolve(KernelProfileCsv.SUMMARY));
    List<ProfileSummary> summaries = Files.isRegularFile(summaryFile)
        ? KernelProfileCsv.readSummaries(summaryFile) : List.of();
    Map<String, List<KernelLine>> byEngine = KernelProfileCsv.byEngine(KernelProfileCsv.readKernels(kernelsFile));
    List<Block> blocks = new ArrayList<>();
    blocks.add(new Block.Heading(2, "Where the GPU time goes"));
    blocks.add(new Block.Paragraph("Per TensorRT engine, its kernels, copies and fills per inference, from a CUPTI "
        + "activity trace of N inferences taken after the timed runs, in a JVM of its own (docs/tensorrt.md). Kinds "
        + "are read from the kernel names. Share: of the summed kernel, copy and fill time."));
    Map<String, Map<KernelKind, Double>> chartData = new LinkedHashMap<>();
    LayerTimesBlocks layers = new LayerTimesBlocks();
    for (Map.Entry<String, List<KernelLine>> entry : byEngine.entrySet()) {
      List<KernelLine> lines = entry.getValue();
      Map<KernelKind, Double> byKind = KernelProfile.microsByKind(lines);
      chartData.put(entry.getKey(), byKind);
      blocks.add(new Block.Heading(3, entry.getKey()));
      summary(summaries, lines.get(0)).ifPresent(s -> blocks.add(new Block.Paragraph(coverage(s))));
      nmsPrecision(lines).ifPresent(p -> blocks.add(new Block.Paragraph("The NMS plugin ran in " + p
          + " (read from its kernel's name). The builder picks its type among those the plugin offers, and may pick "
          + "differently in another build of the same network; a -nmsfp16 configuration pins it to FP16.")));
      blocks.add(kindTable(byKind));
      arithmetic(entry.getKey(), lines).ifPresent(text -> blocks.add(new Block.Paragraph(text)));
      blocks.add(topKernels(lines));
      String config = lines.get(0).config();
      int batch = lines.get(0).batch();
      try {
        Path layerList = folder.requireInside(LayerCapture.layersJson(folder.dir(), config, batch));
        Path sequence = folder.requireInside(LayerCapture.sequenceCsv(folder.dir(), config, batch));
        LayerTimes.read(layerList, sequence).ifPresent(m -> blocks.addAll(layers.blocks(config, batch, m)));
      } catch (IOException e) {
        blocks.add(new Block.Paragraph("Kernels not put on layers: " + e.getMessage()));
      }
    }
    Path layerCsv = layers.writeCsv(dir);
    List<Path> files = new ArrayList<>();
    try {
      files.addAll(charts.write(KernelKindChart.of(chartData, caption), dir, "kernels"));
      if (!files.isEmpty()) {
        blocks.add(new Block.Chart("GPU time per inference by kernel kind", files.get(0)));
      }
    } catch (RuntimeException e) {
      blocks.add(new Block.Paragraph("Chart 'kernels' skipped: " + e));
    }
    if (layerCsv != null) {
      files.add(layerCsv);
    }
    return new Written(List.copyOf(blocks), List.copyOf(files));
  }

  /**
   * One sentence: the convolution and GEMM time by the arithmetic the kernel names spell; for an INT8 engine, why it
   * need not be all INT8. Empty without such kernels.
   */
  static Optional<String> arithmetic(String engine, List<KernelLine> lines) {
    Map<KernelArithmetic, Double> byArithmetic = KernelArithmetic.microsByArithmetic(lines);
    double total = byArithmetic.values().stream().mapToDouble(Double::doubleValue).sum();
    if (!(total > 0)) {
      return Optional.empty();
    }
    List<String> parts = new ArrayList<>();
    byArithmetic.forEach((a, us) -> parts.add(String.format(Locale.ROOT, "%s %.1f \u00b5s (%.0f%%)", a.label(), us,
        100 * us / total)));
    String text = "Convolution and GEMM kernels by the arithmetic their names spell: " + String.join(", ", parts) + ".";
    if (engine.contains("int8")) {
      text += " An INT8 build keeps a layer in FP16 or FP32 where that kernel timed faster or has no INT8 kernel, so"
          + " this is how much of the engine's convolution time ran in INT8; builds at a low builder level time fewer"
          + " kernels, and two builds of the same network can differ here.";
    }
    return Optional.of(text);
  }

  private static Optional<ProfileSummary> summary(List<ProfileSummary> summaries, KernelLine line) {
    return summaries.stream().filter(s -> s.config().equals(line.config()) && s.batch() == line.batch()).findFirst();
  }

  /**
   * The type EfficientNMS_TRT computed in, from its main kernel's name, mangled ({@code _Z12EfficientNMSI6__half...},
   * as CUPTI gives it) or not ({@code EfficientNMS<float, ...>}); the filter kernels do not count (their type can differ
   * from the main one's). Empty when the engine ran no such kernel.
   */
  static Optional<String> nmsPrecision(List<KernelLine> lines) {
    for (KernelLine k : lines) {
      String name = k.kernel();
      if (name.contains("EfficientNMSI6__half") || name.contains("EfficientNMS<__half")) {
        return Optional.of("FP16");
      }
      if (name.contains("EfficientNMSIf") || name.contains("EfficientNMS<float")) {
        return Optional.of("FP32");
      }
    }
    return Optional.empty();
  }

  static String coverage(ProfileSummary s) {
    return String.format(Locale.ROOT, "Kernels and copies account for %.1f of the %.1f \u00b5s CUDA-event GPU time per "
        + "inference (%.0f%%); the rest is idle gaps between launches. Summed, kernels take %.1f \u00b5s and copies and "
        + "fills %.1f \u00b5s (work overlapping on two streams counts once in the first figure); %d inferences traced, "
        + "the CUDA-event time is the p50 of as many untraced.", s.busyMicros(), s.eventMicros(), s.coverage() * 100,
        s.kernelMicros(), s.copyMicros(), s.inferences());
  }

  private static Block.Table kindTable(Map<KernelKind, Double> byKind) {
    double total = byKind.values().stream().mapToDouble(Double::doubleValue).sum();
    List<List<String>> rows = new ArrayList<>();
    byKind.entrySet().stream().sorted(Map.Entry.<KernelKind, Double>comparingByValue().reversed())
        .forEach(e -> rows.add(List.of(e.getKey().label(), Numbers.format(e.getValue()), percent(e.getValue() / total))));
    return new Block.Table(List.of("kind", "\u00b5s per inference", "share"), rows);
  }

  private static Block.Table topKernels(List<KernelLine> lines) {
    List<List<String>> rows = new ArrayList<>();
    lines.stream().sorted(java.util.Comparator.comparingDouble(KernelLine::microsPerInference).reversed())
        .limit(TOP_KERNELS)
        .forEach(k -> rows.add(List.of(shorten(k.kernel()), KernelKind.of(k.kernel()).label(),
            Numbers.format(k.launchesPerInference()), Numbers.format(k.microsPerInference()), percent(k.share()))));
    return new Block.Table(List.of("top kernel", "kind", "launches per inference", "\u00b5s per inference", "share"),
        rows);
  }

  private static String percent(double share) {
    return Double.isFinite(share) ? String.format(Locale.ROOT, "%.1f%%", share * 100) : "";
  }

  private static String shorten(String name) {
    return name.length() <= MAX_NAME ? name : name.substring(0, MAX_NAME - 3) + "...";
  }
}
