package org.ssdbench.bench;

import java.lang.reflect.Method;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.Param;

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

  /** The JMH include pattern of this op's benchmark method. */
  public String include() {
    return java.util.regex.Pattern.quote(OpBenchmark.class.getName() + "." + method) + "$";
  }

  /** The first {@code n} default signatures (all of them when n exceeds their number). */
  public List<String> topSignatures(int n) {
    return signatures.subList(0, Math.min(n, signatures.size()));
  }
}
