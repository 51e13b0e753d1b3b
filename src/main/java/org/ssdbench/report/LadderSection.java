package org.ssdbench.report;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.ssdbench.report.analysis.HardwareFloor;
import org.ssdbench.report.analysis.IterationInterval;
import org.ssdbench.report.analysis.Ladder;
import org.ssdbench.report.analysis.PeerComparison;
import org.ssdbench.report.analysis.Targets;
import org.ssdbench.report.analysis.Throughput;
import org.ssdbench.report.chart.ChartCaption;
import org.ssdbench.report.chart.ChartRendering;
import org.ssdbench.report.chart.LadderChart;
import org.ssdbench.report.chart.ThroughputChart;
import org.ssdbench.report.doc.Block;
import org.ssdbench.report.jmh.BenchmarkResult;

/**
 * The report's "Optimization ladder", "TensorRT beside PyTorch", "Throughput" and "Targets" sections: tables, charts (ladder.png, throughput.png) and the
 * estimated hardware floor (docs/ladder.md says how it is formed). Sections without data say so in a sentence.
 */
final class LadderSection {
  record Written(List<Block> blocks, List<Path> files) {}

  private LadderSection() {}

  static Written write(ChartRendering charts, Path dir, ChartCaption caption, List<BenchmarkResult> results,
      String gpuName) throws IOException {
    List<Block> blocks = new ArrayList<>();
    List<Path> files = new ArrayList<>();
    blocks.add(new Block.Heading(2, "Optimization ladder (batch 1)"));
    List<Ladder.Step> steps = Ladder.of(results);
    Optional<HardwareFloor.Gpu> gpu = HardwareFloor.gpu(gpuName);
    HardwareFloor floor = steps.isEmpty() || gpu.isEmpty() ? null
        : HardwareFloor.of(gpu.get(), steps.get(steps.size() - 1).config(), 1);
    if (steps.isEmpty()) {
      blocks.add(new Block.Paragraph("No batch-1 end-to-end results in this run: no ladder."));
    } else {
      blocks.add(ladderTable(steps, floor));
      blocks.add(new Block.Paragraph(String.format(Locale.ROOT,
          "Latency is the p50 of JMH's samples. Gain is the previous step's p50 over this step's; its %.0f%% interval "
              + "is a bootstrap that resamples the JMH iterations (of all forks) of both steps and takes the ratio of "
              + "their pooled samples' medians, the statistic of the gain itself. "
              + "The article's steps: tf-gpu -> tf-gpu-postproc-cpu 1.3x, tf-gpu -> trt-fp32 4x.",
          IterationInterval.LEVEL * 100)));
      blocks.add(new Block.Paragraph(floor == null
          ? "No hardware floor: the GPU (" + gpuName + ") is not in the suite's datasheet list."
          : "Estimated hardware floor: " + floor.explain() + ". A lower bound (activations on chip, NMS free); see "
              + "docs/ladder.md."));
      List<Path> chart = charts.write(LadderChart.of(steps, floor, caption), dir, "ladder");
      files.addAll(chart);
      if (!chart.isEmpty()) {
        blocks.add(new Block.Chart("Optimization ladder with the estimated hardware floor", chart.get(0)));
      }
    }
    Optional<PeerComparison> peer = PeerComparison.of(results);
    peer.ifPresent(p -> blocks.addAll(peerBlocks(p)));
    blocks.add(new Block.Heading(2, "Throughput over batch sizes"));
    List<Throughput.Point> points = Throughput.points(results);
    if (points.isEmpty()) {
      blocks.add(new Block.Paragraph(
          "No batch sweep in this run (run --throughput, or the full profile, times one configuration at several batch sizes)."));
    } else {
      List<List<String>> rows = new ArrayList<>();
      for (Throughput.Point p : points) {
        IterationInterval ci = p.imagesPerSecondInterval();
        // two in flight: its median and p99 fall between two modes of its calls and describe neither (Throughput)
        rows.add(List.of(p.config(), Integer.toString(p.batch()), p.twoInFlight() ? "" : Numbers.format(p.p50()),
            p.twoInFlight() ? "" : Numbers.format(p.p99()), Numbers.format(p.mean()),
            Numbers.format(p.imagesPerSecond()),
            ci.known() ? Numbers.format(ci.low()) + " .. " + Numbers.format(ci.high()) : "",
            p.what()));
      }
      blocks.add(new Block.Table(List.of("config", "batch", "p50 ms", "p99 ms", "mean ms per call",
          "images/s (batch / mean)", "images/s 95% CI", "what"), rows));
      blocks.add(new Block.Paragraph("images/s is the images of all calls over their total time: the batch over the"
          + " mean time per call. Its interval: the batch over a 95% interval of that mean, a bootstrap that resamples"
          + " whole iterations (of all forks) and pools their samples, so it holds the spread between iterations and"
          + " forks, not only that of the samples inside one."
          + (points.stream().anyMatch(Throughput.Point::twoInFlight)
              ? " With two batches in flight, a call waits for the batch started one call before, so calls alternate"
                  + " between about two batches' time (both ran alongside) and almost nothing (the other one is done"
                  + " by then): their p50 and p99 fall between those two modes and are left out; the chart puts such a"
                  + " point at twice the mean call, the time a batch is in flight."
              : "")));
      Throughput.best(points, false).ifPresent(b -> blocks.add(new Block.Paragraph(String.format(Locale.ROOT,
          "Best: %s at batch %d, %,.0f images/s%s.", b.config(), b.batch(), b.imagesPerSecond(),
          b.imagesPerSecondInterval().known() ? String.format(Locale.ROOT, " (95%% CI %,.0f .. %,.0f)",
              b.imagesPerSecondInterval().low(), b.imagesPerSecondInterval().high()) : ""))));
      List<Throughput.Point> alsoByRun = Throughput.timedAlsoByRun(results);
      if (!alsoByRun.isEmpty()) {
        blocks.add(new Block.Paragraph(timedTwice(alsoByRun)));
      }
      List<Path> chart = charts.write(ThroughputChart.of(points, caption), dir, "throughput");
      files.addAll(chart);
      if (!chart.isEmpty()) {
        blocks.add(new Block.Chart("Latency vs throughput per batch size", chart.get(0)));
      }
    }
    // The targets are read off the figures above: the same points and peer comparison, not computed again.
    blocks.addAll(TargetsSection.blocks(Targets.of(results, points, peer), gpuName));
    return new Written(List.copyOf(blocks), List.copyOf(files));
  }

