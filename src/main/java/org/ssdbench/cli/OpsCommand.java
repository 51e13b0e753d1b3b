package org.ssdbench.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import org.ssdbench.engine.tf.TfDevices;
import org.ssdbench.ops.DefaultSignatures;
import org.ssdbench.ops.ModelGraphs;
import org.ssdbench.ops.OpKind;
import org.ssdbench.ops.OpsReport;
import org.ssdbench.ops.SignatureStat;
import org.ssdbench.ops.SignatureTable;
import org.ssdbench.results.RunFolder;
import org.ssdbench.results.trace.OpTable;
import org.ssdbench.results.trace.TraceTables;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * Per-op work: the model's signature table, the JMH params for this machine's devices, and the per-op report of a run.
 *
 * <pre>
 *   ops --signatures [--model PATH] [--score-threshold 1e-8] [--top 3 | --all]
 *   ops --jmh-params
 *   ops --report RUNDIR [--model PATH] [--score-threshold 1e-8]
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
        description = "Write RUNDIR/ops-report.csv from RUNDIR's OpBenchmark JMH JSON (jmh-*.json) and traces/*.ops.csv.")
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

  @Option(names = "--score-threshold", defaultValue = "1e-8",
      description = "NMS score threshold of the generated model (default ${DEFAULT-VALUE}, the worst case the default signatures come from).")
  float scoreThreshold;

  @Option(names = "--top", defaultValue = "" + DefaultSignatures.TOP,
      description = "Signatures per op type to list with --signatures (default ${DEFAULT-VALUE}).")
  int top;

  @Option(names = "--all", description = "List every signature with --signatures, not only the top ones.")
  boolean all;

  @Override
  public Integer call() throws IOException {
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
    return ModelGraphs.signatures(ModelGraphs.generated(scoreThreshold), ModelGraphs.describeGenerated(scoreThreshold));
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

  private Path writeReport(Path dir) throws IOException {
    RunFolder run = new RunFolder(dir);
    OpsReport report = OpsReport.of(run, table());
    Path file = run.opsReport();
    report.writeCsv(file);
    return file;
  }

}
