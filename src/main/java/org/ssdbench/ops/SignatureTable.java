package org.ssdbench.ops;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The distinct signatures of the measured op types in one model, with occurrences per inference. Rows are grouped by op
 * kind (in {@link OpKind} order) and, within a kind, sorted by estimated cost, highest first.
 *
 * @param source what was analysed, e.g. {@code generated(seed=42,...)} or a file path
 * @param traced whether a traced run completed the shapes and counted executions (otherwise each node counts once)
 */
public record SignatureTable(String source, boolean traced, List<SignatureStat> rows) {
  public SignatureTable {
    Objects.requireNonNull(source, "source");
    List<SignatureStat> sorted = new ArrayList<>(rows);
    sorted.sort(Comparator.comparing((SignatureStat r) -> r.kind().ordinal())
        .thenComparing(Comparator.comparingDouble(SignatureStat::estimatedCost).reversed())
        .thenComparing(r -> r.signature().id()));
    rows = List.copyOf(sorted);
  }

  public List<SignatureStat> of(OpKind kind) {
    return rows.stream().filter(r -> r.kind() == kind).toList();
  }

  /** The {@code n} signatures of {@code kind} with the highest estimated cost that can be run alone. */
  public List<SignatureStat> top(OpKind kind, int n) {
    return of(kind).stream().filter(r -> r.signature().isRunnable()).limit(n).toList();
  }

  /** The top {@code n} of every kind the model has, kind by kind. */
  public List<SignatureStat> top(int n) {
    List<SignatureStat> out = new ArrayList<>();
    for (OpKind kind : OpKind.values()) {
      out.addAll(top(kind, n));
    }
    return out;
  }

  /** How many times ops of {@code kind} run in one inference. */
  public int occurrences(OpKind kind) {
    return of(kind).stream().mapToInt(SignatureStat::occurrences).sum();
  }

  /** Occurrences per kind, for the kinds present. */
  public Map<OpKind, Integer> occurrencesByKind() {
    Map<OpKind, Integer> out = new EnumMap<>(OpKind.class);
    for (SignatureStat r : rows) {
      out.merge(r.kind(), r.occurrences(), Integer::sum);
    }
    return out;
  }

  public Optional<SignatureStat> find(String signatureId) {
    return rows.stream().filter(r -> r.signature().id().equals(signatureId)).findFirst();
  }

  /** The share of {@code kind}'s estimated cost that {@code stat} carries, 0..1. */
  public double costShare(SignatureStat stat) {
    double total = of(stat.kind()).stream().mapToDouble(SignatureStat::estimatedCost).sum();
    return total == 0 ? 0 : stat.estimatedCost() / total;
  }
}
