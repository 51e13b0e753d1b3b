package org.ssdbench.results.trace;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Writes trace events in the Chrome trace event format ({@code traceEvents} with complete "X" events and process/thread
 * name metadata), which chrome://tracing and Perfetto open. One process per step-stats device (CPU, GPU launch, each GPU
 * stream, the copy lanes), one thread per host thread.
 */
public final class ChromeTrace {
  private static final ObjectMapper JSON = new ObjectMapper();

  private ChromeTrace() {}

  public static ObjectNode toJson(List<TraceEvent> events, String title) {
    ObjectNode root = JSON.createObjectNode();
    ArrayNode out = root.putArray("traceEvents");
    Map<String, Integer> pids = new LinkedHashMap<>();
    for (TraceEvent e : events) {
      pids.computeIfAbsent(e.device(), d -> pids.size());
    }
    pids.forEach((device, pid) -> {
      ObjectNode meta = out.addObject().put("name", "process_name").put("ph", "M").put("pid", pid).put("tid", 0);
      meta.putObject("args").put("name", device + " (" + Lane.of(device).label() + ")");
      out.addObject().put("name", "process_sort_index").put("ph", "M").put("pid", pid).put("tid", 0)
          .putObject("args").put("sort_index", pid);
    });
    for (TraceEvent e : events) {
      ObjectNode event = out.addObject()
          .put("name", e.opType())
          .put("cat", e.lane().label())
          .put("ph", "X")
          .put("ts", e.startMicros())
          .put("dur", Math.max(e.durationMicros(), 0))
          .put("pid", pids.get(e.device()))
          .put("tid", e.threadId());
      event.putObject("args").put("name", e.node()).put("op", e.opType()).put("label", e.label());
    }
    root.put("displayTimeUnit", "ms");
    root.putObject("otherData").put("title", title);
    return root;
  }

  public static void write(List<TraceEvent> events, String title, Path file) throws IOException {
    Files.createDirectories(file.toAbsolutePath().getParent());
    JSON.writeValue(file.toFile(), toJson(events, title));
  }
}
