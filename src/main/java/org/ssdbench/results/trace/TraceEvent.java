package org.ssdbench.results.trace;

/**
 * One op execution from TF's step stats, on one lane.
 *
 * @param device the step stats' device name, e.g. {@code /job:localhost/replica:0/task:0/device:GPU:0/stream:all}
 * @param node the node name (the part before any ':' TF appends on GPU lanes)
 * @param opType the node's op, looked up in the graph; the label's op where the node is not in the graph
 * @param startMicros start, relative to the earliest event of the run
 * @param durationMicros how long it ran (all_end_rel)
 */
public record TraceEvent(
    String device, Lane lane, String node, String opType, String label, double startMicros, double durationMicros,
    int threadId) {

  /** Whether this event is a host-to-device copy. */
  public boolean isHostToDevice() {
    return mentions("htod", "h2d");
  }

  /** Whether this event is a device-to-host copy. */
  public boolean isDeviceToHost() {
    return mentions("dtoh", "d2h");
  }

  private boolean mentions(String a, String b) {
    String text = (device + " " + node + " " + label + " " + opType).toLowerCase(java.util.Locale.ROOT);
    return text.contains(a) || text.contains(b);
  }
}
