package org.ssdbench.report.jmh;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads a JMH JSON result file ({@code -rf json}) into {@link BenchmarkResult}s, one per array element, in file order.
 *
 * <p>Every mode JMH writes ({@code thrpt}, {@code avgt}, {@code sample}, {@code ss}) is read with its params, primary and
 * secondary metrics, percentiles, raw data and SampleTime histograms. An empty, truncated or malformed file, one that is
 * not UTF-8, one with content after its array, or an element that does not have JMH's shape, throws {@link JmhFormatException} naming the file, the line and column, and the field.
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
    String text = utf8(file);
    if (text.isBlank()) {
      throw new JmhFormatException(file, "the file is empty; expected a JSON array of JMH results", null);
    }
    try (JsonParser parser = MAPPER.createParser(text)) {
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
      JsonToken after;
      try {
        after = parser.nextToken();
      } catch (JsonProcessingException e) {
        after = JsonToken.NOT_AVAILABLE;
      }
      if (after != null) {
        throw new JmhFormatException(file, at(parser.currentTokenLocation())
            + ": content after the end of the JSON array (two result files concatenated?); expected one JSON array",
            null);
      }
      return List.copyOf(results);
    } catch (JsonProcessingException e) {
      throw new JmhFormatException(
          file, at(e.getLocation()) + ": not valid JSON (truncated or malformed): " + e.getOriginalMessage(), e);
    }
  }

  /** The file as UTF-8 text (what JMH writes); another encoding is named with the place of its first bad byte. */
  static String utf8(Path file) throws IOException {
    byte[] bytes = Files.readAllBytes(file);
    CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
        .onMalformedInput(CodingErrorAction.REPORT)
        .onUnmappableCharacter(CodingErrorAction.REPORT);
    ByteBuffer in = ByteBuffer.wrap(bytes);
    try {
      return decoder.decode(in).toString();
    } catch (CharacterCodingException e) {
      throw new JmhFormatException(file, "not UTF-8 text: a byte that is not UTF-8 near byte offset " + in.position()
          + "; JMH writes its JSON in UTF-8", e);
    }
  }

  private static String at(JsonLocation location) {
    return location == null
        ? "unknown place"
        : "line " + location.getLineNr() + ", column " + location.getColumnNr();
  }
}
