package org.ssdbench.results.trace;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.tensorflow.proto.DeviceStepStats;
import org.tensorflow.proto.GraphDef;
import org.tensorflow.proto.NodeDef;
import org.tensorflow.proto.NodeExecStats;
import org.tensorflow.proto.RunMetadata;

/** Turns a FULL_TRACE run's {@link RunMetadata} into {@link TraceEvent}s with op types. */
public final class StepStatsReader {
  /**
   * TF's timeline label: {@code name = OpType(inputs)}, prefixed with the allocator and the memory the op used where
   * TF tracked it, e.g. {@code [mklcpu 2.8MB 2.8MB] conv/Relu6 = _MklNativeFusedConv2D(...)} on the CPU and
   * {@code [GPU_0_bfc 6.1MB 6.1MB] conv/BatchNorm/mul_1 = Conv2D(...)} on a GPU's launch lane.
   */
  private static final Pattern LABEL = Pattern.compile("^(?:\\[[^\\]]*\\]\\s*)?\\S+ = (\\S+?)\\(");

  /** Times from this value on are wall-clock microseconds since 1970 (2001 onwards), not a tracer's relative clock. */
  static final double WALL_CLOCK_MICROS = 1e15;

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
    // Host lanes carry wall-clock times; the GPU tracer's lanes start near zero. Each clock gets its own origin.
    double origin = Double.MAX_VALUE;
    for (DeviceStepStats device : metadata.getStepStats().getDevStatsList()) {
      for (NodeExecStats stats : device.getNodeStatsList()) {
        if (startMicros(stats) >= WALL_CLOCK_MICROS) {
          origin = Math.min(origin, startMicros(stats));
        }
      }
    }
    for (DeviceStepStats device : metadata.getStepStats().getDevStatsList()) {
      Lane lane = Lane.of(device.getDevice());
      for (NodeExecStats stats : device.getNodeStatsList()) {
        String node = nodeName(stats.getNodeName());
        double start = startMicros(stats);
        events.add(new TraceEvent(device.getDevice(), lane, node, opType(node, stats), stats.getTimelineLabel(),
            start >= WALL_CLOCK_MICROS ? start - origin : start, durationMicros(stats), stats.getThreadId()));
      }
    }
    return events;
  }

  /**
   * The op that ran: the timeline label's when it has one (on the CPU it names fused kernels such as _FusedConv2D that
   * replaced the graph's Conv2D + BiasAdd), else the graph's op for the node, else what the node name says.
   */
  private String opType(String node, NodeExecStats stats) {
    Optional<String> labelled = labelledOp(stats.getTimelineLabel());
    if (labelled.isPresent()) {
      return labelled.get();
    }
    String op = opByNode.get(node);
    if (op != null) {
      return op;
    }
    String full = stats.getNodeName();
    int colon = full.indexOf(':');
    if (colon >= 0 && colon + 1 < full.length()) {
      return full.substring(colon + 1);
    }
    return full.isEmpty() ? "unknown" : full;
  }

  /** The op a timeline label names ({@code name = OpType(...)}, with or without the allocator prefix); empty if none. */
  static Optional<String> labelledOp(String label) {
    Matcher m = LABEL.matcher(label == null ? "" : label);
    return m.find() ? Optional.of(m.group(1)) : Optional.empty();
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
