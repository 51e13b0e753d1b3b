package org.ssdbench.ops;

import com.google.protobuf.ByteString;
import java.util.List;
import java.util.Map;
import org.tensorflow.proto.AttrValue;
import org.tensorflow.proto.DataType;
import org.tensorflow.proto.GraphDef;
import org.tensorflow.proto.NodeDef;

/**
 * Appends NodeDefs to a GraphDef, each with the same requested device (empty for none). Pure protobuf: nothing native.
 */
final class GraphDefWriter {
  private final GraphDef.Builder graph = GraphDef.newBuilder();

  /** Adds {@code Const} {@code name} holding {@code value} on {@code device}; returns its name. */
  String constant(String name, HostArray value, String device) {
    return node(name, "Const", List.of(), Map.of(
        "dtype", type(value.spec().dtype().proto()),
        "value", AttrValue.newBuilder().setTensor(value.toTensorProto()).build()), device);
  }

  /** Adds a {@code Placeholder} with no device: fed tensors come from the host and TF copies them where they are used. */
  String placeholder(String name, TensorSpec spec) {
    return node(name, "Placeholder", List.of(), Map.of(
        "dtype", type(spec.dtype().proto()),
        "shape", AttrValue.newBuilder().setShape(HostArray.shapeProto(spec.dims())).build()), "");
  }

  String node(String name, String op, List<String> inputs, Map<String, AttrValue> attrs, String device) {
    graph.addNode(NodeDef.newBuilder().setName(name).setOp(op).addAllInput(inputs).putAllAttr(attrs).setDevice(device));
    return name;
  }

  GraphDef build() {
    return graph.build();
  }

  static AttrValue type(DataType t) {
    return AttrValue.newBuilder().setType(t).build();
  }

  static AttrValue i(long v) {
    return AttrValue.newBuilder().setI(v).build();
  }

  static AttrValue b(boolean v) {
    return AttrValue.newBuilder().setB(v).build();
  }

  static AttrValue s(String v) {
    return AttrValue.newBuilder().setS(ByteString.copyFromUtf8(v)).build();
  }

  static AttrValue ints(long... v) {
    AttrValue.ListValue.Builder list = AttrValue.ListValue.newBuilder();
    for (long x : v) {
      list.addI(x);
    }
    return AttrValue.newBuilder().setList(list).build();
  }
}
