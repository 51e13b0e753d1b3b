package org.ssdbench.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Pattern;
import picocli.CommandLine;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ParseResult;
import org.ssdbench.bench.ModelRequest;
import org.ssdbench.report.jmh.JmhJsonReader;
import org.ssdbench.results.Environment;
import org.ssdbench.results.EnvironmentFile;
import org.ssdbench.results.RunFolder;
import org.ssdbench.results.WorkloadFolder;

/**
 * An existing run folder that {@code run --add-to DIR} adds parts to. A run that does not fit one sitting (a time-limited
 * job or machine lease, a run that was stopped) is done in parts, each timing the workload the first part wrote into
 * the folder, so every part measures the same model, images, threshold and batches and all land in one report.
 *
 * <p>What a part adds is refused when the folder already has its results (they are never overwritten), and a part is
 * refused on another machine, GPU, suite build or TensorFlow/TensorRT version than the folder's, since its numbers would
 * then be compared with numbers of other code or hardware.
 */
final class RunAddition {
  /**
   * What a run adds to its folder, the JMH files that show the folder has it, and the option that leaves it out. The
   * TensorRT configurations are added one set at a time ({@code jmh-trt.json}, then {@code jmh-trt-2.json}, ...), since
   * their engine builds make them the longest part.
   */
  enum Part {
    TENSORFLOW("the TensorFlow configurations", "--no-tf", "jmh-e2e\\.json"),
    TENSORRT("the TensorRT configurations", "--no-trt", "jmh-trt(-[0-9]+)?\\.json"),
    THROUGHPUT("the throughput sweep", "--no-trt", "jmh-throughput(-2inflight)?\\.json"),
    PER_OP("per-op", "--no-ops", "jmh-ops-.+\\.json");

    private final String description;
    private final String skipOption;
    private final Pattern files;

    Part(String description, String skipOption, String files) {
      this.description = description;
      this.skipOption = skipOption;
      this.files = Pattern.compile(files);
    }

    /** Whether {@code name} is a complete JMH file of this part. */
    boolean isResult(String name) {
      return files.matcher(name).matches();
    }

    /** Whether {@code name} is the JMH file this part left half-written when it was stopped. */
    boolean isStopped(String name) {
      String partial = RunFolder.PARTIAL;
      return name.endsWith(partial) && isResult(name.substring(0, name.length() - partial.length()));
    }
  }

  private final RunFolder folder;
  private final Environment env;
  private final WorkloadFolder.Manifest workload;

  private RunAddition(RunFolder folder, Environment env, WorkloadFolder.Manifest workload) {
    this.folder = folder;
    this.env = env;
    this.workload = workload;
  }

  /**
   * Opens {@code dir} for adding parts.
   *
   * @throws BadInputException when it is no run folder, holds no workload (workload/ is not kept in git, so a folder
   *     copied from another machine cannot be added to), or was written before parts could be added
   */
  static RunAddition open(Path dir) throws BadInputException {
    if (!Files.isDirectory(dir)) {
      throw new BadInputException(dir, (Files.exists(dir) ? "a file, not a run folder" : "no such run folder")
          + "; --add-to takes a folder an earlier 'run' wrote");
    }
    RunFolder folder = new RunFolder(dir);
    Environment env;
    try {
      env = EnvironmentFile.read(folder.env());
    } catch (IOException e) {
      throw new BadInputException(dir, "not a run folder (" + e.getMessage() + "); --add-to takes a folder an earlier"
          + " 'run' wrote");
    }
    Path workloadDir = dir.resolve(WorkloadFolder.DIR);
    WorkloadFolder.Manifest manifest;
    try {
      manifest = WorkloadFolder.manifest(workloadDir);
    } catch (IllegalArgumentException e) {
      throw new BadInputException(dir, "its workload cannot be read (" + e.getMessage() + "); parts can be added only"
          + " where the first part ran, with its workload/ in place: start a new run instead");
    }
    if (manifest.profile() == null) {
      throw new BadInputException(dir, "its workload does not record the run's profile (written by an older suite);"
          + " start a new run instead");
    }
    return new RunAddition(folder, env, manifest);
  }

  /**
   * Refuses options that would describe other work than the folder's ({@code --model}, {@code --image}, {@code
   * --score-threshold}, {@code --batch}, {@code --profile}: given, each must say what the folder has) or another folder
   * ({@code --out}, {@code --results}).
   *
   * @throws ParameterException naming the option, its value and the folder's
   */
  void checkOptions(RunCommand run, CommandLine cmd) {
    ParseResult given = cmd.getParseResult();
    for (String option : List.of("--out", "--results")) {
      if (given != null && given.hasMatchedOption(option)) {
        throw new ParameterException(cmd, "--add-to and %s contradict each other: a part goes into the folder it is added to"
            .formatted(option));
      }
    }
    same(cmd, given, "--profile", run.profile, workload.profile());
    same(cmd, given, "--model", run.model, workload.model());
    same(cmd, given, "--image", run.image, workload.image());
    if (run.batches != null && !run.batches.isEmpty()) {
      same(cmd, given, "--batch", run.batches.toString(), batches().toString());
    }
    if (ModelRequest.GENERATED.equals(workload.model())) {
      same(cmd, given, "--score-threshold", ModelRequest.threshold(ModelRequest.GENERATED, run.scoreThreshold, null),
          workload.scoreThreshold());
    }
  }