  /** What the throughput table says where the sweep and the run's own TensorRT part timed the same (config, batch). */
  static String timedTwice(List<Throughput.Point> alsoByRun) {
    String which = alsoByRun.stream()
        .map(p -> String.format(Locale.ROOT, "%s at batch %d (p50 %s ms)", p.config(), p.batch(), Numbers.format(p.p50())))
        .collect(java.util.stream.Collectors.joining(", "));
    return "The sweep's forks build their own workload (the same model, images and threshold as the run's). The run's"
        + " own TensorRT part also timed " + which + " on the run's workload: that measurement is in the end-to-end"
        + " table, the ladder and the peer comparison, and the sweep's in this table, so each section takes one set"
        + " of forks and a difference between the two is the spread between processes.";
  }

  /** "TensorRT beside PyTorch (batch 1)": both fastest configurations, the ratio, its interval and what it is not. */
  static List<Block> peerBlocks(PeerComparison peer) {
    List<Block> blocks = new ArrayList<>();
    blocks.add(new Block.Heading(2, "TensorRT beside PyTorch (batch 1)"));
    blocks.add(new Block.Table(List.of("side", "fastest configuration", "p50 ms", "iterations (forks)"), List.of(
        List.of("TensorRT, end to end", peer.trtConfig(), Numbers.format(peer.trtMillis()),
            peer.trtIterations() + " (" + peer.trtForks() + ")"),
        List.of("PyTorch peer, network only", peer.peerConfig(), Numbers.format(peer.peerMillis()),
            peer.peerIterations() + " (" + peer.peerForks() + ")"))));
    IterationInterval ci = peer.interval();
    blocks.add(new Block.Paragraph(String.format(Locale.ROOT,
        "%s is %s faster than %s%s. Not the same work: the PyTorch peer (peers/torch_ssd.py) times the network alone, "
            + "without preprocessing, host-device copies or NMS, and TensorRT the whole call, so the ratio understates "
            + "TensorRT's lead.", peer.trtConfig(), Numbers.ratio(peer.ratio()), peer.peerConfig(),
        ci.known() ? String.format(Locale.ROOT, " (%.0f%% interval %s .. %s, a bootstrap that resamples both sides'"
            + " iterations and takes the ratio of their pooled samples' medians)", IterationInterval.LEVEL * 100, Numbers.ratio(ci.low()),
            Numbers.ratio(ci.high())) : " (too few iterations on one side for an interval)")
            + (ci.known() && Math.min(peer.trtForks(), peer.peerForks()) < 2
                ? " One side ran in a single process, so the interval leaves out the spread between processes." : "")));
    return blocks;
  }

  private static Block.Table ladderTable(List<Ladder.Step> steps, HardwareFloor floor) {
    List<List<String>> rows = new ArrayList<>();
    for (Ladder.Step s : steps) {
      IterationInterval ci = s.gainInterval();
      rows.add(List.of(s.config(), Numbers.format(s.millis()), Numbers.ratio(s.gain()),
          ci.known() ? Numbers.ratio(ci.low()) + " .. " + Numbers.ratio(ci.high()) : "",
          Numbers.ratio(s.overBaseline()), s.article()));
    }
    if (floor != null) {
      Ladder.Step last = steps.get(steps.size() - 1);
      rows.add(List.of("estimated floor (" + floor.config() + ")", Numbers.format(floor.millis()), "", "",
          Numbers.ratio(steps.get(0).millis() / floor.millis()),
          "lower bound, not measured; " + last.config() + " is " + Numbers.ratio(last.millis() / floor.millis())
              + " above it"));
    }
    return new Block.Table(List.of("step", "p50 ms", "gain", "gain 95% CI", "over first step", "article"), rows);
  }
}
