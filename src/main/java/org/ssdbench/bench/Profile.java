package org.ssdbench.bench;

import java.util.List;
import org.ssdbench.engine.trt.TrtNetworkBuilder;

/**
 * How long and how wide a run measures. {@link #QUICK} is the default; {@link #FULL} runs every batch size, three forks
 * and longer iterations, for numbers to publish.
 *
 * <p>Sized for {@code diff}, which tests iteration scores (the independent measurements), not the samples inside one
 * iteration: the quick profile gives each configuration 2 forks x 5 iterations = 10 scores, so two runs compare 10 vs 10.
 * Its iterations last 1 s: that is about 60 calls of the slowest configuration (TF on the CPU or the GPU, 16 to 18 ms)
 * and thousands of a TensorRT engine's, while a fork's start (JVM, native libraries, the session or engine) takes
 * several seconds, so the count of iterations, not their length, is what buys the scores.
 * The smallest p-value an exact rank-sum test can give at 10 vs 10 is 2 / C(20, 10) = 1.1e-5, and on a quiet machine
 * (iteration scores within 1-2% of each other) a 5% shift separates the two groups well enough to fall below 0.05 and
 * to give a 95% interval that excludes 1. Three iterations of one fork (3 vs 3) could never do either. Two forks are the
 * fewest that let a fork's own JIT and memory layout show up as spread instead of as a difference between runs.
 */
public record Profile(String name, int forks, int warmupIterations, int warmupSeconds, int measurementIterations,
    int measurementSeconds, List<Integer> batches, int opSignatures, List<String> opMethods, List<String> opVariants,
    int trtBuilderLevel) {

  /** The op types the article names (Conv2D, GatherV2, ConcatV2, Select, NonMaxSuppression), by OpBenchmark method. */
  public static final List<String> ARTICLE_OPS = List.of("conv2d", "gatherV2", "concatV2", "select",
      "nonMaxSuppressionV3");
  /** Every OpBenchmark method. */
  public static final List<String> ALL_OPS = List.of();
  /** A session call fed from the host, as the article's graph feeds its ops. */
  public static final List<String> HOST_FED = List.of("host-fed");
  /** Host-fed, and with the inputs already on the device (the op's own cost, without copies). */
  public static final List<String> BOTH_VARIANTS = List.of("host-fed", "device-resident");

  /**
   * The quick profile's TensorRT builder optimization level. On an H200 its five cold builds (FP32, FP16, INT8, and
   * the two uint8-input engines) took 4 min 9 s (4 min 52 s on another H200), where TensorRT's default level (3; 2 for
   * INT8) had taken about 8.5 minutes, and its INT8 uint8-input engine ran in 361 us of GPU time against 359 to 360 us
   * at level 2. Level 1 times fewer kernels, and its choices vary more between builds: one INT8 build kept 70% of its
   * convolution time in FP16 kernels and ran in 429 us.
   */
  public static final int QUICK_TRT_LEVEL = 1;

  /**
   * Minutes: batch 1, TensorRT engines built at {@link #QUICK_TRT_LEVEL}, and per op the article's five op types
   * host-fed (each op type's heaviest signature, on each device, with its no-op control): 10 per-op trials on a CPU-only
   * machine, 20 with a GPU.
   */
  public static final Profile QUICK = new Profile("quick", 2, 2, 1, 5, 1, List.of(1), 1, ARTICLE_OPS, HOST_FED,
      QUICK_TRT_LEVEL);
  /**
   * Numbers to publish: every batch size, TensorRT's default builder level (2 for INT8), all eleven op types at three
   * signatures, host-fed and device-resident.
   */
  public static final Profile FULL = new Profile("full", 3, 3, 5, 5, 10, List.of(1, 8, 32), 3, ALL_OPS, BOTH_VARIANTS,
      TrtNetworkBuilder.Options.DEFAULT_LEVEL);

  public Profile {
    if (forks < 1 || warmupIterations < 0 || measurementIterations < 1 || warmupSeconds < 1 || measurementSeconds < 1) {
      throw new IllegalArgumentException("profile '%s' needs forks >= 1, measurement iterations >= 1 and times >= 1 s"
          .formatted(name));
    }
    batches = List.copyOf(batches);
    opMethods = List.copyOf(opMethods);
    opVariants = List.copyOf(opVariants);
    if (opVariants.isEmpty()) {
      throw new IllegalArgumentException("profile '%s' needs at least one per-op variant".formatted(name));
    }
    TrtNetworkBuilder.Options.checkLevel(trtBuilderLevel);
  }

  /** Whether the per-op part measures this OpBenchmark method (every one when {@link #opMethods} is empty). */
  public boolean measuresOp(String method) {
    return opMethods.isEmpty() || opMethods.contains(method);
  }

  public static Profile byName(String name) {
    return switch (name) {
      case "quick" -> QUICK;
      case "full" -> FULL;
      default -> throw new IllegalArgumentException("Unknown profile '%s'; available: quick, full".formatted(name));
    };
  }

  /** This profile with other batch sizes (a --batch option overrides the profile's list). */
  public Profile withBatches(List<Integer> other) {
    return new Profile(name, forks, warmupIterations, warmupSeconds, measurementIterations, measurementSeconds, other,
        opSignatures, opMethods, opVariants, trtBuilderLevel);
  }

  /**
   * Shorter iterations for the per-op benchmarks: one op call takes microseconds, so a second per iteration already
   * gathers thousands of samples, and each (op type, signature, device, variant) is a trial of its own, run twice (the
   * op and its no-op control). The same forks as the profile, three iterations each: 6 scores per trial in the quick
   * profile, enough for an exact test (smallest p at 6 vs 6: 0.002) and a 95% interval.
   */
  public Profile forOps() {
    return new Profile(name + "-ops", forks, 1, 1, 3, 1, batches, opSignatures, opMethods, opVariants, trtBuilderLevel);
  }
}
