package org.ssdbench.cli;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Callable;
import org.openjdk.jmh.results.RunResult;
import org.ssdbench.bench.EndToEndBenchmark;
import org.ssdbench.bench.JmhLauncher;
import org.ssdbench.bench.KernelProfilePart;
import org.ssdbench.bench.ModelRequest;
import org.ssdbench.bench.PerOpPart;
import org.ssdbench.bench.RunPlan;
import org.ssdbench.bench.TensorRtBenchmark;
import org.ssdbench.bench.ThroughputSweep;
import org.ssdbench.engine.trt.BuildLog;
import org.ssdbench.engine.trt.BuilderResource;
import org.ssdbench.engine.trt.TensorRtAvailability;
import org.ssdbench.engine.trt.TrtBuildsCsv;
import org.ssdbench.engine.trt.TrtNetworkBuilder;
import org.ssdbench.engine.trt.TrtRuntime;
import org.ssdbench.ops.ModelGraphs;
import org.ssdbench.bench.Profile;
import org.ssdbench.bench.Summary;
import org.ssdbench.bench.TraceAnalysis;
import org.ssdbench.engine.tf.CudaLibraries;
import org.ssdbench.engine.tf.SessionSettings;
import org.ssdbench.engine.tf.TfDevices;
import org.ssdbench.model.LoadedModel;
import org.ssdbench.placement.Placement;
import org.ssdbench.report.PlotCopier;
import org.ssdbench.report.ReportWriter;
import org.ssdbench.results.Environment;
import org.ssdbench.results.EnvironmentFile;
import org.ssdbench.results.EnvironmentProbe;
import org.ssdbench.ops.SignatureTable;
import org.ssdbench.results.RunFolder;
import org.ssdbench.engine.trt.TrtInferenceEngine;
import org.ssdbench.results.HostLoad;
import org.ssdbench.results.PhaseClock;
import org.ssdbench.results.RunTime;
import org.ssdbench.results.WorkloadBatch;
import org.ssdbench.results.WorkloadFolder;
import org.ssdbench.results.RunFolders;
import org.tensorflow.TensorFlow;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * Runs the suite into a new results folder: env.json, the traced analysis of each TF configuration, then the JMH
 * end-to-end benchmarks, and a summary. Configurations this machine cannot run are skipped with the reason.
 */
@Command(name = "run", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
    description = "Run the benchmarks into a new results folder (never overwrites one).")
final class RunCommand implements Callable<Integer> {
  @Option(names = "--results", defaultValue = "results", description = "Parent folder of run folders (default: ${DEFAULT-VALUE}).")
  Path results;

  @Option(names = "--out", description = "Run folder to create; default: <results>/<host>-<gpu>-<timestamp>.")
  Path out;

  @Option(names = "--add-to", paramLabel = "DIR", description = "Add parts to the run folder DIR that an earlier run on"
      + " this machine wrote, timing its workload (model, images, threshold, batches, profile); a part DIR has already"
      + " (of TensorRT: a configuration it has timed) is refused. For a run done in parts, e.g. --no-trt first, then"
      + " --add-to DIR --no-tf --no-ops with a set of --trt-configs at a time.")
  Path addTo;

  @Option(names = "--profile", defaultValue = "quick",
      description = "quick (minutes, batch 1) or full (batch 1, 8, 32; longer) (default: ${DEFAULT-VALUE}).")
  String profile;

  @Option(names = "--configs", split = ",", paramLabel = "CONFIG",
      description = "TF configurations to run, comma-separated: tf-cpu, tf-gpu, tf-gpu-postproc-cpu, tf-gpu-nms-cpu"
          + " (default: all this machine can run).")
  List<String> configs;

  @Option(names = "--batch", split = ",", description = "Batch sizes; overrides the profile's.")
  List<Integer> batches;

  @Option(names = "--model", defaultValue = ModelRequest.GENERATED, description = "'generated' or a frozen_inference_graph.pb path.")
  String model;

  @Option(names = "--image", defaultValue = ModelRequest.SYNTHETIC, description = "'synthetic' or a JPEG/PNG path.")
  String image;

