package org.ssdbench.report.jmh;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Maps one element of JMH's JSON array onto records. Shape errors throw {@link IllegalArgumentException} naming the
 * field's path, e.g. {@code primaryMetric.rawData[1][0]}; {@link JmhJsonReader} adds the file and the place.
 */
final class ResultNode {
  private ResultNode() {}

  static BenchmarkResult toResult(JsonNode node) {
    String mode = text(node, "mode", true);
    Mode parsedMode;
    try {
      parsedMode = Mode.of(mode);
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("mode: " + e.getMessage(), e);
    }
    Map<String, String> params = new LinkedHashMap<>();
    JsonNode paramsNode = node.path("params");
    if (!paramsNode.isMissingNode() && !paramsNode.isNull()) {
      requireObject(paramsNode, "params");
      paramsNode.fields().forEachRemaining(e -> params.put(e.getKey(), e.getValue().asText()));
    }
    Map<String, Metric> secondary = new LinkedHashMap<>();
    JsonNode secondaryNode = node.path("secondaryMetrics");
    if (!secondaryNode.isMissingNode() && !secondaryNode.isNull()) {
      requireObject(secondaryNode, "secondaryMetrics");
      secondaryNode
          .fields()
          .forEachRemaining(
              e -> secondary.put(e.getKey(), metric(e.getValue(), "secondaryMetrics." + e.getKey())));
    }
    return new BenchmarkResult(
        text(node, "benchmark", true),
        parsedMode,
        params,
        metric(node.path("primaryMetric"), "primaryMetric"),
        secondary,
        settings(node));
  }

  private static RunSettings settings(JsonNode node) {
    List<String> jvmArgs = new ArrayList<>();
    node.path("jvmArgs").forEach(arg -> jvmArgs.add(arg.asText()));
    return new RunSettings(
        text(node, "jmhVersion", false),
        text(node, "jvm", false),
        jvmArgs,
        text(node, "jdkVersion", false),
        text(node, "vmName", false),
        integer(node, "forks"),
        integer(node, "threads"),
        integer(node, "warmupIterations"),
        text(node, "warmupTime", false),
        integer(node, "measurementIterations"),
        text(node, "measurementTime", false));
  }

  private static Metric metric(JsonNode node, String path) {
    if (node.isMissingNode()) {
      throw new IllegalArgumentException(path + ": missing; every JMH result has one");
    }
    requireObject(node, path);
    double low = Double.NaN;
    double high = Double.NaN;
    JsonNode confidence = node.path("scoreConfidence");
    if (!confidence.isMissingNode()) {
      if (!confidence.isArray() || confidence.size() != 2) {
        throw new IllegalArgumentException(path + ".scoreConfidence: expected [low, high], got " + confidence);
      }
      low = number(confidence.get(0), path + ".scoreConfidence[0]");
      high = number(confidence.get(1), path + ".scoreConfidence[1]");
    }
    TreeMap<Double, Double> percentiles = new TreeMap<>();
    JsonNode percentilesNode = node.path("scorePercentiles");
    if (!percentilesNode.isMissingNode()) {
      requireObject(percentilesNode, path + ".scorePercentiles");
      percentilesNode
          .fields()
          .forEachRemaining(
              e -> percentiles.put(
                  percentileKey(e.getKey(), path),
                  number(e.getValue(), path + ".scorePercentiles." + e.getKey())));
    }
    String unitPath = path + ".scoreUnit";
    JsonNode unit = node.path("scoreUnit");
    if (!unit.isTextual()) {
      throw new IllegalArgumentException(unitPath + ": expected a unit such as \"ms/op\", got " + describe(unit));
    }
    return new Metric(
        number(node.path("score"), path + ".score"),
        node.has("scoreError") ? number(node.get("scoreError"), path + ".scoreError") : Double.NaN,
        low,
        high,
        percentiles,
        unit.asText(),
        rawData(node.path("rawData"), path + ".rawData"),
        histograms(node.path("rawDataHistogram"), path + ".rawDataHistogram"));
  }

