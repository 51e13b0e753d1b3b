package org.ssdbench.results;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * How long a run took, from its start to its results (the report not included), and how much of that was TensorRT
 * engine builds (what the run folder's {@code trt-builds.csv} says was built; engines loaded from the cache cost no
 * build). Written by {@code run} as {@code run-time.json}, so a first run's and a rerun's times can be compared from
 * their folders. A run done in parts ({@code run --add-to}) sums the parts that finished: {@code took} is their running
 * time together, not the wall-clock time between the first part's start and the last one's end.
 *
 * @param parts how many runs wrote the folder: 1, or more when parts were added to it
 * @param phases where the time went ({@link PhaseClock}: setup, traces, TensorFlow, TensorRT with its builds, ...), in
 *     the order they ran, summed over the parts; empty for a file written before phases were recorded
 */
public record RunTime(Instant started, Duration took, int trtBuilds, Duration trtBuildTime, int parts,
    Map<String, Duration> phases) {
  public static final String FILE = "run-time.json";
  private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

  public RunTime {
    phases = Collections.unmodifiableMap(new LinkedHashMap<>(phases));
  }

  /** One run in one part, its phases not recorded. */
  public RunTime(Instant started, Duration took, int trtBuilds, Duration trtBuildTime) {
    this(started, took, trtBuilds, trtBuildTime, 1, Map.of());
  }

  /**
   * This run time with one more part of {@code partTook} added, its phases added to theirs by name; the builds are the
   * folder's as they stand now ({@code trt-builds.csv} holds every part's).
   */
  public RunTime plusPart(Duration partTook, int allTrtBuilds, Duration allTrtBuildTime,
      Map<String, Duration> partPhases) {
    Map<String, Duration> sum = new LinkedHashMap<>(phases);
    partPhases.forEach((phase, d) -> sum.merge(phase, d, Duration::plus));
    return new RunTime(started, took.plus(partTook), allTrtBuilds, allTrtBuildTime, parts + 1, sum);
  }

  public void write(Path runDir) throws IOException {
    ObjectNode node = JSON.createObjectNode();
    node.put("started", started.toString());
    node.put("seconds", took.toMillis() / 1000.0);
    node.put("trtBuilds", trtBuilds);
    node.put("trtBuildSeconds", trtBuildTime.toMillis() / 1000.0);
    node.put("parts", parts);
    ObjectNode phaseSeconds = node.putObject("phases");
    phases.forEach((phase, d) -> phaseSeconds.put(phase, d.toMillis() / 1000.0));
    Files.writeString(runDir.resolve(FILE), JSON.writeValueAsString(node) + "\n");
  }

  /** The folder's run time, or empty for a folder without one (written before it existed, or by another tool). */
  public static Optional<RunTime> read(Path runDir) throws IOException {
    Path file = runDir.resolve(FILE);
    if (!Files.isRegularFile(file)) {
      return Optional.empty();
    }
    JsonNode node = JSON.readTree(file.toFile());
    if (!node.hasNonNull("started") || !node.hasNonNull("seconds")) {
      throw new IOException(file + ": expected 'started' and 'seconds'");
    }
    Map<String, Duration> phases = new LinkedHashMap<>();
    node.path("phases").fields().forEachRemaining(e -> phases.put(e.getKey(), seconds(e.getValue().asDouble())));
    return Optional.of(new RunTime(Instant.parse(node.get("started").asText()), seconds(node.get("seconds").asDouble()),
        node.path("trtBuilds").asInt(0), seconds(node.path("trtBuildSeconds").asDouble(0)), node.path("parts").asInt(1),
        phases));
  }

  private static Duration seconds(double s) {
    return Duration.ofMillis(Math.round(s * 1000));
  }

  /** {@code 12 min 34 s, of which 5 TensorRT engine builds 7 min 2 s}; {@code 12 min 34 s in 2 parts, ...} for parts. */
  public String describe() {
    String text = minutes(took) + (parts > 1 ? " in " + parts + " parts" : "");
    return trtBuilds == 0 ? text : text + ", of which " + trtBuilds + " TensorRT engine build" + (trtBuilds == 1 ? "" : "s")
        + " " + minutes(trtBuildTime);
  }

  /** {@code setup 1 min 25 s, TensorFlow 2 min 31 s, ...}; empty where the phases were not recorded. */
  public String describePhases() {
    return phases.entrySet().stream().map(e -> e.getKey() + " " + minutes(e.getValue()))
        .collect(Collectors.joining(", "));
  }

  static String minutes(Duration d) {
    long s = Math.round(d.toMillis() / 1000.0);
    return s < 60 ? s + " s" : String.format(Locale.ROOT, "%d min %d s", s / 60, s % 60);
  }
}