  @Option(names = "--calibration-images", paramLabel = "DIR",
      description = "Calibrate the INT8 engines on the JPEG/PNG photos of DIR (at least one batch of them) instead of"
          + " generated images; an engine calibrated on other images is not reused.")
  Path calibrationImages;

  @Option(names = "--score-threshold", defaultValue = "0.3", description = "NMS score threshold of the generated graph (0.3 or 1e-8).")
  float scoreThreshold;

  @Option(names = "--no-trace", description = "Skip the traced analysis runs.")
  boolean noTrace;

  @Option(names = "--no-tf",
      description = "Skip the TensorFlow end-to-end configurations and their traces (a TensorRT-only or per-op-only run).")
  boolean noTf;

  @Option(names = "--no-trt", description = "Skip the TensorRT benchmarks.")
  boolean noTrt;

  @Option(names = "--trt-configs", split = ",",
      defaultValue = RunCommand.DEFAULT_TRT_CONFIGS,
      description = "TensorRT configurations (default: ${DEFAULT-VALUE}).")
  List<String> trtConfigs;

  @Option(names = "--trt-builder-level",
      description = "TensorRT builder optimization level 0 (fastest build) to 5, or -1 for TensorRT's (3; 2 for INT8),"
          + " for every configuration without its own -l<N>; default: the profile's (quick 1, full TensorRT's).")
  Integer trtBuilderLevel;

  @Option(names = "--throughput", arity = "0..1", fallbackValue = ThroughputSweep.DEFAULT_CONFIG, paramLabel = "CONFIG",
      description = "Also time one TensorRT configuration (default " + ThroughputSweep.DEFAULT_CONFIG
          + ") at batch 1, 8, 32, 128 and 256 (or --throughput-batches), with one and with two batches in flight"
          + " (images/s, p50, p99); the full profile always does.")
  String throughput;

  @Option(names = "--throughput-batches", split = ",", paramLabel = "N",
      description = "The sweep's batch sizes (default: 1,8,32,128,256), e.g. 256 to time only the largest.")
  List<Integer> throughputBatches;

  @Option(names = "--no-kernel-profile",
      description = "Skip the per-kernel GPU profile (CUPTI, in a child JVM) of each timed TensorRT engine at batch 1,"
          + " taken after the TensorRT benchmarks (not the quick/full --profile).")
  boolean noKernelProfile;

  @Option(names = "--no-ops", description = "Skip the per-op CPU-vs-GPU benchmarks.")
  boolean noOps;

  @Option(names = "--plots", defaultValue = "plots", description = "Where the report's charts are copied (default: ${DEFAULT-VALUE}).")
  Path plots;

  @Option(names = "--no-report", description = "Skip the report at the end.")
  boolean noReport;

  @Option(names = "--plan", description = "Print what the run would measure and how long its JMH iterations take (the"
      + " plan every run prints first), then stop: no run folder is written.")
  boolean plan;

  @Option(names = "--jvm-arg", description = "Extra JVM argument for the benchmark forks (repeatable).")
  List<String> jvmArgs = new ArrayList<>();


  /**
   * The ladder from the article's step 2 to the fastest engines, each step one change: trt-fp32 (step 2), CUDA graph,
   * FP16, uint8 input, INT8 (with and without uint8 input); and trt-int8 without a CUDA graph, INT8 as the article's
   * step 2 ran TensorRT. Three cold builds (FP32, FP16, INT8); the uint8 engines reuse their precision's timings (12
   * and 21 s warm on an H200).
   */
  static final String DEFAULT_TRT_CONFIGS =
      "trt-fp32,trt-fp32-graph,trt-fp16-graph,trt-fp16-u8-graph,trt-int8,trt-int8-graph,trt-int8-u8-graph";

  private final PrintStream log = System.out;
  /** With --add-to: the folder this run adds parts to; null for a new run. */
  private RunAddition addition;
  /** The threshold the model applies ({@link ModelRequest#threshold}), fixed when the workload is written. */
  private String appliedThreshold;
  /** The run folder's workload/, which every fork reads. */
  private Path workloadDir;
  private final SkipReasons reasons = SkipReasons.ofThisMachine();
  private final List<ClosingSummary.Skip> skipped = new ArrayList<>();
  private final List<String> alsoRan = new ArrayList<>();
  /** Whether the report's charts could be drawn (false where this JVM cannot draw text). */
  private boolean chartsDrawn = true;

