package org.ssdbench.report.analysis;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Where one TensorRT engine build spent its time, read from its build log (engine.trt.BuildLog: one message per line,
 * {@code <ms since the build began> <severity> <message>}).
 *
 * <p>The builder announces each tactic search with {@code --------------- Timing Runner: <layer> (<runner>)} and
 * then times that runner's tactics; a search lasts until the next announcement or until the builder moves on to another
 * phase (costing, engine assembly). The breakdown adds those searches up by runner, and calls the rest of the build
 * what it is: loading the builder's kernel library before the first message that says it is loaded, and everything
 * else (graph optimisation, format choice, calibration, serialisation) as "other".
 *
 * @param totalMillis the last message's time
 * @param libraryMillis until "Init builder kernel library" (0 when the log does not say)
 * @param tacticMillisByRunner time inside tactic searches per runner (CaskConvolution, Reformat, PointWiseV2, ...),
 *     largest first
 * @param tacticsTimed "Tactic: ... Time:" lines: tactics measured, not read from the timing cache
 * @param slowestLayer the layer (or reformat) whose searches took longest, with its milliseconds
 * @param finished the log says the engine was generated; false for a build that failed or was stopped
 */
public record BuildLogBreakdown(double totalMillis, double libraryMillis, Map<String, Double> tacticMillisByRunner,
    int tacticsTimed, String slowestLayer, double slowestLayerMillis, boolean finished) {

  private static final Pattern LINE = Pattern.compile("^(\\d+(?:\\.\\d+)?) (k[A-Z_]+) (.*)$");
  private static final Pattern RUNNER = Pattern.compile("^-+ Timing Runner: (.*) \\((\\w+)(?:\\[[^]]*])?\\)$");
  /** Messages that start a phase after a search: the search before them has ended. */
  private static final List<String> PHASE_STARTS = List.of("=============== Computing costs for",
      "=============== Computing reformatting costs", "Detected ", "Engine generation completed",
      "*************** Autotuning Reformat");

  private static final String FINISHED = "Engine generation completed";

  public BuildLogBreakdown {
    tacticMillisByRunner = Collections.unmodifiableMap(new LinkedHashMap<>(tacticMillisByRunner));
  }

  /** Time in tactic searches, all runners. */
  public double tacticMillis() {
    return tacticMillisByRunner.values().stream().mapToDouble(Double::doubleValue).sum();
  }

  /** Searches among convolution and GEMM kernels (the Cask*, Cudnn* and depthwise runners). */
  public double convolutionMillis() {
    return tacticMillisByRunner.entrySet().stream().filter(e -> isConvolution(e.getKey()))
        .mapToDouble(Map.Entry::getValue).sum();
  }

  /** Searches among reformat (layout and type conversion) kernels between layers. */
  public double reformatMillis() {
    return tacticMillisByRunner.getOrDefault("Reformat", 0.0);
  }

  public double otherTacticMillis() {
    return tacticMillis() - convolutionMillis() - reformatMillis();
  }

  /** What is neither loading the kernel library nor a tactic search. */
  public double otherMillis() {
    return Math.max(0, totalMillis - libraryMillis - tacticMillis());
  }

  static boolean isConvolution(String runner) {
    return runner.startsWith("Cask") || runner.startsWith("Cudnn") || runner.contains("Convolution")
        || runner.contains("Depthwise");
  }

  /**
   * Reads a build log's lines; lines that are not {@code <ms> <severity> <message>} (a message's own line breaks)
   * belong to the message before them.
   *
   * @throws IllegalArgumentException when no line has the build log's form
   */
  public static BuildLogBreakdown of(List<String> lines) {
    double last = 0;
    double library = 0;
    int timed = 0;
    Map<String, Double> byRunner = new LinkedHashMap<>();
    Map<String, Double> byLayer = new LinkedHashMap<>();
    String runner = null;
    String layer = null;
    double searchStart = 0;
    boolean any = false;
    boolean finished = false;
    for (String line : lines) {
      Matcher m = LINE.matcher(line);
      if (!m.matches()) {
        continue;
      }
      any = true;
      double t = Double.parseDouble(m.group(1));
      String message = m.group(3);
      last = Math.max(last, t);
      if (library == 0 && message.contains("Init builder kernel library")) {
        library = t;
      }
      finished |= message.startsWith(FINISHED);
      Matcher r = RUNNER.matcher(message);
      boolean phase = PHASE_STARTS.stream().anyMatch(message::startsWith);
      if (runner != null && (r.matches() || phase)) {
        byRunner.merge(runner, t - searchStart, Double::sum);
        byLayer.merge(layer, t - searchStart, Double::sum);
        runner = null;
      }
      if (r.matches()) {
        layer = r.group(1);
        runner = r.group(2);
        searchStart = t;
      } else if (runner != null && message.startsWith("Tactic: ") && message.contains(" Time: ")) {
        timed++;
      }
    }
    if (!any) {
      throw new IllegalArgumentException("not a TensorRT build log: no line reads '<milliseconds> <severity> <message>'");
    }
    if (runner != null) {
      byRunner.merge(runner, last - searchStart, Double::sum);
      byLayer.merge(layer, last - searchStart, Double::sum);
    }
    Map<String, Double> sorted = new LinkedHashMap<>();
    byRunner.entrySet().stream().sorted(Map.Entry.<String, Double>comparingByValue().reversed())
        .forEach(e -> sorted.put(e.getKey(), e.getValue()));
    Map.Entry<String, Double> slowest = byLayer.entrySet().stream().max(Map.Entry.comparingByValue()).orElse(null);
    return new BuildLogBreakdown(last, library, sorted, timed, slowest == null ? "" : slowest.getKey(),
        slowest == null ? 0 : slowest.getValue(), finished);
  }
}
