package org.ssdbench.model;

import java.util.SplittableRandom;

/**
 * Deterministic synthetic weights. Each tensor draws from its own generator seeded by the graph seed and the tensor's
 * node name, so a tensor's values depend only on (seed, name): the same seed gives identical bytes, another seed other
 * weights, and adding a layer does not shift the others. Values are uniform with the requested standard deviation.
 */
final class SyntheticWeights {
  private final long seed;

  SyntheticWeights(long seed) {
    this.seed = seed;
  }

  private SplittableRandom random(String name) {
    long h = seed * 0x9E3779B97F4A7C15L;
    for (int i = 0; i < name.length(); i++) {
      h = (h ^ name.charAt(i)) * 0x100000001B3L;
    }
    return new SplittableRandom(h);
  }

  /** {@code count} values, uniform with mean {@code mean} and standard deviation {@code std}. */
  float[] uniform(String name, int count, double mean, double std) {
    SplittableRandom r = random(name);
    double half = std * Math.sqrt(3.0);
    float[] v = new float[count];
    for (int i = 0; i < count; i++) {
      v[i] = (float) (mean + (2.0 * r.nextDouble() - 1.0) * half);
    }
    return v;
  }

  /**
   * Convolution weights laid out {@code [kh, kw, cin, cout]}, each output filter shifted to mean zero so that a filter
   * answers to changes across its window and not to a constant input.
   */
  float[] zeroMeanFilters(String name, int fanIn, int cout, double std) {
    float[] v = uniform(name, fanIn * cout, 0.0, std);
    for (int o = 0; o < cout; o++) {
      double sum = 0;
      for (int i = 0; i < fanIn; i++) {
        sum += v[i * cout + o];
      }
      float mean = (float) (sum / fanIn);
      for (int i = 0; i < fanIn; i++) {
        v[i * cout + o] -= mean;
      }
    }
    return v;
  }
}