  @Spec CommandSpec spec;

  @Override
  public Integer call() throws Exception {
    Instant started = Instant.now();
    PhaseClock phases = PhaseClock.start();
    HostLoad.Start hostLoad = HostLoad.start();
    addition = addTo == null ? null : RunAddition.open(addTo);
    if (addition != null) {
      addition.checkOptions(this, spec.commandLine());
      takeTheFoldersWork();
    }
    RunInputs.check(this, spec.commandLine());
    checkSelection();
    Profile chosen = Profile.byName(profile);
    if (batches != null && !batches.isEmpty()) {
      chosen = chosen.withBatches(batches);
    }
    Set<RunAddition.Part> parts = parts(chosen);
    if (addition != null) {
      addition.checkNotThere(parts, trtConfigs);
    }
    List<Placement> tfConfigs = tfConfigs();
    if (tfConfigs.isEmpty() && noOps && (noTrt || !TensorRtAvailability.check().isEmpty())) {
      return nothingRan();
    }
    RunFolder folder;
    List<WorkloadBatch> workloads;
    SignatureTable opSignatures;
    if (addition == null) {
      LoadedModel loaded = new ModelRequest(model, chosen.batches().get(0), scoreThreshold, image).load();
      opSignatures = printPlan(chosen, tfConfigs, loaded);
      if (plan) {
        return ExitCodes.OK;
      }
      folder = createFolder(loaded);
      workloads = writeWorkload(loaded, chosen, folder);
    } else {
      workloads = readWorkload();
      opSignatures = printPlan(chosen, tfConfigs, workloads.get(0).model());
      if (plan) {
        return ExitCodes.OK;
      }
      folder = reopenFolder(workloads.get(0).model(), parts);
    }
    LoadedModel loaded = workloads.get(0).model();
    phases.lap("setup");
    if (!noTrace && !tfConfigs.isEmpty()) {
      new TraceAnalysis(loaded.graphDef(), workloads.get(0).images(), log).run(tfConfigs, folder);
      phases.lap("traces");
    }
    Summary summary = new Summary(List.of());
    List<String> expected = new ArrayList<>(tfConfigs.stream().map(Placement::configName).toList());
    if (!tfConfigs.isEmpty()) {
      summary = summary.plus(endToEnd(tfConfigs, chosen, folder));
      phases.lap("TensorFlow");
    }
    if (!noTrt) {
      String whyNot = TensorRtAvailability.check();
      if (whyNot.isEmpty()) {
        String builds = BuilderResource.whyBuildsWillFail();
        if (!builds.isEmpty()) {
          log.println("WARNING " + builds);
        }
        summary = summary.plus(tensorRt(chosen, folder));
        phases.lap("TensorRT");
        expected.addAll(trtConfigs);
        if (throughput != null || chosen.name().equals(Profile.FULL.name())) {
          ThroughputSweep.run(sweepConfig(), model, sweepBatches(),
              sweepParams(thresholdParam(), image, builderLevel(chosen)), chosen,
              folder.jmhJson(ThroughputSweep.JSON_NAME), folder.jmhJson(ThroughputSweep.TWO_IN_FLIGHT_JSON_NAME),
              tensorRtForkArgs(folder), log);
          phases.lap("throughput sweep");
        }
      } else {
        skip(String.join(", ", trtConfigs), reasons.forGpu(whyNot));
      }
    } else {
      skip(String.join(", ", trtConfigs), "--no-trt");
    }
    String whyNoProfile = whyNoKernelProfile(noKernelProfile, noTrt, noTrt ? "" : TensorRtAvailability.check(), reasons);
    if (whyNoProfile.isEmpty()) {
      KernelProfilePart.Outcome profiled = KernelProfilePart.run(chosen, trtConfigs, summary, builderLevel(chosen),
          folder, trtJvmArgs(), log);
      phases.lap(KernelProfilePart.NAME);
      if (profiled.skipped().isEmpty()) {
        alsoRan.add(profiled.ran());
      } else {
        skip(KernelProfilePart.NAME, profiled.skipped());
      }
    } else {
      skip(KernelProfilePart.NAME, whyNoProfile);
    }
    if (!noOps) {
      perOp(chosen, folder, opSignatures);
      phases.lap("per-op");
    } else {
      skip("per-op", "--no-ops");
    }
    RunTime took = recordRunTime(started, phases.phases(), folder, addition != null);
    recordHostLoad(hostLoad, folder);
    folder.markComplete();
    int missing = countMissing(expected, chosen, summary);
    boolean reported = !noReport && report(folder);
    if (!noReport && (!reported || !chartsDrawn)) {
      missing++;
    }
    new ClosingSummary(summary, alsoRan, skipped, took.describe() + " (the report not included)",
        took.describePhases()).print(log,
        reported ? folder.report().resolve(ReportWriter.MARKDOWN) : null,
        noReport ? "not written (--no-report); write it with: report " + folder.dir() : "failed (see REPORT FAILED above)",
        folder.dir());
    return missing == 0 ? ExitCodes.OK : ExitCodes.INCOMPLETE;
  }

