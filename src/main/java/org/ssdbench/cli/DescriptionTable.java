package org.ssdbench.cli;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import org.ssdbench.model.ModelDescription;
import org.ssdbench.model.ReferenceFigures;

/** Formats a {@link ModelDescription} as a Markdown table next to the reference export's figures. */
final class DescriptionTable {
  private DescriptionTable() {}

  static String format(ModelDescription d) {
    List<String[]> rows = new ArrayList<>();
    rows.add(row("nodes", d.nodeCount(), ReferenceFigures.NODES));
    rows.add(row("FeatureExtractor nodes", d.scopeNodes("FeatureExtractor"), ReferenceFigures.FEATURE_EXTRACTOR_NODES));
    rows.add(row("BoxPredictor nodes", d.scopeNodes("BoxPredictor_"), ReferenceFigures.BOX_PREDICTOR_NODES));
    rows.add(row("MultipleGridAnchorGenerator nodes", d.scopeNodes("MultipleGridAnchorGenerator"),
        ReferenceFigures.ANCHOR_GENERATOR_NODES));
    rows.add(row("NMS while loop nodes", d.nmsLoopNodes(), ReferenceFigures.NMS_LOOP_NODES));
    rows.add(row("NMS while loop Consts", d.nmsLoopConsts(), ReferenceFigures.NMS_LOOP_CONSTS));
    rows.add(row("Preprocessor while loop nodes", d.preprocessorLoopNodes(), ReferenceFigures.PREPROCESSOR_LOOP_NODES));
    rows.add(new String[] {"NMS ops", d.nmsOps() + " (" + d.nmsOp() + ")", String.valueOf(ReferenceFigures.NMS_OPS)});
    rows.add(row("Conv2D", d.conv2d(), ReferenceFigures.CONV2D));
    rows.add(row("DepthwiseConv2dNative", d.depthwise(), ReferenceFigures.DEPTHWISE));
    rows.add(row("Relu6", d.relu6(), ReferenceFigures.RELU6));
    rows.add(row("batch norms", d.batchNorms(), ReferenceFigures.BATCH_NORMS));
    rows.add(row("anchors", d.anchors(), ReferenceFigures.ANCHORS));
    rows.add(new String[] {"conv multiply-adds per image", giga(d.convMacs()), giga(ReferenceFigures.CONV_MACS)});
    rows.add(row("trainable params", d.trainableParams(), ReferenceFigures.TRAINABLE_PARAMS));
    rows.add(row("params with moving stats", d.paramsWithMovingStats(), ReferenceFigures.PARAMS_WITH_MOVING_STATS));
    Map<String, Integer> ops = new TreeMap<>(d.opHistogram());
    int nms = 0;
    for (String k : List.copyOf(ops.keySet())) {
      if (k.startsWith("NonMaxSuppression")) {
        nms += ops.remove(k);
      }
    }
    if (nms > 0) {
      ops.put("NonMaxSuppression", nms);
    }
    TreeMap<String, Integer> all = new TreeMap<>(ops);
    ReferenceFigures.OPS.keySet().forEach(k -> all.putIfAbsent(k, 0));
    for (String op : all.keySet()) {
      Integer ref = ReferenceFigures.OPS.get(op);
      rows.add(new String[] {"op " + op, String.valueOf(all.get(op)), ref == null ? "-" : String.valueOf(ref)});
    }
    StringBuilder out = new StringBuilder();
    out.append("Model: ").append(d.source()).append('\n');
    out.append("SHA-256: ").append(d.sha256()).append("\n\n");
    out.append("| figure | ours | reference |\n| --- | ---: | ---: |\n");
    for (String[] r : rows) {
      out.append("| ").append(r[0]).append(" | ").append(r[1]).append(" | ").append(r[2]).append(" |\n");
    }
    out.append("\n| output | dtype | shape |\n| --- | --- | --- |\n");
    for (ModelDescription.Output o : d.outputs()) {
      out.append("| ").append(o.name()).append(" | ").append(o.dtype()).append(" | ")
          .append(o.shape().toString().replace("-1", "?")).append(" |\n");
    }
    return out.toString();
  }

  private static String[] row(String name, long ours, long reference) {
    return new String[] {name, String.format(Locale.ROOT, "%,d", ours), String.format(Locale.ROOT, "%,d", reference)};
  }

  private static String giga(long macs) {
    return macs < 0 ? "unknown" : String.format(Locale.ROOT, "%.4f G", macs / 1e9);
  }
}
