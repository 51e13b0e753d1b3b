package org.ssdbench.ops;

import java.util.List;
import java.util.Optional;
import org.tensorflow.proto.AttrValue;

/** What signature extraction knows about one node of the model: resolved shapes, attributes and constant inputs. */
public interface NodeFacts {
  String name();

  String opType();

  /** Every input, static shape completed by the traced run where it had unknown dimensions. */
  List<TensorSpec> inputs();

  List<TensorSpec> outputs();

  Optional<AttrValue> attr(String name);

  /** The integer values of input {@code i} if it is a constant (through Identity/Enter), else empty. */
  Optional<long[]> constInts(int i);

  /** The float values of input {@code i} if it is a constant (through Identity/Enter), else empty. */
  Optional<float[]> constFloats(int i);
}
