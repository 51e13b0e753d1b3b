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
import java.util.Locale;
import java.util.Optional;

/**
 * How long a run took, from its start to its results (the report not included), and how much of that was TensorRT
 * engine builds (what the run folder's {@code trt-builds.csv} says was built; engines loaded from the cache cost no
 * build). Written by {@code run} as {@code run-time.json}, so a first run's and a rerun's times can be compared from
 * their folders. A run done in parts ({@code run --add-to}) sums the parts that finished: {@code took} is their running
 * time together, not the wall-clock time between the first part's start and the last one's end.
 *
 * @param parts how many runs wrote the folder: 1, or more when parts were added to it
 */
public record RunTime(Instant started, Duration took, int trtBuilds, Duration trtBuildTime, int parts) {
  public static final String FILE = "run-time.json";
  private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

  /** One run in one part. */
  public RunTime(Instant started, Duration took, int trtBuilds, Duration trtBuildTime) {
    this(started, took, trtBuilds, trtBuildTime, 1);
  }

  /**
   * This run time with one more part of {@code partTook} added; the builds are the folder's as they stand now ({@code
   * trt-builds.csv} holds every part's).
   */
  public RunTime plusPart(Duration partTook, int allTrtBuilds, Duration allTrtBuildTime) {
    return new RunTime(started, took.plus(partTook), allTrtBuilds, allTrtBuildTime, parts + 1);
  }

  public void write(Path runDir) throws IOException {
    ObjectNode node = JSON.createObjectNode();
    node.put("started", started.toString());
    node.put("seconds", took.toMillis() / 1000.0);
    node.put("trtBuilds", trtBuilds);
    node.put("trtBuildSeconds", trtBuildTime.toMillis() / 1000.0);
    node.put("parts", parts);
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
    return Optional.of(new RunTime(Instant.parse(node.get("started").asText()),
        Duration.ofMillis(Math.round(node.get("seconds").asDouble() * 1000)), node.path("trtBuilds").asInt(0),
        Duration.ofMillis(Math.round(node.path("trtBuildSeconds").asDouble(0) * 1000)), node.path("parts").asInt(1)));
  }

  /** {@code 12 min 34 s, of which 5 TensorRT engine builds 7 min 2 s}; {@code 12 min 34 s in 2 parts, ...} for parts. */
  public String describe() {
    String text = minutes(took) + (parts > 1 ? " in " + parts + " parts" : "");
    return trtBuilds == 0 ? text : text + ", of which " + trtBuilds + " TensorRT engine build" + (trtBuilds == 1 ? "" : "s")
        + " " + minutes(trtBuildTime);
  }

  static String minutes(Duration d) {
    long s = Math.round(d.toMillis() / 1000.0);
    return s < 60 ? s + " s" : String.format(Locale.ROOT, "%d min %d s", s / 60, s % 60);
  }
}
