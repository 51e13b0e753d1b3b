package org.ssdbench.cli;

import java.lang.reflect.Field;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.openjdk.jmh.annotations.Param;
import org.ssdbench.bench.ModelRequest;
import org.ssdbench.bench.Profile;
import org.ssdbench.bench.TensorRtBenchmark;
import org.ssdbench.engine.trt.CalibrationSet;
import org.ssdbench.placement.Placement;
import picocli.CommandLine;
import picocli.CommandLine.ParameterException;

/**
 * Everything {@code run} can check about its options before it loads a model or creates a folder: names of the profile
 * and configurations, numbers, the model and image files, the results path. Usage errors throw {@link
 * ParameterException} (exit 2); unusable input files throw {@link BadInputException} (exit 1).
 */
final class RunInputs {
  private RunInputs() {}

  static void check(RunCommand run, CommandLine cmd) throws BadInputException {
    Profile profile;
    try {
      profile = Profile.byName(run.profile);
    } catch (IllegalArgumentException e) {
      throw new ParameterException(cmd, "--profile: " + e.getMessage());
    }
    if (run.configs != null) {
      for (String config : run.configs) {
        if (!Placement.names().contains(config)) {
          throw new ParameterException(cmd, "--configs: unknown TensorFlow configuration '%s'; available: %s"
              .formatted(config, String.join(", ", Placement.names())));
        }
      }
    }
    List<String> trt = trtConfigNames();
    for (String config : run.trtConfigs) {
      if (!trt.contains(config)) {
        throw new ParameterException(cmd, "--trt-configs: unknown TensorRT configuration '%s'; available: %s"
            .formatted(config, String.join(", ", trt)));
      }
    }
    List<Integer> batches = run.batches != null && !run.batches.isEmpty() ? run.batches : profile.batches();
    for (int batch : batches) {
      if (batch < 1 || batch > 1024) {
        throw new ParameterException(cmd, "--batch: %d is not a batch size; give whole numbers from 1 to 1024"
            .formatted(batch));
      }
    }
    if (!(run.scoreThreshold >= 0 && run.scoreThreshold < 1)) {
      throw new ParameterException(cmd, "--score-threshold: %s is not a score; give a number in [0, 1), e.g. 0.3 or 1e-8"
          .formatted(run.scoreThreshold));
    }
    if (!ModelRequest.GENERATED.equals(run.model)) {
      Path model = Path.of(run.model);
      if (!Files.isRegularFile(model) || !Files.isReadable(model)) {
        throw new BadInputException(model, "no such readable model file; pass a frozen_inference_graph.pb or 'generated'");
      }
    }
    if (!ModelRequest.SYNTHETIC.equals(run.image)) {
      ImageCheck.check(Path.of(run.image), batches.stream().mapToInt(Integer::intValue).max().orElse(1));
    }
    if (run.calibrationImages != null) {
      try {
        CalibrationSet.of(run.calibrationImages);
      } catch (IllegalArgumentException | java.io.UncheckedIOException e) {
        throw new BadInputException(run.calibrationImages, e.getMessage());
      }
    }
    if (run.addTo != null) {
      if (!Files.isWritable(run.addTo)) {
        throw new ParameterException(cmd, ("--add-to: %s is read-only; parts can be added only to a folder this user"
            + " can write").formatted(run.addTo));
      }
      return;
    }
    checkWritable(cmd, run.out != null ? run.out : run.results, run.out != null ? "--out" : "--results");
    if (run.out != null && Files.exists(run.out)) {
      throw new ParameterException(cmd, "--out: %s exists already; results are never overwritten: choose another folder"
          .formatted(run.out));
    }
  }

  /** The TensorRT configurations {@code TensorRtBenchmark} declares (its config param). */
  static List<String> trtConfigNames() {
    try {
      Field config = TensorRtBenchmark.class.getField("config");
      return Arrays.asList(config.getAnnotation(Param.class).value());
    } catch (NoSuchFieldException e) {
      throw new IllegalStateException("TensorRtBenchmark has no config param", e);
    }
  }

  /**
   * The folder run folders go into: a file there, or a nearest existing parent that is not a writable folder, is
   * refused before anything is measured.
   */
  static void checkWritable(CommandLine cmd, Path target, String option) {
    Path absolute = target.toAbsolutePath().normalize();
    if (Files.exists(absolute) && !Files.isDirectory(absolute) && option.equals("--results")) {
      throw new ParameterException(cmd, "%s: %s is a file, not a folder; give a folder for the run folders"
          .formatted(option, target));
    }
    Path existing = option.equals("--out") ? absolute.getParent() : absolute;
    while (existing != null && !Files.exists(existing)) {
      existing = existing.getParent();
    }
    if (existing == null) {
      return;
    }
    if (!Files.isDirectory(existing)) {
      throw new ParameterException(cmd, "%s: cannot create %s: %s is a file, not a folder"
          .formatted(option, target, existing));
    }
    if (!Files.isWritable(existing)) {
      throw new ParameterException(cmd, "%s: cannot create %s: %s is read-only; choose a writable place"
          .formatted(option, target, existing));
    }
  }
}
