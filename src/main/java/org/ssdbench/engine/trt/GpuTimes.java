package org.ssdbench.engine.trt;

import java.util.Arrays;

/**
 * The CUDA-event GPU time of each inference, recorded into a buffer allocated once, so recording allocates nothing in
 * the timed path. Calls are grouped into iterations: {@link #startIteration()} marks where one begins, {@link
 * #discardIteration()} drops it again (a warm-up iteration), so {@link #percentile} covers measured calls only. Past
 * {@link #CAPACITY} calls, times still add to the iteration's sum and count but are not kept for percentiles.
 * Not thread-safe.
 */
public final class GpuTimes {
  /** About 2 minutes of 0.1 ms calls. */
  public static final int CAPACITY = 1 << 20;

  private final float[] millis;
  private int size;
  private int iterationStart;
  private double iterationSumMillis;
  private long iterationCalls;

  public GpuTimes() {
    this(CAPACITY);
  }

  GpuTimes(int capacity) {
    millis = new float[capacity];
  }

  /** One inference's GPU time. */
  public void add(float ms) {
    iterationSumMillis += ms;
    iterationCalls++;
    if (size < millis.length) {
      millis[size++] = ms;
    }
  }

  public void startIteration() {
    iterationStart = size;
    iterationSumMillis = 0;
    iterationCalls = 0;
  }

  /** Forgets the calls since {@link #startIteration()}. */
  public void discardIteration() {
    size = iterationStart;
    iterationSumMillis = 0;
    iterationCalls = 0;
  }

  public double iterationSumMillis() {
    return iterationSumMillis;
  }

  public long iterationCalls() {
    return iterationCalls;
  }

  /** Calls kept for percentiles. */
  public int kept() {
    return size;
  }

  /** The {@code p}-th percentile (0..100, nearest rank) of the kept times, in ms; NaN without any. */
  public double percentile(double p) {
    if (size == 0) {
      return Double.NaN;
    }
    float[] sorted = Arrays.copyOf(millis, size);
    Arrays.sort(sorted);
    int rank = (int) Math.ceil(p / 100.0 * size);
    return sorted[Math.max(0, Math.min(size - 1, rank - 1))];
  }
}
