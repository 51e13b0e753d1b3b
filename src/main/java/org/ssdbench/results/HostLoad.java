package org.ssdbench.results;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * What else the machine was doing while a run measured, from Linux's {@code /proc}: the 1-minute load average when
 * the run started (processes already busy before it), and the CPU steal share over the run (of all CPU time, the part
 * a hypervisor gave this VM's virtual CPUs to other guests while they had work). Steal and a busy start slow the
 * CPU-bound configurations (TensorFlow, TensorRT without a CUDA graph, PyTorch eager) without touching the GPU-bound
 * ones, so two runs of the same code on two hosts can differ by far more than their intervals say. Written by
 * {@code run} as {@value #FILE}, one entry per part of the run; NaN where {@code /proc} cannot be read (not Linux).
 *
 * <pre>{@code
 * HostLoad.Start start = HostLoad.start();
 * ... measure ...
 * start.finish().appendTo(runDir);
 * }</pre>
 *
 * @param loadAverageAtStart the 1-minute load average when the part started
 * @param stealShare steal over the part, as a fraction of all CPU time of all CPUs
 */
public record HostLoad(Instant started, Duration took, double loadAverageAtStart, double stealShare) {
  public static final String FILE = "host-load.json";
  /** Steal above this share is worth a reader's attention. */
  public static final double NOTABLE_STEAL = 0.02;
  private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
  private static final Path PROC_STAT = Path.of("/proc/stat");
  private static final Path PROC_LOADAVG = Path.of("/proc/loadavg");

  /** The snapshot a part starts from. */
  public record Start(Instant at, double loadAverage, Optional<CpuTimes> cpu) {
    /** The part's load, measured against {@code /proc/stat} now. */
    public HostLoad finish() {
      return finish(Instant.now(), CpuTimes.read(PROC_STAT));
    }

    HostLoad finish(Instant end, Optional<CpuTimes> cpuNow) {
      double steal = cpu.isPresent() && cpuNow.isPresent() ? cpuNow.get().stealShareSince(cpu.get()) : Double.NaN;
      return new HostLoad(at, Duration.between(at, end), loadAverage, steal);
    }
  }

  /** The aggregate {@code cpu} line of {@code /proc/stat}, in clock ticks: all time, and steal. */
  public record CpuTimes(long total, long steal) {
    /** The {@code cpu} line's fields are user nice system idle iowait irq softirq steal guest guest_nice. */
    static Optional<CpuTimes> parse(String procStat) {
      for (String line : procStat.split("\n")) {
        if (line.startsWith("cpu ")) {
          String[] fields = line.trim().split("\\s+");
          if (fields.length < 9) {
            return Optional.empty();
          }
          long total = 0;
          // guest and guest_nice are already counted in user and nice
          for (int i = 1; i <= Math.min(8, fields.length - 1); i++) {
            total += Long.parseLong(fields[i]);
          }
          return Optional.of(new CpuTimes(total, Long.parseLong(fields[8])));
        }
      }
      return Optional.empty();
    }

    static Optional<CpuTimes> read(Path procStat) {
      try {
        return parse(Files.readString(procStat));
      } catch (IOException | RuntimeException e) {
        return Optional.empty();
      }
    }

    double stealShareSince(CpuTimes before) {
      long total = this.total - before.total;
      return total > 0 ? (double) (steal - before.steal) / total : Double.NaN;
    }
  }

  /** Snapshots the load average and CPU times now. */
  public static Start start() {
    return new Start(Instant.now(), loadAverage(PROC_LOADAVG), CpuTimes.read(PROC_STAT));
  }

  static double loadAverage(Path procLoadavg) {
    try {
      return Double.parseDouble(Files.readString(procLoadavg).trim().split("\\s+")[0]);
    } catch (IOException | RuntimeException e) {
      return Double.NaN;
    }
  }

  /** Adds this part to the folder's {@value #FILE} (creating it), keeping the parts before it. */
  public void appendTo(Path runDir) throws IOException {
    List<HostLoad> parts = new ArrayList<>(read(runDir));
    parts.add(this);
    ArrayNode array = JSON.createArrayNode();
    for (HostLoad part : parts) {
      ObjectNode node = array.addObject();
      node.put("started", part.started.toString());
      node.put("seconds", part.took.toMillis() / 1000.0);
      putNumber(node, "loadAverageAtStart", part.loadAverageAtStart);
      putNumber(node, "stealShare", part.stealShare);
    }
    Files.writeString(runDir.resolve(FILE), JSON.writeValueAsString(array) + "\n");
  }

  private static void putNumber(ObjectNode node, String field, double value) {
    if (Double.isFinite(value)) {
      node.put(field, value);
    } else {
      node.putNull(field);
    }
  }

  /** The folder's parts, empty without {@value #FILE} (a run written before it existed). */
  public static List<HostLoad> read(Path runDir) throws IOException {
    Path file = runDir.resolve(FILE);
    if (!Files.isRegularFile(file)) {
      return List.of();
    }
    JsonNode array = JSON.readTree(file.toFile());
    if (!array.isArray()) {
      throw new IOException(file + ": expected a JSON array of parts");
    }
    List<HostLoad> parts = new ArrayList<>();
    for (JsonNode node : array) {
      if (!node.hasNonNull("started")) {
        throw new IOException(file + ": a part without 'started'");
      }
      parts.add(new HostLoad(Instant.parse(node.get("started").asText()),
          Duration.ofMillis(Math.round(node.path("seconds").asDouble(0) * 1000)), number(node, "loadAverageAtStart"),
          number(node, "stealShare")));
    }
    return List.copyOf(parts);
  }

  private static double number(JsonNode node, String field) {
    return node.hasNonNull(field) ? node.get(field).asDouble() : Double.NaN;
  }

  /** {@code load average 0.35 at its start, CPU steal 0.1% of CPU time}; "unknown" for what was not read. */
  public String describe() {
    return "load average " + (Double.isNaN(loadAverageAtStart) ? "unknown"
        : String.format(Locale.ROOT, "%.2f", loadAverageAtStart)) + " at its start, CPU steal "
        + (Double.isNaN(stealShare) ? "unknown" : String.format(Locale.ROOT, "%.1f%%", stealShare * 100))
        + " of CPU time";
  }

  /** Whether the steal is above {@link #NOTABLE_STEAL}. */
  public boolean notableSteal() {
    return stealShare > NOTABLE_STEAL;
  }
}
