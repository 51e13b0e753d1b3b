package org.ssdbench.bench;

import java.io.PrintStream;
import java.util.List;
import org.ssdbench.engine.trt.profile.KernelProfileCsv;
import org.ssdbench.results.RunFolder;

/**
 * The kernel-profile part of a run: a CUPTI profile of each TensorRT engine the run timed, each in a child JVM ({@link
 * KernelProfileLauncher} says why), at batch 1 when the run timed it. A failure is told in one PROFILE FAILED line and
 * changes nothing else of the run.
 */
public final class KernelProfilePart {
  /** What the run's summary calls this part. */
  public static final String NAME = "kernel profile";
  /** Inferences the kernel profile times untraced, and as many traced. */
  static final int RUNS = 200;

  /**
   * What the part did: {@code skipped} the reason it profiled nothing (empty when it ran), else {@code ran} the line
   * for the run's "also ran" summary.
   */
  public record Outcome(String skipped, String ran) {}

  private KernelProfilePart() {}

  /** The batch the kernel profile takes: 1 when the run timed it, else the run's first. */
  public static int batch(Profile chosen) {
    return chosen.batches().contains(1) ? 1 : chosen.batches().get(0);
  }

  /**
   * The TensorRT configurations that have a timed result at {@code batch}: only their engines are in the cache, and a
   * profile of an engine that failed to build would only repeat that failure.
   */
  public static List<String> configs(List<String> configs, Summary timed, int batch) {
    return configs.stream()
        .filter(c -> timed.rows().stream().anyMatch(r -> r.config().equals(c) && r.batch() == batch))
        .toList();
  }

  /** Profiles each of {@code trtConfigs} that {@code timed} has at the profile's batch, into the run folder. */
  public static Outcome run(Profile chosen, List<String> trtConfigs, Summary timed, int builderLevel, RunFolder folder,
      List<String> jvmArgs, PrintStream log) {
    int batch = batch(chosen);
    List<String> configs = configs(trtConfigs, timed, batch);
    if (configs.isEmpty()) {
      return new Outcome("no TensorRT configuration was timed at batch " + batch + " (see the errors above)", "");
    }
    List<KernelProfileLauncher.Request> requests = configs.stream()
        .map(c -> new KernelProfileLauncher.Request(folder.dir(), c, batch, builderLevel, RUNS))
        .toList();
    int failed = new KernelProfileLauncher(jvmArgs, KernelProfileLauncher.DEFAULT_TIMEOUT, log).profileAll(requests);
    if (failed < requests.size()) {
      log.printf("Wrote kernel profiles to %s%n", folder.dir().resolve(KernelProfileCsv.KERNELS));
    }
    return new Outcome("", "%s of %d TensorRT engines at batch %d%s".formatted(NAME, requests.size(), batch,
        failed == 0 ? "" : " (" + failed + " failed)"));
  }
}
