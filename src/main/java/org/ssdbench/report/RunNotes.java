package org.ssdbench.report;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.ssdbench.engine.trt.profile.KernelArithmetic;
import org.ssdbench.engine.trt.profile.KernelProfileCsv;
import org.ssdbench.report.run.RunData;
import org.ssdbench.results.HostLoad;
import org.ssdbench.results.RunFolder;
import org.ssdbench.results.RunTime;

/**
 * What a reader of a report must know before its numbers: a run that did not finish and the JMH files it left
 * incomplete, how long the run took, a folder without any JMH JSON. Shown at the top of the report and printed by
 * {@code report}.
 */
public final class RunNotes {
  private RunNotes() {}

  public static List<String> of(RunData run) throws IOException {
    RunFolder folder = run.folder();
    List<String> notes = new ArrayList<>();
    List<String> partial = folder.partialJmhFiles().stream().map(p -> p.getFileName().toString()).toList();
    if (folder.isIncomplete() || !partial.isEmpty()) {
      String missing = partial.isEmpty()
          ? "no JMH file was left half-written, but parts that had not started are missing"
          : "missing: the results of " + String.join(", ", partial) + " (JMH did not complete them; they are left out)";
      notes.add("This run did not finish (" + (folder.isIncomplete() ? RunFolder.INCOMPLETE + " is still in the folder"
          : "partial JMH files") + "): " + missing + ". Everything else the run wrote is reported below.");
    }
    List<String> stopped = folder.stoppedJmhFiles().stream().map(p -> p.getFileName().toString()).toList();
    if (!stopped.isEmpty()) {
      notes.add("A part of this run was stopped and done again: its half-written results are kept as "
          + String.join(", ", stopped) + " and left out.");
    }
    Optional<RunTime> took = RunTime.read(folder.dir());
    took.ifPresent(t -> notes.add("This run took " + t.describe() + ", from its start to its results (the report "
        + "not included; " + RunTime.FILE + ")." + (t.phases().isEmpty() ? "" : " By phase: " + t.describePhases()
        + ".")));
    mostlyNotInt8(folder).ifPresent(notes::add);
    List<HostLoad> load = HostLoad.read(folder.dir());
    if (!load.isEmpty()) {
      List<String> parts = load.stream().map(HostLoad::describe).toList();
      String text = "The host during this run" + (parts.size() > 1 ? " (per part)" : "") + ": "
          + String.join("; ", parts) + " (" + HostLoad.FILE + ").";
      if (load.stream().anyMatch(HostLoad::notableSteal)) {
        text += " Steal above " + Math.round(HostLoad.NOTABLE_STEAL * 100) + "% is CPU time the hypervisor gave to"
            + " other guests: it slows the CPU-bound configurations (TensorFlow, TensorRT without a CUDA graph, PyTorch"
            + " eager) and not the GPU-bound ones, so compare those with other runs with care.";
      }
      notes.add(text);
    }
    if (folder.jmhJsonFiles().isEmpty()) {
      notes.add("This folder has no JMH results (no jmh-*.json): the report has no measurements"
          + (Files.exists(folder.env()) ? ", only the environment and side tables." : "."));
    }
    return notes;
  }

  /** Below this share of its convolution time in INT8 kernels, an INT8 engine's latency is mostly another precision's. */
  static final double LOW_INT8_SHARE = 0.5;

  /**
   * The INT8 engines of the kernel profile that ran less than {@link #LOW_INT8_SHARE} of their convolution time in
   * INT8 kernels: their latencies measure that build's choice of FP16 and FP32 kernels, not INT8.
   */
  static Optional<String> mostlyNotInt8(RunFolder folder) throws IOException {
    Path file = folder.dir().resolve(KernelProfileCsv.KERNELS);
    if (!Files.isRegularFile(file)) {
      return Optional.empty();
    }
    List<String> low = new ArrayList<>();
    KernelProfileCsv.byEngine(KernelProfileCsv.readKernels(file)).forEach((engine, lines) -> {
      Map<KernelArithmetic, Double> shares = KernelArithmetic.shares(lines);
      double int8 = shares.getOrDefault(KernelArithmetic.INT8, 0.0);
      if (lines.get(0).config().contains("int8") && !shares.isEmpty() && int8 < LOW_INT8_SHARE) {
        low.add(String.format(Locale.ROOT, "%s %.0f%%", engine, int8 * 100));
      }
    });
    if (low.isEmpty()) {
      return Optional.empty();
    }
    return Optional.of("INT8 engines that ran most of their convolution time in other kernels (share in INT8 kernels: "
        + String.join(", ", low) + "; \"Where the GPU time goes\"): TensorRT kept those layers in FP16 or FP32 in this"
        + " build, so these latencies measure that build's choice rather than INT8, and another build of the same"
        + " network may differ.");
  }
}