  private void same(CommandLine cmd, ParseResult given, String option, String value, String folders) {
    if (given != null && given.hasMatchedOption(option) && !Objects.equals(value, folders)) {
      throw new ParameterException(cmd, ("--add-to: %s was run with %s %s, not %s; a part times the folder's work:"
          + " drop %s or give %s").formatted(folder.dir(), option, folders, value, option, folders));
    }
  }

  /** The folder's batch sizes, in the order its workload lists them. */
  List<Integer> batches() {
    return workload.batches().stream().map(WorkloadFolder.Batch::batch).toList();
  }

  RunFolder folder() {
    return folder;
  }

  Environment env() {
    return env;
  }

  WorkloadFolder.Manifest workload() {
    return workload;
  }

  Path workloadDir() {
    return folder.dir().resolve(WorkloadFolder.DIR).toAbsolutePath();
  }

  /**
   * Refuses a part whose results the folder has; for the TensorRT part, any of {@code trtConfigs} the folder has timed.
   *
   * @throws BadInputException naming the file (and configurations) and the option that leaves them out
   */
  void checkNotThere(Set<Part> parts, List<String> trtConfigs) throws BadInputException, IOException {
    for (Path file : folder.jmhJsonFiles()) {
      String name = file.getFileName().toString();
      for (Part part : parts) {
        if (!part.isResult(name)) {
          continue;
        }
        if (part != Part.TENSORRT) {
          throw new BadInputException(folder.dir(), "has %s already (%s); add only what it lacks: leave them out with %s"
              .formatted(part.description, name, part.skipOption));
        }
        List<String> timed = configsIn(file).stream().filter(trtConfigs::contains).toList();
        if (!timed.isEmpty()) {
          throw new BadInputException(folder.dir(), ("has %s timed already (%s); add only what it lacks: name the others"
              + " with --trt-configs, or leave TensorRT out with --no-trt").formatted(String.join(", ", timed), name));
        }
      }
    }
  }

  /** The name, for {@link RunFolder#jmhJson}, of the next TensorRT part's JMH file: trt, else trt-2, trt-3, .... */
  String nextTensorRtJson() {
    String name = "trt";
    for (int i = 2; Files.exists(folder.jmhJson(name)); i++) {
      name = "trt-" + i;
    }
    return name;
  }

  /** The configurations a JMH JSON file has results of (its benchmarks' {@code config} param). */
  private static List<String> configsIn(Path file) throws BadInputException {
    try {
      return new JmhJsonReader().read(file).stream().map(r -> r.param("config")).filter(Objects::nonNull).toList();
    } catch (IOException e) {
      throw new BadInputException(file, "cannot be read as JMH JSON (" + e.getMessage() + "); move it away to add parts");
    }
  }

  /**
   * Sets aside ({@link RunFolder#setAside}) each {@code jmh-*.json.partial} a stopped attempt at one of {@code parts}
   * left, so the part that redoes it neither overwrites it nor has it reported as its own.
   *
   * @return the renamed files, as they are named now
   */
  List<Path> setAsideStopped(Set<Part> parts) throws IOException {
    List<Path> renamed = new ArrayList<>();
    for (Path partial : folder.partialJmhFiles()) {
      String name = partial.getFileName().toString();
      if (parts.stream().anyMatch(p -> p.isStopped(name))) {
        renamed.add(folder.setAside(partial));
      }
    }
    return renamed;
  }

  /**
   * Refuses a part on another machine, GPU, suite build or library version than the folder's. A TensorRT version the
   * folder lacks (its earlier parts did not load TensorRT) is no difference.
   *
   * @throws BadInputException naming what differs, the folder's value and this machine's
   */
  void checkSameSetup(Environment now) throws BadInputException {
    List<String> differences = new ArrayList<>();
    differ(differences, "host", Environment::host, now);
    differ(differences, "GPU", Environment::gpuName, now);
    differ(differences, "GPU driver", Environment::gpuDriver, now);
    differ(differences, "suite commit", Environment::suiteCommit, now);
    differ(differences, "TensorFlow", Environment::tensorflow, now);
    if (env.tensorrt() != null && now.tensorrt() != null) {
      differ(differences, "TensorRT", Environment::tensorrt, now);
    }
    if (!differences.isEmpty()) {
      throw new BadInputException(folder.dir(), "was run with another setup than this part's (" + String.join("; ",
          differences) + "); a part is added only on the machine and suite build of the first: start a new run");
    }
  }

  private void differ(List<String> out, String what, Function<Environment, String> field, Environment now) {
    String then = field.apply(env);
    String here = field.apply(now);
    if (!Objects.equals(then, here)) {
      out.add("%s: %s in the folder, %s here".formatted(what, then, here));
    }
  }

  /** The folder's environment, with the TensorRT version this part loaded where the folder had none. */
  Environment withTensorRt(String tensorrt) {
    if (env.tensorrt() != null || tensorrt == null) {
      return env;
    }
    return new Environment(env.host(), env.gpuName(), env.gpuDriver(), env.cudaRuntime(), env.cudnn(),
        env.computeCapability(), env.gpuMemoryMiB(), env.gpuClocks(), env.cpuModel(), env.cpuCores(), env.os(), env.jvm(),
        env.tensorflow(), tensorrt, env.tfThreads(), env.suiteCommit(), env.modelSource(), env.modelSha256(),
        env.timestamp());
  }
}
