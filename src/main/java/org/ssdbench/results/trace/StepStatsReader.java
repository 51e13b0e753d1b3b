package org.ssdbench.results.trace;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.tensorflow.proto.DeviceStepStats;
import org.tensorflow.proto.GraphDef;
import org.tensorflow.proto.NodeDef;
import org.tensorflow.proto.NodeExecStats;
import org.tensorflow.proto.RunMetadata;

/** Turns a FULL_TRACE run's {@link RunMetadata} into {@link TraceEvent}s with op types. */
public final class StepStatsReader {
  /** TF's timeline label: {@code name = OpType(inputs)}. */
  private static final Pattern LABEL = Pattern.compile("^\\S+ = (\\S+?)\\(");

  private final Map<String, String> opByNode = new HashMap<>();

  /**
   * @param graphs the graph that ran and, if collected, its partition graphs (which add the _Send/_Recv nodes)
   */
  public StepStatsReader(List<GraphDef> graphs) {
    for (GraphDef graph : graphs) {
      for (NodeDef node : graph.getNodeList()) {
        opByNode.putIfAbsent(node.getName(), node.getOp());
      }
    }
  }

  public List<TraceEvent> read(RunMetadata metadata) {
    List<TraceEvent> events = new ArrayList<>();
    double origin = Double.MAX_VALUE;
    for (DeviceStepStats device : metadata.getStepStats().getDevStatsList()) {
      for (NodeExecStats stats : device.getNodeStatsList()) {
        origin = Math.min(origin, startMicros(stats));
      }
    }
    for (DeviceStepStats device : metadata.getStepStats().getDevStatsList()) {
      Lane lane = Lane.of(device.getDevice());
      for (NodeExecStats stats : device.getNodeStatsList()) {
        String node = nodeName(stats.getNodeName());
        events.add(new TraceEvent(device.getDevice(), lane, node, opType(node, stats), stats.getTimelineLabel(),
            startMicros(stats) - origin, durationMicros(stats), stats.getThreadId()));
      }
    }
    return events;
  }

  private String opType(String node, NodeExecStats stats) {
    String op = opByNode.get(node);
    if (op != null) {
      return op;
    }
    Matcher m = LABEL.matcher(stats.getTimelineLabel());
    if (m.find()) {
      return m.group(1);
    }
    String full = stats.getNodeName();
    int colon = full.indexOf(':');
    if (colon >= 0 && colon + 1 < full.length()) {
      return full.substring(colon + 1);
    }
    return full.isEmpty() ? "unknown" : full;
  }

  private static String nodeName(String name) {
    int colon = name.indexOf(':');
    return colon >= 0 ? name.substring(0, colon) : name;
  }

  private static double startMicros(NodeExecStats s) {
    return s.getAllStartNanos() != 0 ? s.getAllStartNanos() / 1e3 : s.getAllStartMicros();
  }

  private static double durationMicros(NodeExecStats s) {
    return s.getAllEndRelNanos() != 0 ? s.getAllEndRelNanos() / 1e3 : s.getAllEndRelMicros();
  }
}
