package org.ssdbench.bench;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.ssdbench.ops.OpsReport;
import org.ssdbench.ops.SignatureTable;
import org.ssdbench.results.RunFolder;

/**
 * The per-op part of a run: each op type the profile measures ({@link OpSuite}), at the signatures the benchmarked model
 * really feeds it, on each device and variant, the op and its no-op control; one JMH run per op type, since a
 * signature fits only its own op type; then {@code ops-report.csv}. The plan ({@link RunPlan}) counts its trials from
 * the same selection.
 */
public final class PerOpPart {
  /** An op type and what the model gives it to measure (empty where the model has none of it). */
  public record Planned(OpSuite op, Optional<OpSuite.Selection> selection) {}

  private PerOpPart() {}

  /** Each op type {@code chosen} measures, with the model's most costly signatures of it. */
  public static List<Planned> plan(Profile chosen, SignatureTable signatures) {
    return OpSuite.all().stream()
        .filter(op -> chosen.measuresOp(op.method()))
        .map(op -> new Planned(op, op.select(signatures, chosen.opSignatures())))
        .toList();
  }

  /** Trials: signatures x devices x variants x 2 (the op and its no-op control), over the op types. */
  public static int trials(Profile chosen, SignatureTable signatures, int devices) {
    int perSignature = devices * chosen.opVariants().size() * 2;
    return plan(chosen, signatures).stream()
        .mapToInt(p -> p.selection().map(s -> s.signatures().size()).orElse(0) * perSignature)
        .sum();
  }

  /** Runs the part into {@code folder}: {@code jmh-ops-<method>.json} per op type, then the per-op report. */
  public static void run(Profile chosen, SignatureTable signatures, List<String> devices, RunFolder folder,
      List<String> jvmArgs, PrintStream log) throws Exception {
    Profile ops = chosen.forOps();
    List<Planned> plan = plan(chosen, signatures);
    log.printf("Per-op: %d op types %s, %s, with the no-op control of each%n", plan.size(),
        plan.stream().map(p -> p.op().method()).toList(), String.join(" and ", ops.opVariants()));
    int i = 0;
    for (Planned p : plan) {
      i++;
      OpSuite op = p.op();
      if (p.selection().isEmpty()) {
        log.printf("[ops %d/%d] %s: the model has no %s to measure%n", i, plan.size(), op.method(), op.opType());
        continue;
      }
      OpSuite.Selection selection = p.selection().get();
      log.printf("[ops %d/%d] %s: %s %s on %s%n", i, plan.size(), op.method(), selection.opType(),
          selection.signatures(), devices);
      Map<String, List<String>> params = new LinkedHashMap<>();
      params.put("op", List.of(selection.opType()));
      params.put("device", devices);
      params.put("variant", ops.opVariants());
      params.put("signature", selection.signatures());
      JmhLauncher.run(op.include(), params, ops, folder.jmhJson("ops-" + op.method()), jvmArgs);
    }
    Path report = folder.opsReport();
    OpsReport.of(folder, signatures).writeCsv(report);
    log.printf("Wrote per-op report to %s%n", report);
  }
}
