package org.ssdbench.bench;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * What a run will measure and how long that takes, printed before it starts ({@code run --plan} stops there): per part
 * its trials (configuration x batch size, or op x signature x device x variant x op-or-control), forks and seconds of
 * JMH iterations per fork. The iterations' time is exact; a fork's start (JVM, native libraries, the workload, the
 * engine) comes on top, estimated from the quick runs on an H200 ({@link #TF_FORK_START} and the others), and engine
 * builds where the engine cache lacks them are not counted at all.
 */
public record RunPlan(String profile, List<Part> parts, List<String> notRun) {
  /**
   * A fork's start beside its iterations, TensorFlow end to end: 9 to 12 s in the H200 quick runs (the quick run of
   * 2026-12-04 05:08: 8 forks in 151 s, 12 s each beside their 7 s of iterations).
   */
  static final Duration TF_FORK_START = Duration.ofSeconds(12);
  /** The same for a TensorRT fork (engine from the cache, gate, CUDA graph): about 5 s. */
  static final Duration TRT_FORK_START = Duration.ofSeconds(5);
  /** The same for a per-op fork (one op's session): about 2 s. */
  static final Duration OP_FORK_START = Duration.ofSeconds(2);
  /**
   * One engine's kernel profile, a JVM of its own (400 inferences, half of them traced): 7 in 39 s in the H200 quick run
   * of 2026-12-04 05:08.
   */
  static final Duration KERNEL_PROFILE = Duration.ofSeconds(6);

  /**
   * @param iterationsPerFork warm-up and measurement iterations of one fork
   * @param forkStart estimated start of one fork beside its iterations
   */
  public record Part(String name, String trials, int trialCount, int forks, Duration iterationsPerFork,
      Duration forkStart) {
    public Duration iterations() {
      return iterationsPerFork.multipliedBy((long) trialCount * forks);
    }

    public Duration estimate() {
      return iterationsPerFork.plus(forkStart).multipliedBy((long) trialCount * forks);
    }
  }

  public RunPlan {
    parts = List.copyOf(parts);
    notRun = List.copyOf(notRun);
  }

  /** This plan, saying also that {@code part} will not run and why. */
  public RunPlan notRunning(String part) {
    List<String> more = new ArrayList<>(notRun);
    more.add(part);
    return new RunPlan(profile, parts, more);
  }

  /**
   * The plan of a run with {@code tfConfigs} TensorFlow configurations, {@code trtConfigs} TensorRT ones (none where
   * TensorRT will not run), the throughput sweep's configuration and batch sizes (none: no sweep), {@code opTrials}
   * per-op trials and {@code kernelProfiles} engines to profile ({@link PerOpPart#trials}), under {@code profile}.
   */
  public static RunPlan of(Profile profile, int tfConfigs, int trtConfigs, String sweepConfig,
      List<Integer> sweepBatches, int opTrials, int kernelProfiles) {
    List<Part> parts = new ArrayList<>();
    int batches = profile.batches().size();
    Duration fork = iterations(profile);
    if (tfConfigs > 0) {
      parts.add(new Part("TensorFlow end to end", count(tfConfigs, "configuration") + " x " + count(batches,
          "batch size"), tfConfigs * batches, profile.forks(), fork, TF_FORK_START));
    }
    if (trtConfigs > 0) {
      parts.add(new Part("TensorRT end to end", count(trtConfigs, "configuration") + " x " + count(batches,
          "batch size"), trtConfigs * batches, profile.forks(), fork, TRT_FORK_START));
    }
    if (!sweepBatches.isEmpty()) {
      // the configuration by name: --throughput takes it as its value, and --trt-configs does not choose it
      parts.add(new Part("throughput sweep", sweepConfig + " at batch " + sweepBatches.stream().map(String::valueOf)
          .collect(java.util.stream.Collectors.joining(", ")) + ", one and two batches in flight",
          2 * sweepBatches.size(), profile.forks(), fork, TRT_FORK_START));
    }
    if (kernelProfiles > 0) {
      parts.add(new Part("kernel profiles", count(kernelProfiles, "engine") + ", one JVM each", kernelProfiles, 1,
          Duration.ZERO, KERNEL_PROFILE));
    }
    if (opTrials > 0) {
      Profile ops = profile.forOps();
      parts.add(new Part("per op", "op types x their signatures x devices x variants, each op and its no-op control",
          opTrials, ops.forks(), iterations(ops), OP_FORK_START));
    }
    return new RunPlan(profile.name(), parts, List.of());
  }

  public Duration iterations() {
    return parts.stream().map(Part::iterations).reduce(Duration.ZERO, Duration::plus);
  }

  public Duration estimate() {
    return parts.stream().map(Part::estimate).reduce(Duration.ZERO, Duration::plus);
  }

  /** The lines printed before the run. */
  public List<String> lines() {
    List<String> out = new ArrayList<>();
    out.add("Plan (%s profile):".formatted(profile));
    for (Part p : parts) {
      out.add(p.iterationsPerFork().isZero()
          ? String.format(Locale.ROOT, "  %-22s %s", p.name(), p.trials())
          : String.format(Locale.ROOT, "  %-22s %s = %s x %s x %s of iterations", p.name(), p.trials(),
              count(p.trialCount(), "trial"), count(p.forks(), "fork"), describe(p.iterationsPerFork())));
    }
    for (String line : notRun) {
      out.add("  not run here: " + line);
    }
    out.add(("  JMH iterations alone: %s; with each fork's start as the H200 quick runs took (TensorFlow %d s, TensorRT"
        + " %d s, per op %d s, a kernel profile %d s): about %s. The setup and traces (1 min 25 s in the H200 quick"
        + " run, unpacking the redist jars' libraries on a first start included) and engine builds the cache lacks (15 s to"
        + " 4 min each on an H200) come on top.").formatted(describe(iterations()), TF_FORK_START.toSeconds(),
        TRT_FORK_START.toSeconds(), OP_FORK_START.toSeconds(), KERNEL_PROFILE.toSeconds(),
        describe(estimate())));
    return out;
  }

  private static String count(int n, String what) {
    return n + " " + what + (n == 1 ? "" : "s");
  }

  /** {@code 7 s}, {@code 4 min 2 s}, {@code 4 h 11 min}. */
  static String describe(Duration d) {
    long s = d.toSeconds();
    if (s < 60) {
      return s + " s";
    }
    return s < 3600 ? "%d min %d s".formatted(s / 60, s % 60) : "%d h %d min".formatted(s / 3600, s % 3600 / 60);
  }

  private static Duration iterations(Profile p) {
    return Duration.ofSeconds((long) p.warmupIterations() * p.warmupSeconds()
        + (long) p.measurementIterations() * p.measurementSeconds());
  }
}