  /**
   * Writes {@link RunTime#FILE}: the run time, its phases and its TensorRT builds. Neither an unreadable trt-builds.csv
   * nor a failed write may cost the run its results, so both only warn.
   */
  private RunTime recordRunTime(Instant started, Map<String, Duration> phases, RunFolder folder, boolean addedPart) {
    TrtBuildsCsv.Builds builds;
    try {
      builds = TrtBuildsCsv.builtIn(folder.dir());
    } catch (IOException e) {
      log.println("WARNING: TensorRT build times not counted in " + RunTime.FILE + ": " + e.getMessage());
      builds = new TrtBuildsCsv.Builds(0, Duration.ZERO);
    }
    Duration part = Duration.between(started, Instant.now());
    RunTime took = new RunTime(started, part, builds.count(), builds.time(), 1, phases);
    if (addedPart) {
      try {
        Optional<RunTime> before = RunTime.read(folder.dir());
        if (before.isPresent()) {
          took = before.get().plusPart(part, builds.count(), builds.time(), phases);
        }
      } catch (IOException e) {
        log.println("WARNING: the earlier parts' " + RunTime.FILE + " cannot be read (" + e.getMessage()
            + "); it is replaced by this part's time alone");
      }
    }
    try {
      took.write(folder.dir());
    } catch (IOException e) {
      log.println("WARNING: could not write " + RunTime.FILE + ": " + e.getMessage());
    }
    return took;
  }

  /** Writes this part's {@link HostLoad} and prints it; a failed write only warns. */
  private void recordHostLoad(HostLoad.Start start, RunFolder folder) {
    HostLoad load = start.finish();
    log.println("Host during the run: " + load.describe()
        + (load.notableSteal() ? " (CPU-bound configurations ran slower than on a quiet machine)" : ""));
    try {
      load.appendTo(folder.dir());
    } catch (IOException e) {
      log.println("WARNING: could not write " + HostLoad.FILE + ": " + e.getMessage());
    }
  }

  /**
   * Why the kernel profile does not run, empty when it does.
   *
   * @param trtMissing what {@link TensorRtAvailability#check()} says is missing (empty: nothing)
   */
  static String whyNoKernelProfile(boolean noProfile, boolean noTrt, String trtMissing, SkipReasons reasons) {
    if (noProfile) {
      return "--no-kernel-profile";
    }
    if (noTrt) {
      return "--no-trt";
    }
    return trtMissing.isEmpty() ? "" : reasons.forGpu(trtMissing);
  }

  /** The builder level of every TensorRT configuration without its own: --trt-builder-level, else the profile's. */
  int builderLevel(Profile chosen) {
    return trtBuilderLevel != null ? trtBuilderLevel : chosen.trtBuilderLevel();
  }

  /** Prints one SKIPPED line and keeps it for the closing summary. */
  private void skip(String what, String reason) {
    log.printf("SKIPPED %s: %s%n", what, reason);
    skipped.add(new ClosingSummary.Skip(what, reason));
  }

