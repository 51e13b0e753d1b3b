package org.ssdbench.ops;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * One OpBenchmark result from a JMH JSON file: a signature on a device in a variant, time per call in microseconds.
 *
 * @param meanMicros JMH's score (the mean for SampleTime)
 * @param p50Micros the median, NaN where JMH wrote no percentiles
 */
public record OpTiming(String opType, String signature, OpDevice device, Variant variant, double meanMicros, double p50Micros) {
  public static final String BENCHMARK_CLASS = "org.ssdbench.bench.OpBenchmark";

  public OpTiming {
    Objects.requireNonNull(opType, "opType");
    Objects.requireNonNull(signature, "signature");
  }

  /**
   * Reads every OpBenchmark result of a JMH JSON file; other benchmarks in it are skipped.
   *
   * @throws IOException if the file cannot be read or is not a JMH JSON array, naming the file
   */
  public static List<OpTiming> read(Path jmhJson) throws IOException {
    JsonNode root = new ObjectMapper().readTree(jmhJson.toFile());
    if (root == null || !root.isArray()) {
      throw new IOException("%s is not a JMH JSON result (expected a top-level array)".formatted(jmhJson));
    }
    List<OpTiming> out = new ArrayList<>();
    for (JsonNode r : root) {
      String benchmark = r.path("benchmark").asText("");
      if (!benchmark.startsWith(BENCHMARK_CLASS + ".")) {
        continue;
      }
      JsonNode params = r.path("params");
      JsonNode metric = r.path("primaryMetric");
      String unit = metric.path("scoreUnit").asText("");
      double scale = microsPer(unit, jmhJson, benchmark);
      JsonNode p50 = metric.path("scorePercentiles").path("50.0");
      out.add(new OpTiming(
          params.path("op").asText(),
          params.path("signature").asText(),
          OpDevice.byParam(params.path("device").asText()),
          Variant.byParam(params.path("variant").asText()),
          metric.path("score").asDouble() * scale,
          p50.isNumber() ? p50.asDouble() * scale : Double.NaN));
    }
    return out;
  }

  private static double microsPer(String unit, Path file, String benchmark) throws IOException {
    return switch (unit.toLowerCase(Locale.ROOT)) {
      case "ns/op" -> 1e-3;
      case "us/op" -> 1;
      case "ms/op" -> 1e3;
      case "s/op" -> 1e6;
      default -> throw new IOException("%s: %s has score unit '%s'; OpBenchmark results need a time per op (ns/op, us/op, ms/op, s/op)"
          .formatted(file, benchmark, unit));
    };
  }
}
