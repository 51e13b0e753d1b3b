package org.ssdbench.results.trace;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
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

  /**
   * The events of a trace this class wrote, each op type read again from its timeline label where the label names one
   * (so a trace written by a reader that missed a label's op, e.g. behind an allocator prefix, gets the op that ran).
   *
   * @throws IOException if the file cannot be read or is not such a trace, naming the file
   */
  public static List<TraceEvent> read(Path file) throws IOException {
    JsonNode root;
    try {
      root = JSON.readTree(file.toFile());
    } catch (IOException e) {
      throw new IOException(file + " is not a readable JSON trace: " + e.getMessage(), e);
    }
    JsonNode all = root == null ? null : root.get("traceEvents");
    if (all == null || !all.isArray()) {
      throw new IOException(file + " has no traceEvents array: not a trace the suite wrote");
    }
    Map<Integer, String> devices = new HashMap<>();
    for (JsonNode e : all) {
      if ("M".equals(e.path("ph").asText()) && "process_name".equals(e.path("name").asText())) {
        String name = e.path("args").path("name").asText();
        int lane = name.lastIndexOf(" (");
        devices.put(e.path("pid").asInt(), lane >= 0 ? name.substring(0, lane) : name);
      }
    }
    List<TraceEvent> events = new ArrayList<>();
    for (JsonNode e : all) {
      if (!"X".equals(e.path("ph").asText())) {
        continue;
      }
      String device = devices.get(e.path("pid").asInt());
      if (device == null) {
        throw new IOException(file + ": event '" + e.path("name").asText() + "' has pid " + e.path("pid").asInt()
            + ", which no process_name entry names");
      }
      JsonNode args = e.path("args");
      String label = args.path("label").asText("");
      String op = StepStatsReader.labelledOp(label).orElse(args.path("op").asText(e.path("name").asText()));
      events.add(new TraceEvent(device, Lane.of(device), args.path("name").asText(""), op, label,
          e.path("ts").asDouble(), e.path("dur").asDouble(), e.path("tid").asInt()));
    }
    return events;
  }
}