  private static List<List<Double>> rawData(JsonNode node, String path) {
    List<List<Double>> forks = new ArrayList<>();
    if (node.isMissingNode()) {
      return forks;
    }
    requireArray(node, path);
    for (int f = 0; f < node.size(); f++) {
      JsonNode fork = node.get(f);
      String forkPath = path + "[" + f + "]";
      requireArray(fork, forkPath);
      List<Double> iterations = new ArrayList<>();
      for (int i = 0; i < fork.size(); i++) {
        iterations.add(number(fork.get(i), forkPath + "[" + i + "]"));
      }
      forks.add(iterations);
    }
    return forks;
  }

  private static List<List<List<HistogramBin>>> histograms(JsonNode node, String path) {
    List<List<List<HistogramBin>>> forks = new ArrayList<>();
    if (node.isMissingNode()) {
      return forks;
    }
    requireArray(node, path);
    for (int f = 0; f < node.size(); f++) {
      String forkPath = path + "[" + f + "]";
      requireArray(node.get(f), forkPath);
      List<List<HistogramBin>> iterations = new ArrayList<>();
      for (int i = 0; i < node.get(f).size(); i++) {
        JsonNode iteration = node.get(f).get(i);
        String iterationPath = forkPath + "[" + i + "]";
        requireArray(iteration, iterationPath);
        List<HistogramBin> bins = new ArrayList<>();
        for (int b = 0; b < iteration.size(); b++) {
          JsonNode pair = iteration.get(b);
          String pairPath = iterationPath + "[" + b + "]";
          if (!pair.isArray() || pair.size() != 2) {
            throw new IllegalArgumentException(pairPath + ": expected [value, count], got " + pair);
          }
          bins.add(new HistogramBin(number(pair.get(0), pairPath + "[0]"), (long) number(pair.get(1), pairPath + "[1]")));
        }
        iterations.add(bins);
      }
      forks.add(iterations);
    }
    return forks;
  }

  /** A JSON number, or JMH's strings for values it could not compute: "NaN", "Infinity", "-Infinity". */
  private static double number(JsonNode node, String path) {
    if (node != null && node.isNumber()) {
      return node.doubleValue();
    }
    if (node != null && node.isTextual()) {
      switch (node.asText()) {
        case "NaN":
          return Double.NaN;
        case "Infinity":
          return Double.POSITIVE_INFINITY;
        case "-Infinity":
          return Double.NEGATIVE_INFINITY;
        default:
          break;
      }
    }
    throw new IllegalArgumentException(path + ": expected a number or \"NaN\", got " + describe(node));
  }

  private static double percentileKey(String key, String path) {
    try {
      return Double.parseDouble(key);
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException(
          path + ".scorePercentiles: key '" + key + "' is not a percentile such as \"99.9\"", e);
    }
  }

  private static String text(JsonNode node, String field, boolean required) {
    JsonNode value = node.path(field);
    if (value.isTextual()) {
      return value.asText();
    }
    if (!required && (value.isMissingNode() || value.isNull())) {
      return null;
    }
    throw new IllegalArgumentException(field + ": expected a string, got " + describe(value));
  }

  private static int integer(JsonNode node, String field) {
    JsonNode value = node.path(field);
    if (value.isMissingNode() || value.isNull()) {
      return 0;
    }
    if (!value.canConvertToInt()) {
      throw new IllegalArgumentException(field + ": expected a whole number, got " + describe(value));
    }
    return value.intValue();
  }

  private static void requireObject(JsonNode node, String path) {
    if (!node.isObject()) {
      throw new IllegalArgumentException(path + ": expected an object, got " + describe(node));
    }
  }

  private static void requireArray(JsonNode node, String path) {
    if (!node.isArray()) {
      throw new IllegalArgumentException(path + ": expected an array, got " + describe(node));
    }
  }

  private static String describe(JsonNode node) {
    return node == null || node.isMissingNode() ? "nothing (field missing)" : node.getNodeType() + " " + node;
  }
}