  /** Every configuration asked for was skipped: say so and create nothing. */
  private int nothingRan() {
    skip(String.join(", ", trtConfigs), noTrt ? "--no-trt" : reasons.forGpu(TensorRtAvailability.check()));
    skip("per-op", "--no-ops");
    new ClosingSummary(new Summary(List.of()), alsoRan, skipped).print(log, null, "none (nothing ran)", null);
    spec.commandLine().getErr().println("run: nothing ran: every configuration asked for was skipped on this machine"
        + " (reasons above); no results folder was created (exit " + ExitCodes.NOTHING_RAN + ")");
    spec.commandLine().getErr().flush();
    return ExitCodes.NOTHING_RAN;
  }

  /** Options that contradict each other, or leave nothing to run, fail before anything is loaded. */
  private void checkSelection() {
    try {
      if (trtBuilderLevel != null) {
        TrtNetworkBuilder.Options.checkLevel(trtBuilderLevel);
      }
    } catch (IllegalArgumentException e) {
      throw new ParameterException(spec.commandLine(), "--trt-builder-level must be 0 to 5 (or %d for TensorRT's default), got %d"
          .formatted(TrtNetworkBuilder.Options.DEFAULT_LEVEL, trtBuilderLevel));
    }
    if (noTf && configs != null) {
      throw new ParameterException(spec.commandLine(), "--no-tf and --configs contradict each other: give one of them");
    }
    if (throughput != null && noTrt) {
      throw new ParameterException(spec.commandLine(), "--throughput and --no-trt contradict each other: give one of them");
    }
    if (throughput != null) {
      try {
        ThroughputSweep.params(throughput, model, sweepBatches());
      } catch (IllegalArgumentException e) {
        throw new ParameterException(spec.commandLine(), "--throughput: " + e.getMessage());
      }
    }
    if (throughputBatches != null && throughput == null && !profile.equals(Profile.FULL.name())) {
      throw new ParameterException(spec.commandLine(),
          "--throughput-batches sets the sweep's batch sizes, but this run has no sweep: add --throughput");
    }
    if (noTf && noTrt && noOps) {
      throw new ParameterException(spec.commandLine(),
          "--no-tf, --no-trt and --no-ops together leave nothing to run: drop one of them");
    }
  }

  private List<Placement> tfConfigs() {
    CudaLibraries.preload(); // before the first TensorFlow class, also when no TF configuration runs
    if (noTf) {
      skip("the TensorFlow configurations", "--no-tf");
      return List.of();
    }
    List<Placement> wanted = configs == null
        ? List.of(Placement.values())
        : configs.stream().map(Placement::byName).toList();
    String whyNoGpu = TfDevices.whyNoGpu();
    List<Placement> runnable = new ArrayList<>();
    for (Placement p : wanted) {
      if (p.usesGpu() && !whyNoGpu.isEmpty()) {
        skip(p.configName(), reasons.forGpu(whyNoGpu));
      } else {
        runnable.add(p);
      }
    }
    return runnable;
  }

  private Environment probe(LoadedModel loaded) {
    String tensorRt = !noTrt && TensorRtAvailability.check().isEmpty() ? TrtRuntime.version() : null;
    // Every configuration uses the same thread pools (SessionSettings.cpu() and gpu() differ only in GPU visibility).
    return EnvironmentProbe.probe(TensorFlow.version(), tensorRt, SessionSettings.gpu().describeThreads(),
        loaded.source(), loaded.sha256());
  }

  /** With --add-to: the folder's work replaces the options that describe work (RunAddition checked those given). */
  private void takeTheFoldersWork() {
    WorkloadFolder.Manifest work = addition.workload();
    profile = work.profile();
    model = work.model();
    image = work.image();
    batches = addition.batches();
    if (ModelRequest.GENERATED.equals(model)) {
      scoreThreshold = Float.parseFloat(work.scoreThreshold());
    }
  }

  /** What this run adds to its folder, by the options (before this machine's skips): what --add-to checks. */
  Set<RunAddition.Part> parts(Profile chosen) {
    Set<RunAddition.Part> parts = EnumSet.noneOf(RunAddition.Part.class);
    if (!noTf) {
      parts.add(RunAddition.Part.TENSORFLOW);
    }
    if (!noTrt) {
      parts.add(RunAddition.Part.TENSORRT);
      if (throughput != null || chosen.name().equals(Profile.FULL.name())) {
        parts.add(RunAddition.Part.THROUGHPUT);
      }
    }
    if (!noOps) {
      parts.add(RunAddition.Part.PER_OP);
    }
    return parts;
  }

