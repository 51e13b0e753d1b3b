package org.ssdbench.bench;

import java.lang.reflect.Method;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.Param;
import org.ssdbench.ops.OpKind;
import org.ssdbench.ops.SignatureTable;

/**
 * One method of {@link OpBenchmark} with its default signatures, most costly first, as read off the method's state class
 * (its {@code signature} {@code @Param}), so a short run can measure each op type's heaviest signatures alone: one JMH
 * invocation per method, because a {@code signature} value only fits its own op type.
 */
public record OpSuite(String method, List<String> signatures) {
  public OpSuite {
    signatures = List.copyOf(signatures);
  }

  /** Every {@code @Benchmark} method of OpBenchmark, in source order of their state classes' declaration. */
  public static List<OpSuite> all() {
    return Arrays.stream(OpBenchmark.class.getMethods())
        .filter(m -> m.isAnnotationPresent(Benchmark.class))
        .sorted(Comparator.comparing(OpSuite::stateOrder))
        .map(m -> new OpSuite(m.getName(), defaultSignatures(m)))
        .toList();
  }

  private static int stateOrder(Method m) {
    return Arrays.asList(OpBenchmark.class.getDeclaredClasses()).indexOf(m.getParameterTypes()[0]);
  }

  private static List<String> defaultSignatures(Method benchmark) {
    try {
      return List.of(benchmark.getParameterTypes()[0].getField("signature").getAnnotation(Param.class).value());
    } catch (NoSuchFieldException e) {
      throw new IllegalStateException("OpBenchmark." + benchmark.getName() + "'s state has no signature param", e);
    }
  }

  /** The op type this method measures by default, from its state class's {@code op} param. */
  public String opType() {
    return paramOf(method, "op").get(0);
  }

  /**
   * What to measure of {@code model}'s own signatures: the op type and this method's {@code n} most costly signatures in
   * that model; empty when the model has none of them. The NonMaxSuppression method takes whichever version (V2 to V5)
   * the model has, through its {@code op} param.
   */
  public java.util.Optional<Selection> select(SignatureTable model, int n) {
    List<OpKind> kinds = OpKind.byOpType(opType()).opType().startsWith("NonMaxSuppression")
        ? Arrays.stream(OpKind.values()).filter(k -> k.opType().startsWith("NonMaxSuppression")).toList()
        : List.of(OpKind.byOpType(opType()));
    for (OpKind kind : kinds) {
      List<String> ids = model.top(kind, n).stream().map(s -> s.signature().id()).toList();
      if (!ids.isEmpty()) {
        return java.util.Optional.of(new Selection(kind.opType(), ids));
      }
    }
    return java.util.Optional.empty();
  }

  /** An op type and the signature ids to measure it at. */
  public record Selection(String opType, List<String> signatures) {}

  private static List<String> paramOf(String method, String field) {
    try {
      Method m = Arrays.stream(OpBenchmark.class.getMethods()).filter(x -> x.getName().equals(method)).findFirst()
          .orElseThrow(() -> new IllegalArgumentException("OpBenchmark has no method " + method));
      return List.of(m.getParameterTypes()[0].getField(field).getAnnotation(Param.class).value());
    } catch (NoSuchFieldException e) {
      throw new IllegalStateException("OpBenchmark." + method + "'s state has no " + field + " param", e);
    }
  }

  /** The JMH include pattern of this op's benchmark method. */
  public String include() {
    return java.util.regex.Pattern.quote(OpBenchmark.class.getName() + "." + method) + "$";
  }

  /** The first {@code n} default signatures (all of them when n exceeds their number). */
  public List<String> topSignatures(int n) {
    return signatures.subList(0, Math.min(n, signatures.size()));
  }
}
