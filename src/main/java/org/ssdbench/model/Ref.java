package org.ssdbench.model;

import java.util.Objects;
import org.tensorflow.proto.DataType;

/**
 * One output of a node in a GraphDef under construction: {@code name} is {@code node} for output 0 and {@code node:i}
 * otherwise, as NodeDef inputs spell it.
 */
record Ref(String name, DataType dtype) {
  Ref {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(dtype, "dtype");
  }

  /** The node's name without the output index. */
  String node() {
    int colon = name.indexOf(':');
    return colon < 0 ? name : name.substring(0, colon);
  }

  /** The control-input spelling {@code ^node}. */
  String control() {
    return "^" + node();
  }
}
