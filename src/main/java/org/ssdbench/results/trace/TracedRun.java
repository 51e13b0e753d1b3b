package org.ssdbench.results.trace;

import java.util.ArrayList;
import java.util.List;
import org.tensorflow.proto.GraphDef;
import org.tensorflow.proto.RunMetadata;
import org.tensorflow.proto.RunOptions;

/**
 * One FULL_TRACE run's metadata, read into events. Built outside any timed region.
 *
 * @param graph the graph as it ran (after placement), to name the op type of each node
 */
public record TracedRun(String config, GraphDef graph, RunMetadata metadata) {
  /** FULL_TRACE with the partition graphs, so both timing and placement come from the same run. */
  public static RunOptions options() {
    return RunOptions.newBuilder()
        .setTraceLevel(RunOptions.TraceLevel.FULL_TRACE)
        .setOutputPartitionGraphs(true)
        .build();
  }

  public List<GraphDef> partitionGraphs() {
    return metadata.getPartitionGraphsList();
  }

  public List<TraceEvent> events() {
    List<GraphDef> graphs = new ArrayList<>();
    graphs.add(graph);
    graphs.addAll(partitionGraphs());
    return new StepStatsReader(graphs).read(metadata);
  }
}
