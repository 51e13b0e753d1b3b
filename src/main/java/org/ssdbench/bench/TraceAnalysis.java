package org.ssdbench.bench;

import java.io.IOException;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;
import org.ssdbench.engine.tf.TfEngine;
import org.ssdbench.model.ImageBatch;
import org.ssdbench.placement.Placement;
import org.ssdbench.results.PlacementCounts;
import org.ssdbench.results.PlacementFile;
import org.ssdbench.results.RunFolder;
import org.ssdbench.results.trace.ChromeTrace;
import org.ssdbench.results.trace.CopiesFile;
import org.ssdbench.results.trace.OpTable;
import org.ssdbench.results.trace.TracedRun;
import org.tensorflow.proto.GraphDef;

/**
 * The article's analysis, outside any timed region: per configuration, a few warm-up runs, then one FULL_TRACE run turned
 * into a Chrome trace, an op table and copy counts, with the node count per device from the same run's partition graphs.
 */
public final class TraceAnalysis {
  /** Runs before the traced one, so that kernel JIT compilation and autotuning are not in the trace. */
  private static final int WARMUP_RUNS = 5;

  private final GraphDef graph;
  private final ImageBatch images;
  private final PrintStream log;

  public TraceAnalysis(GraphDef graph, ImageBatch images, PrintStream log) {
    this.graph = graph;
    this.images = images;
    this.log = log;
  }

  /** One traced run per configuration; writes traces/, placement.csv and traces/copies.csv into {@code folder}. */
  public List<OpTable> run(List<Placement> configs, RunFolder folder) throws IOException {
    List<PlacementCounts> placements = new ArrayList<>();
    List<OpTable> tables = new ArrayList<>();
    int i = 0;
    for (Placement config : configs) {
      i++;
      log.printf("[trace %d/%d] %s: warming up and tracing one run%n", i, configs.size(), config.configName());
      TracedRun traced = trace(config);
      OpTable table = OpTable.of(config.configName(), traced.events());
      ChromeTrace.write(traced.events(), config.configName(), folder.trace(config.configName()));
      table.writeCsv(folder.opTable(config.configName()));
      placements.add(PlacementCounts.of(config.configName(), traced.partitionGraphs()));
      tables.add(table);
      log.printf("[trace %d/%d] %s: %s; copies H2D %d, D2H %d; top ops: %s%n", i, configs.size(), config.configName(),
          placements.get(placements.size() - 1).nodesByDevice(), table.hostToDevice(), table.deviceToHost(),
          table.top(5).stream().map(r -> "%s %.0f us".formatted(r.opType(), r.totalMicros())).toList());
    }
    PlacementFile.write(placements, folder.placement());
    CopiesFile.write(tables, folder.copies());
    log.printf("Wrote traces to %s, placement counts to %s%n", folder.traces(), folder.placement());
    return tables;
  }

  private TracedRun trace(Placement config) {
    try (TfEngine engine = TfEngine.open(graph, config)) {
      engine.prepare(images);
      for (int r = 0; r < WARMUP_RUNS; r++) {
        engine.infer();
      }
      return new TracedRun(config.configName(), config.apply(graph), engine.runWithMetadata(TracedRun.options()));
    }
  }
}
