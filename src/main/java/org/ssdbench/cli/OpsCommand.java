package org.ssdbench.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import org.ssdbench.engine.tf.TfDevices;
import org.ssdbench.model.GeneratorOptions;
import org.ssdbench.model.LoadedModel;
import org.ssdbench.model.ModelLoader;
import org.ssdbench.ops.DefaultSignatures;
import org.ssdbench.ops.ModelGraphs;
import org.ssdbench.ops.OpKind;
import org.ssdbench.ops.OpsReport;
import org.ssdbench.ops.SignatureStat;
import org.ssdbench.ops.SignatureTable;
import org.ssdbench.results.Environment;
import org.ssdbench.results.EnvironmentFile;
import org.ssdbench.results.RunFolder;
import org.ssdbench.results.trace.OpTable;
import org.ssdbench.results.trace.TraceTables;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * Per-op work: the model's signature table, the JMH params for this machine's devices, and the per-op report of a run.
 *
 * <pre>
 *   ops --signatures [--model PATH] [--score-threshold 1e-8] [--top 3 | --all]
 *   ops --jmh-params
 *   ops --report RUNDIR [--model PATH] [--score-threshold T]   (default: the model the run's env.json names)
 *   ops --retrace RUNDIR
 * </pre>
 */
@Command(
    name = "ops",
    mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
    description = "Per-op CPU vs GPU: list the model's op signatures, print OpBenchmark's JMH params, write ops-report.csv.")
final class OpsCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  static final class Action {
    @Option(names = "--signatures", required = true,
        description = "Print the measured op types' signatures in the model: op type, occurrences per inference, input types, signature id.")
    boolean signatures;

    @Option(names = "--report", required = true, paramLabel = "RUNDIR",
        description = "Write RUNDIR/ops-report.csv from RUNDIR's OpBenchmark JMH JSON (jmh-*.json) and traces/*.ops.csv,"
            + " counting signatures in the model the run timed (its env.json), unless --model says otherwise.")
    Path report;

    @Option(names = "--retrace", required = true, paramLabel = "RUNDIR",
        description = "Rebuild RUNDIR/traces/<config>.ops.csv and traces/copies.csv from RUNDIR's traces/*.trace.json, "
            + "each op type read from its event's label (for a run traced by a suite that missed the op in labels "
            + "prefixed with an allocator, e.g. [mklcpu 2.8MB 2.8MB]).")
    Path retrace;

    @Option(names = "--jmh-params", required = true,
        description = "Print the JMH -p options that select the devices this machine has (device=cpu,gpu or device=cpu).")
    boolean jmhParams;
  }

  @ArgGroup(exclusive = true, multiplicity = "1")
  Action action;

  @Option(names = "--model", paramLabel = "PATH",
      description = "A frozen GraphDef (frozen_inference_graph.pb); default: the generated model.")
  Path model;

  @Option(names = "--score-threshold",
      description = "NMS score threshold of the generated model (default for --signatures: 1e-8, the worst case the"
          + " default signatures come from; for --report: the run's).")
  Float scoreThreshold;

  @Option(names = "--top", defaultValue = "" + DefaultSignatures.TOP,
      description = "Signatures per op type to list with --signatures (default ${DEFAULT-VALUE}).")
  int top;

  @Option(names = "--all", description = "List every signature with --signatures, not only the top ones.")
  boolean all;

  @Override
  public Integer call() throws IOException, BadInputException {
    PrintWriter out = spec.commandLine().getOut();
    if (action.jmhParams) {
      out.println(jmhParams(TfDevices.hasGpu()));
      if (!TfDevices.hasGpu()) {
        spec.commandLine().getErr().println("# no GPU: " + TfDevices.whyNoGpu());
      }
    } else if (action.signatures) {
      printSignatures(table(), out);
    } else if (action.retrace != null) {
      RunFolder run = new RunFolder(action.retrace);
      for (OpTable t : TraceTables.rewrite(run)) {
        out.printf("Wrote %s (%d op types)%n", run.opTable(t.config()), t.rows().size());
      }
      out.println("Wrote " + run.copies());
    } else {
      out.println("Wrote per-op report to " + writeReport(action.report));
    }
    out.flush();
    return 0;
  }

  /** {@code -p device=cpu,gpu} with a GPU, {@code -p device=cpu} without. */
  static String jmhParams(boolean hasGpu) {
    return hasGpu ? "-p device=cpu,gpu" : "-p device=cpu";
  }

  private SignatureTable table() {
    if (model != null) {
      return ModelGraphs.signatures(ModelGraphs.load(model), model.toString());
    }
    float t = scoreThreshold != null ? scoreThreshold : GeneratorOptions.WORST_CASE_SCORE_THRESHOLD;
    return ModelGraphs.signatures(ModelGraphs.generated(t), ModelGraphs.describeGenerated(t));
  }

  /**
   * The signature table of the model {@code run} timed: occurrences per inference depend on the model, and with the
   * generated one on its score threshold (an op on the detections kept runs on empty tensors at 0.3 and on 100 boxes at
   * 1e-8), so counting another model's would charge the run's per-op times to the wrong calls. The model is the run's
   * env.json's: the generated one rebuilt at its threshold, or its file; {@code --model} and {@code --score-threshold}
   * may only name the same one.
   */
  private SignatureTable reportTable(RunFolder run, PrintWriter err) throws IOException, BadInputException {
    if (!Files.isRegularFile(run.env())) {
      SignatureTable table = table();
      err.println("WARNING: " + run.dir() + " has no " + run.env().getFileName() + " to say which model it timed;"
          + " counting signatures in " + table.source());
      return table;
    }
    Environment env = EnvironmentFile.read(run.env());
    String timed = env.modelSource();
    LoadedModel chosen;
    if (model != null) {
      chosen = ModelLoader.load(model);
    } else {
      Optional<Float> threshold = ModelGraphs.generatedThreshold(timed);
      if (threshold.isPresent()) {
        if (scoreThreshold != null && scoreThreshold.floatValue() != threshold.get()) {
          throw new ParameterException(spec.commandLine(), "--score-threshold " + scoreThreshold + " contradicts "
              + run.env() + ": the run timed " + timed + "; leave the option out");
        }
        chosen = ModelGraphs.generatedModel(threshold.get());
      } else if (!timed.startsWith("generated(") && Files.isRegularFile(Path.of(timed))) {
        chosen = ModelLoader.load(Path.of(timed));
      } else {
        throw new BadInputException(run.env(), "the run timed " + timed + ", which ops --report cannot rebuild here;"
            + " pass --model PATH with that graph (model --write FILE writes a generated one)");
      }
    }
    if (env.modelSha256() != null && !env.modelSha256().isBlank() && !env.modelSha256().equals(chosen.sha256())) {
      if (model != null) {
        throw new BadInputException(model, "is not the model " + run.dir() + " timed (SHA-256 " + chosen.sha256()
            + ", the run's " + env.modelSha256() + " in " + run.env() + ")");
      }
      err.println("WARNING: " + chosen.source() + " as this version generates it differs from the graph the run timed"
          + " (SHA-256 " + chosen.sha256() + ", the run's " + env.modelSha256() + "): occurrences may differ");
    }
    return ModelGraphs.signatures(chosen.graphDef(), chosen.source());
  }

  private void printSignatures(SignatureTable table, PrintWriter out) {
    out.printf("# %s, %s%n", table.source(), table.traced() ? "shapes and counts from one traced CPU run" : "static shapes");
    out.printf("%-22s %11s %8s  %-14s %s%n", "op_type", "occurrences", "share", "dtypes", "signature");
    for (OpKind kind : OpKind.values()) {
      List<SignatureStat> rows = all ? table.of(kind) : table.top(kind, top);
      for (SignatureStat r : rows) {
        String dtypes = r.signature().inputs().stream().map(t -> t.dtype().token()).distinct().collect(Collectors.joining(","));
        out.printf(Locale.ROOT, "%-22s %11d %7.1f%%  %-14s %s%n", kind.opType(), r.occurrences(), 100 * table.costShare(r),
            dtypes, r.signature().id());
      }
    }
    out.println("# share: of the op type's estimated cost (occurrences x cost of one call)");
  }

  private Path writeReport(Path dir) throws IOException, BadInputException {
    RunFolder run = new RunFolder(dir);
    OpsReport report = OpsReport.of(run, reportTable(run, spec.commandLine().getErr()));
    Path file = run.opsReport();
    report.writeCsv(file);
    return file;
  }

}