  /** With --add-to: the same setup as the folder's, a stopped part's half-written results set aside, then marked. */
  private RunFolder reopenFolder(LoadedModel loaded, Set<RunAddition.Part> parts) throws Exception {
    Environment env = probe(loaded);
    addition.checkSameSetup(env);
    for (Path aside : addition.setAsideStopped(parts)) {
      log.printf("Kept a stopped part's half-written results as %s%n", aside);
    }
    RunFolder folder = RunFolders.reopen(addition.folder().dir());
    Environment merged = addition.withTensorRt(env.tensorrt());
    if (merged != addition.env()) {
      EnvironmentFile.write(merged, folder.env());
    }
    log.printf("Adding to %s (GPU: %s)%n", folder.dir(), env.gpuName() == null ? "none" : env.gpuName());
    CudaLibraries.report().forEach(line -> log.println("  " + line));
    return folder;
  }

  /** With --add-to: the workload the folder's first part wrote, which every fork of this part reads too. */
  private List<WorkloadBatch> readWorkload() {
    WorkloadFolder.Manifest work = addition.workload();
    appliedThreshold = work.scoreThreshold();
    workloadDir = addition.workloadDir();
    List<WorkloadBatch> read = addition.batches().stream().map(b -> WorkloadFolder.read(workloadDir, work, b)).toList();
    WorkloadBatch one = read.get(0);
    log.printf("Workload: read from %s (written by the run's first part): %s, images %s, score threshold %s, batch %s,"
        + " profile %s%n", workloadDir, one.model().source(), one.imageNote(), appliedThreshold, addition.batches(), profile);
    return read;
  }

  private RunFolder createFolder(LoadedModel loaded) throws Exception {
    Environment env = probe(loaded);
    RunFolder folder = out != null ? RunFolders.create(out)
        : RunFolders.createNew(results, RunFolders.name(env, LocalDateTime.now()));
    EnvironmentFile.write(env, folder.env());
    log.printf("Model: %s (sha256 %s)%nGPU: %s%nWrote environment to %s%n", loaded.source(), loaded.sha256(),
        env.gpuName() == null ? "none" : env.gpuName(), folder.env());
    CudaLibraries.report().forEach(line -> log.println("  " + line));
    return folder;
  }

  /**
   * The run's workload, written once into the run folder and read by every fork: per batch size, the model, the images,
   * their preprocessed form and the tf-cpu reference. Also fixes the threshold every configuration records: the run's
   * for a generated graph, the graph's own for a file.
   */
  List<WorkloadBatch> writeWorkload(LoadedModel first, Profile chosen, RunFolder folder) throws Exception {
    appliedThreshold = ModelRequest.threshold(model, scoreThreshold, first);
    List<WorkloadBatch> batches = new ArrayList<>();
    for (int b : chosen.batches()) {
      ModelRequest request = new ModelRequest(model, b, scoreThreshold, image);
      boolean sameGraph = b == chosen.batches().get(0) || !ModelRequest.GENERATED.equals(model);
      batches.add(request.workload(sameGraph ? first : request.load()));
    }
    workloadDir = folder.dir().resolve(WorkloadFolder.DIR).toAbsolutePath();
    WorkloadFolder.write(workloadDir, model, image, appliedThreshold, batches, chosen.name());
    WorkloadBatch one = batches.get(0);
    log.printf("Workload: %s, images %s, score threshold %s, batch %s, tf-cpu reference %d detections on image 0;"
        + " written to %s%n", one.model().source(), one.imageNote(), appliedThreshold, chosen.batches(),
        one.reference().detections().count(0), workloadDir);
    return batches;
  }

  private Summary endToEnd(List<Placement> tfConfigs, Profile chosen, RunFolder folder) throws Exception {
    Map<String, List<String>> params =
        configParams(tfConfigs.stream().map(Placement::configName).toList(), chosen);
    return endToEndJmh(EndToEndBenchmark.class, params, chosen, folder.jmhJson("e2e"), jvmArgs);
  }

