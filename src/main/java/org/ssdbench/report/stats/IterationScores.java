package org.ssdbench.report.stats;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.ssdbench.report.jmh.HistogramBin;
import org.ssdbench.report.jmh.Metric;

/**
 * A benchmark's independent measurements: one score per measured iteration, of every fork. These, not the samples inside
 * an iteration, are what statistics may treat as independent draws: samples of one iteration share a JVM, its JIT
 * decisions, its heap layout and a few seconds of machine state.
 *
 * <p>From {@code rawData} (one array per fork of iteration scores); for SampleTime, whose JSON has only {@code
 * rawDataHistogram}, each iteration's score is the mean of its histogram, as JMH scores it.
 *
 * @param scores iteration scores in {@code unit}, fork by fork, in run order; NaN iterations left out
 * @param forks how many forks contributed at least one score
 */
public record IterationScores(double[] scores, int forks, ScoreUnit unit) {
  public IterationScores {
    scores = scores.clone();
  }

  /** The iteration scores of {@code metric}, in its own unit. */
  public static IterationScores of(Metric metric) {
    List<Double> out = new ArrayList<>();
    int forks = 0;
    if (!metric.rawDataHistogram().isEmpty()) {
      for (List<List<HistogramBin>> fork : metric.rawDataHistogram()) {
        int before = out.size();
        for (List<HistogramBin> iteration : fork) {
          double sum = 0;
          long count = 0;
          for (HistogramBin bin : iteration) {
            sum += bin.value() * bin.count();
            count += bin.count();
          }
          if (count > 0) {
            out.add(sum / count);
          }
        }
        forks += out.size() > before ? 1 : 0;
      }
    } else {
      for (List<Double> fork : metric.rawData()) {
        int before = out.size();
        fork.stream().filter(v -> !Double.isNaN(v)).forEach(out::add);
        forks += out.size() > before ? 1 : 0;
      }
    }
    return new IterationScores(out.stream().mapToDouble(Double::doubleValue).toArray(), forks, ScoreUnit.of(metric.unit()));
  }

  /** The same scores in {@code target} (e.g. us/op to ms/op). */
  public IterationScores in(ScoreUnit target) {
    return new IterationScores(Arrays.stream(scores).map(v -> target.convert(v, unit)).toArray(), forks, target);
  }

  @Override
  public double[] scores() {
    return scores.clone();
  }

  public int size() {
    return scores.length;
  }

  /** The median score; NaN without scores. */
  public double median() {
    if (scores.length == 0) {
      return Double.NaN;
    }
    double[] s = scores.clone();
    Arrays.sort(s);
    int n = s.length;
    return n % 2 == 1 ? s[n / 2] : (s[n / 2 - 1] + s[n / 2]) / 2;
  }

  /** The mean score; NaN without scores. */
  public double mean() {
    return Arrays.stream(scores).average().orElse(Double.NaN);
  }
}
