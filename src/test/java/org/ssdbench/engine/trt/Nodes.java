package org.ssdbench.engine.trt;

import com.google.protobuf.ByteString;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.List;
import org.tensorflow.proto.AttrValue;
import org.tensorflow.proto.DataType;
import org.tensorflow.proto.GraphDef;
import org.tensorflow.proto.NodeDef;
import org.tensorflow.proto.TensorProto;
import org.tensorflow.proto.TensorShapeProto;

/** A tiny GraphDef writer for tests: NodeDefs with the attributes TF needs, named exactly as given. */
final class Nodes {
  private final GraphDef.Builder graph = GraphDef.newBuilder();

  GraphDef build() {
    return graph.build();
  }

  String add(String name, String op, List<String> inputs, Object... attrs) {
    NodeDef.Builder n = NodeDef.newBuilder().setName(name).setOp(op).addAllInput(inputs);
    for (int i = 0; i < attrs.length; i += 2) {
      n.putAttr((String) attrs[i], attr(attrs[i + 1]));
    }
    graph.addNode(n);
    return name;
  }

  /** Float op with attr T. */
  String f(String name, String op, String... inputs) {
    return add(name, op, List.of(inputs), "T", DataType.DT_FLOAT);
  }

  String constant(String name, long[] shape, float[] values) {
    ByteBuffer b = ByteBuffer.allocate(values.length * 4).order(ByteOrder.LITTLE_ENDIAN);
    b.asFloatBuffer().put(values);
    TensorProto t = TensorProto.newBuilder().setDtype(DataType.DT_FLOAT).setTensorShape(shape(shape))
        .setTensorContent(ByteString.copyFrom(b.array())).build();
    return add(name, "Const", List.of(), "dtype", DataType.DT_FLOAT, "value", t);
  }

  String scalar(String name, float v) {
    TensorProto t = TensorProto.newBuilder().setDtype(DataType.DT_FLOAT).setTensorShape(shape(new long[0]))
        .addFloatVal(v).build();
    return add(name, "Const", List.of(), "dtype", DataType.DT_FLOAT, "value", t);
  }

  String ints(String name, long[] shape, int... values) {
    ByteBuffer b = ByteBuffer.allocate(values.length * 4).order(ByteOrder.LITTLE_ENDIAN);
    b.asIntBuffer().put(values);
    TensorProto t = TensorProto.newBuilder().setDtype(DataType.DT_INT32).setTensorShape(shape(shape))
        .setTensorContent(ByteString.copyFrom(b.array())).build();
    return add(name, "Const", List.of(), "dtype", DataType.DT_INT32, "value", t);
  }

  String intScalar(String name, int v) {
    TensorProto t = TensorProto.newBuilder().setDtype(DataType.DT_INT32).setTensorShape(shape(new long[0]))
        .addIntVal(v).build();
    return add(name, "Const", List.of(), "dtype", DataType.DT_INT32, "value", t);
  }

  static TensorShapeProto shape(long[] dims) {
    TensorShapeProto.Builder s = TensorShapeProto.newBuilder();
    for (long d : dims) {
      s.addDim(TensorShapeProto.Dim.newBuilder().setSize(d));
    }
    return s.build();
  }

  private static AttrValue attr(Object v) {
    if (v instanceof DataType t) {
      return AttrValue.newBuilder().setType(t).build();
    }
    if (v instanceof TensorProto t) {
      return AttrValue.newBuilder().setTensor(t).build();
    }
    if (v instanceof TensorShapeProto s) {
      return AttrValue.newBuilder().setShape(s).build();
    }
    if (v instanceof String s) {
      return AttrValue.newBuilder().setS(ByteString.copyFromUtf8(s)).build();
    }
    if (v instanceof Integer i) {
      return AttrValue.newBuilder().setI(i).build();
    }
    if (v instanceof Float f) {
      return AttrValue.newBuilder().setF(f).build();
    }
    if (v instanceof long[] list) {
      AttrValue.ListValue.Builder l = AttrValue.ListValue.newBuilder();
      for (long x : list) {
        l.addI(x);
      }
      return AttrValue.newBuilder().setList(l).build();
    }
    throw new IllegalArgumentException("unsupported attr value " + v);
  }
}