  /** The forks get the run folder (for trt-builds.csv) as a system property, and the builder level as a param. */
  private Summary tensorRt(Profile chosen, RunFolder folder) throws Exception {
    Map<String, List<String>> params = configParams(trtConfigs, chosen);
    params.put("builderLevel", List.of(String.valueOf(builderLevel(chosen))));
    String json = addition == null ? "trt" : addition.nextTensorRtJson();
    return endToEndJmh(TensorRtBenchmark.class, params, chosen, folder.jmhJson(json), tensorRtForkArgs(folder));
  }

  /** The sweep's configuration: --throughput's value, else ThroughputSweep.DEFAULT_CONFIG. */
  private String sweepConfig() {
    return throughput == null ? ThroughputSweep.DEFAULT_CONFIG : throughput;
  }

  /** The sweep's batch sizes: --throughput-batches, else ThroughputSweep.BATCHES. */
  List<Integer> sweepBatches() {
    return throughputBatches == null || throughputBatches.isEmpty() ? ThroughputSweep.BATCHES
        : List.copyOf(throughputBatches);
  }

  /**
   * The sweep's workload and engine params beyond config, batch and model: the run's threshold and image, and its
   * builder level, so {@code --trt-builder-level} applies to the sweep's engines as to the other TensorRT ones.
   */
  static Map<String, String> sweepParams(String threshold, String image, int builderLevel) {
    return Map.of("scoreThreshold", threshold, "image", image, "builderLevel", String.valueOf(builderLevel));
  }

  private List<String> tensorRtForkArgs(RunFolder folder) {
    return tensorRtForkArgs(trtJvmArgs(), folder.dir());
  }

  /** The user's JVM arguments, and the calibration photos' folder for every JVM that opens a TensorRT engine. */
  private List<String> trtJvmArgs() {
    return trtJvmArgs(jvmArgs, calibrationImages);
  }

  static List<String> trtJvmArgs(List<String> jvmArgs, Path calibrationImages) {
    List<String> args = new ArrayList<>(jvmArgs);
    if (calibrationImages != null) {
      args.add("-D" + TrtInferenceEngine.CALIBRATION_IMAGES_PROPERTY + "=" + calibrationImages.toAbsolutePath());
    }
    return args;
  }

  /**
   * The TensorRT forks' JVM arguments: the user's, then where build facts go (trt-builds.csv) and where each build's
   * log goes ({@code trt-build-logs/}, unless a {@code --jvm-arg} names another folder).
   */
  static List<String> tensorRtForkArgs(List<String> jvmArgs, Path runDir) {
    List<String> forkArgs = new ArrayList<>(jvmArgs);
    forkArgs.add("-D" + TrtBuildsCsv.RUN_DIR_PROPERTY + "=" + runDir.toAbsolutePath());
    if (forkArgs.stream().noneMatch(a -> a.startsWith("-D" + BuildLog.PROPERTY + "="))) {
      forkArgs.add("-D" + BuildLog.PROPERTY + "=" + runDir.toAbsolutePath().resolve(BuildLog.RUN_FOLDER));
    }
    return forkArgs;
  }

  /**
   * The params every end-to-end benchmark takes, TensorFlow and TensorRT alike: configuration, batch sizes, and the
   * workload (model, threshold, image, and the folder every fork reads them from).
   */
  Map<String, List<String>> configParams(List<String> configs, Profile chosen) {
    Map<String, List<String>> params = new LinkedHashMap<>();
    params.put("config", configs);
    params.put("batch", chosen.batches().stream().map(String::valueOf).toList());
    params.put("model", List.of(model));
    params.put("scoreThreshold", List.of(thresholdParam()));
    params.put("image", List.of(image));
    params.put("workload", List.of(workloadDir.toString()));
    return params;
  }

  /** The threshold param: the one applied, where the graph states it. */
  private String thresholdParam() {
    return appliedThreshold.equals(ModelRequest.AS_EXPORTED) ? String.valueOf(scoreThreshold) : appliedThreshold;
  }

