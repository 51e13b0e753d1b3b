package org.ssdbench.ops;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import org.apache.commons.math3.distribution.TDistribution;

/**
 * One OpBenchmark trial from a JMH JSON file, a signature on a device in a variant, with its negative control from the
 * same file (param {@code graph=control}: the same feeds and fetches through a graph that does no work). Microseconds
 * per call; NaN where not measured (runs before the control existed have none).
 *
 * @param callMicros JMH's score of the op (the mean for SampleTime)
 * @param callHalfWidth half-width of the 95% Student-t interval of that mean, from the iteration scores of every fork
 * @param controlMicros the control's score
 * @param controlHalfWidth half-width of the control's 95% interval
 * @param p50Micros the op's median call, NaN where JMH wrote no percentiles
 */
public record OpTiming(String opType, String signature, OpDevice device, Variant variant, double callMicros,
    double callHalfWidth, double controlMicros, double controlHalfWidth, double p50Micros) {
  public static final String BENCHMARK_CLASS = "org.ssdbench.bench.OpBenchmark";
  static final double CONFIDENCE = 0.95;

  public OpTiming {
    Objects.requireNonNull(opType, "opType");
    Objects.requireNonNull(signature, "signature");
  }

  /** The op's own time per call, call minus control, with its uncertainty. */
  public NetTime net() {
    return NetTime.of(callMicros, callHalfWidth, controlMicros, controlHalfWidth);
  }

  /** The op's own time per call: call minus control; NaN without a control. */
  public double rawNetMicros() {
    return net().raw();
  }

  /** Half-width of the net time's 95% interval. */
  public double netHalfWidth() {
    return net().halfWidth();
  }

  /** {@link NetTime#controlExceedsCall()}: then {@link #netMicros()} is NaN. */
  public boolean controlExceedsCall() {
    return net().controlExceedsCall();
  }

  /** {@link NetTime#toldApartFromZero()}. */
  public boolean netToldApartFromZero() {
    return net().toldApartFromZero();
  }

  /** {@link NetTime#micros()}: never negative beyond its uncertainty. */
  public double netMicros() {
    return net().micros();
  }

  /**
   * Reads every OpBenchmark trial of a JMH JSON file and pairs each op with its control; other benchmarks are skipped.
   *
   * @throws IOException if the file cannot be read or is not a JMH JSON array, naming the file
   */
  public static List<OpTiming> read(Path jmhJson) throws IOException {
    JsonNode root = new ObjectMapper().readTree(jmhJson.toFile());
    if (root == null || !root.isArray()) {
      throw new IOException("%s is not a JMH JSON result (expected a top-level array)".formatted(jmhJson));
    }
    Map<List<String>, Measured> ops = new LinkedHashMap<>();
    Map<List<String>, Measured> controls = new LinkedHashMap<>();
    for (JsonNode r : root) {
      String benchmark = r.path("benchmark").asText("");
      if (!benchmark.startsWith(BENCHMARK_CLASS + ".")) {
        continue;
      }
      JsonNode params = r.path("params");
      List<String> key = List.of(params.path("op").asText(), params.path("signature").asText(),
          params.path("device").asText(), params.path("variant").asText());
      Measured m = Measured.of(r.path("primaryMetric"), jmhJson, benchmark);
      String graph = params.path("graph").asText("op");
      switch (graph) {
        case "op" -> ops.put(key, m);
        case "control" -> controls.put(key, m);
        default -> throw new IOException("%s: %s has graph=%s; valid: op, control".formatted(jmhJson, benchmark, graph));
      }
    }
    List<OpTiming> out = new ArrayList<>();
    ops.forEach((key, op) -> {
      Measured control = controls.getOrDefault(key, Measured.NONE);
      out.add(new OpTiming(key.get(0), key.get(1), OpDevice.byParam(key.get(2)), Variant.byParam(key.get(3)),
          op.mean, op.halfWidth, control.mean, control.halfWidth, op.p50));
    });
    return out;
  }

  /** One trial's mean, its 95% half-width from the iteration scores, and its median, in microseconds. */
  private record Measured(double mean, double halfWidth, double p50) {
    static final Measured NONE = new Measured(Double.NaN, Double.NaN, Double.NaN);

    static Measured of(JsonNode metric, Path file, String benchmark) throws IOException {
      double scale = microsPer(metric.path("scoreUnit").asText(""), file, benchmark);
      JsonNode p50 = metric.path("scorePercentiles").path("50.0");
      List<Double> scores = iterationScores(metric);
      return new Measured(metric.path("score").asDouble() * scale, halfWidth(scores) * scale,
          p50.isNumber() ? p50.asDouble() * scale : Double.NaN);
    }

    /** rawData's iteration scores, or for SampleTime each iteration's histogram mean. */
    private static List<Double> iterationScores(JsonNode metric) {
      List<Double> scores = new ArrayList<>();
      for (JsonNode fork : metric.path("rawData")) {
        fork.forEach(v -> scores.add(v.asDouble()));
      }
      for (JsonNode fork : metric.path("rawDataHistogram")) {
        for (JsonNode iteration : fork) {
          double sum = 0;
          double count = 0;
          for (JsonNode bin : iteration) {
            sum += bin.path(0).asDouble() * bin.path(1).asDouble();
            count += bin.path(1).asDouble();
          }
          if (count > 0) {
            scores.add(sum / count);
          }
        }
      }
      scores.removeIf(v -> Double.isNaN(v));
      return scores;
    }

    private static double halfWidth(List<Double> scores) {
      int n = scores.size();
      if (n < 2) {
        return Double.NaN;
      }
      double mean = scores.stream().mapToDouble(Double::doubleValue).average().orElseThrow();
      double squares = scores.stream().mapToDouble(v -> (v - mean) * (v - mean)).sum();
      double t = new TDistribution(n - 1).inverseCumulativeProbability(1 - (1 - CONFIDENCE) / 2);
      return t * Math.sqrt(squares / (n - 1)) / Math.sqrt(n);
    }
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
