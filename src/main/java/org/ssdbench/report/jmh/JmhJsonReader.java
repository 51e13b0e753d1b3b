package org.ssdbench.report.jmh;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads a JMH JSON result file ({@code -rf json}) into {@link BenchmarkResult}s, one per array element, in file order.
 *
 * <p>Every mode JMH writes ({@code thrpt}, {@code avgt}, {@code sample}, {@code ss}) is read with its params, primary and
 * secondary metrics, percentiles, raw data and SampleTime histograms. An empty, truncated or malformed file, or an element
 * that does not have JMH's shape, throws {@link JmhFormatException} naming the file, the line and column, and the field.
 *
 * <pre>{@code
 * List<BenchmarkResult> results = new JmhJsonReader().read(Path.of("results/run/jmh-e2e.json"));
 * }</pre>
 *
 * <p>Instances are stateless and thread-safe.
 */
public final class JmhJsonReader {
  private static final ObjectMapper MAPPER = new ObjectMapper();

  /** Reads every result of {@code file}; an empty JSON array gives an empty list. */
  public List<BenchmarkResult> read(Path file) throws IOException {
    if (Files.size(file) == 0 || Files.readString(file).isBlank()) {
      throw new JmhFormatException(file, "the file is empty; expected a JSON array of JMH results", null);
    }
    try (JsonParser parser = MAPPER.createParser(file.toFile())) {
      JsonToken first = parser.nextToken();
      if (first != JsonToken.START_ARRAY) {
        throw new JmhFormatException(
            file, at(parser.currentTokenLocation()) + ": expected a JSON array of JMH results, found " + first, null);
      }
      List<BenchmarkResult> results = new ArrayList<>();
      while (parser.nextToken() == JsonToken.START_OBJECT) {
        JsonLocation start = parser.currentTokenLocation();
        JsonNode element = parser.readValueAsTree();
        try {
          results.add(ResultNode.toResult(element));
        } catch (IllegalArgumentException e) {
          throw new JmhFormatException(
              file, "result [" + results.size() + "] starting at " + at(start) + ": " + e.getMessage(), e);
        }
      }
      if (parser.currentToken() != JsonToken.END_ARRAY) {
        throw new JmhFormatException(
            file,
            at(parser.currentTokenLocation()) + ": expected a result object or the end of the array, found "
                + parser.currentToken(),
            null);
      }
      return List.copyOf(results);
    } catch (JsonProcessingException e) {
      throw new JmhFormatException(
          file, at(e.getLocation()) + ": not valid JSON (truncated or malformed): " + e.getOriginalMessage(), e);
    }
  }

  private static String at(JsonLocation location) {
    return location == null
        ? "unknown place"
        : "line " + location.getLineNr() + ", column " + location.getColumnNr();
  }
}