  private Summary endToEndJmh(Class<?> benchmark, Map<String, List<String>> params, Profile chosen, Path json,
      List<String> forkArgs) throws Exception {
    Collection<RunResult> results = JmhLauncher.run(benchmark, params, chosen, json, forkArgs);
    log.printf("Wrote JMH results to %s%n", json);
    return Summary.of(results);
  }

  /**
   * Prints the run's {@link RunPlan}; returns the per-op signatures of the benchmarked model it counted the trials
   * from (null with --no-ops), which the per-op part measures.
   */
  private SignatureTable printPlan(Profile chosen, List<Placement> tfConfigs, LoadedModel benchmarked) {
    boolean trt = !noTrt && TensorRtAvailability.check().isEmpty();
    boolean sweep = trt && (throughput != null || chosen.name().equals(Profile.FULL.name()));
    boolean profiles = trt && whyNoKernelProfile(noKernelProfile, noTrt, "", reasons).isEmpty();
    // The shapes the model really feeds each op, at its threshold: one traced CPU run of the model.
    SignatureTable signatures = noOps ? null : ModelGraphs.signatures(benchmarked.graphDef(), benchmarked.source());
    int opTrials = noOps ? 0 : PerOpPart.trials(chosen, signatures, TfDevices.hasGpu() ? 2 : 1);
    RunPlan runPlan = RunPlan.of(chosen, tfConfigs.size(), trt ? trtConfigs.size() : 0, sweepConfig(),
        sweep ? sweepBatches() : List.of(), opTrials, profiles ? trtConfigs.size() : 0);
    if (!noTrt && !trt) {
      runPlan = runPlan.notRunning("TensorRT: " + reasons.forGpu(TensorRtAvailability.check()));
    }
    runPlan.lines().forEach(log::println);
    return signatures;
  }

  /**
   * The profile's op types at their heaviest signatures (how many: the profile's) in the profile's variants, on the CPU
   * and, when there is one, the GPU.
   */
  private void perOp(Profile chosen, RunFolder folder, SignatureTable signatures) throws Exception {
    List<String> devices = TfDevices.hasGpu() ? List.of("cpu", "gpu") : List.of("cpu");
    if (!TfDevices.hasGpu()) {
      skip("per-op device=gpu", reasons.forGpu(TfDevices.whyNoGpu()));
    }
    alsoRan.add("per-op on " + String.join(" and ", devices));
    PerOpPart.run(chosen, signatures, devices, folder, jvmArgs, log);
  }

  /**
   * Writes the report; a failure there (e.g. a JRE without the font libraries charts need) is told, not thrown, since
   * the measurements are already on disk and {@code report DIR} can redo it elsewhere.
   */
  private boolean report(RunFolder folder) {
    try {
      writeReport(folder);
      return true;
    } catch (java.io.IOException | RuntimeException | LinkageError e) {
      log.printf("REPORT FAILED: %s%nThe measurements are in %s; write the report with: report %s%n", e, folder.dir(),
          folder.dir());
      return false;
    }
  }

  private void writeReport(RunFolder folder) throws java.io.IOException {
    ReportWriter writer = new ReportWriter(false);
    List<Path> written = writer.write(folder);
    written.forEach(p -> log.printf("Wrote %s%n", p));
    chartsDrawn = writer.charts().available();
    if (!chartsDrawn) {
      log.println("CHARTS SKIPPED: " + writer.charts().whyNot() + ". Then: report " + folder.dir() + " --force");
    }
    PlotCopier.Copied copied = new PlotCopier(plots, false).copy(folder.dir(), written);
    copied.written().forEach(p -> log.printf("Copied chart to %s%n", p));
    copied.skipped().forEach(p -> log.printf("Kept existing %s (not overwritten)%n", p));
  }

  private int countMissing(List<String> expected, Profile chosen, Summary summary) {
    int missing = 0;
    for (String config : expected) {
      for (int batch : chosen.batches()) {
        boolean present = summary.rows().stream().anyMatch(r -> r.config().equals(config) && r.batch() == batch);
        if (!present) {
          missing++;
          log.printf("NO RESULT for %s at batch %d: its trial failed (see the JMH output above)%n", config, batch);
        }
      }
    }
    return missing;
  }
}
