package org.ssdbench.report;

import java.util.ArrayList;
import java.util.List;
import org.ssdbench.report.analysis.Targets;
import org.ssdbench.report.doc.Block;

/** The report's "Targets" section: the run against the suite's performance targets ({@link Targets}). */
final class TargetsSection {
  private TargetsSection() {}

  static List<Block> blocks(List<Targets.Row> targets, String gpuName) {
    List<List<String>> rows = new ArrayList<>();
    for (Targets.Row r : targets) {
      rows.add(List.of(r.target(), r.goal(), r.measured(), r.status().text()));
    }
    List<Block> blocks = new ArrayList<>();
    blocks.add(new Block.Heading(2, "Targets"));
    blocks.add(new Block.Table(List.of("target", "goal", "this run", "verdict"), rows));
    String where = gpuName == null ? "This run recorded no GPU."
        : gpuName.contains("H200") ? "This run's GPU is one." : "This run's GPU is a " + gpuName + ": the targets"
            + " say how far it is from the H200's goals, not whether it meets its own.";
    blocks.add(new Block.Paragraph("The suite's targets (docs/ladder.md) were set for an NVIDIA H200. " + where
        + " A target is met where the figure reaches it; the 95% interval beside it says whether the whole interval"
        + " does. The figures are the report's own: the ladder's batch-1 p50s, the throughput table's images/s, and"
        + " TensorRT beside PyTorch (which is not the same work: the peer times its network alone)."));
    return blocks;
  }
}
