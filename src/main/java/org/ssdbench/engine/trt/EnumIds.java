package org.ssdbench.engine.trt;

import java.util.Arrays;
import java.util.function.Function;
import java.util.stream.Collectors;

/** Looks up an enum constant by the id a configuration name, engine key or option spells it with. */
final class EnumIds {
  private EnumIds() {}

  /**
   * @param what what the id names, for the error: "input format", "NMS precision", ...
   * @throws IllegalArgumentException naming the id and every id there is
   */
  static <E extends Enum<E>> E parse(E[] values, Function<E, String> idOf, String id, String what) {
    for (E value : values) {
      if (idOf.apply(value).equals(id)) {
        return value;
      }
    }
    throw new IllegalArgumentException("Unknown %s '%s'; available: %s".formatted(what, id,
        Arrays.stream(values).map(idOf).collect(Collectors.joining(", "))));
  }
}
