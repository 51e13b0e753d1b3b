package org.ssdbench.model;

import java.util.List;
import org.tensorflow.proto.AttrValue;
import org.tensorflow.proto.DataType;
import org.tensorflow.proto.NodeDef;
import org.tensorflow.proto.TensorProto;
import org.tensorflow.proto.TensorShapeProto;

/** One NodeDef being filled in: inputs, control inputs and typed attributes. Finish with {@link #build(DataType)}. */
final class OpBuilder {
  private final GraphBuilder graph;
  private final NodeDef.Builder node;

  OpBuilder(GraphBuilder graph, String type, String fullName) {
    this.graph = graph;
    this.node = NodeDef.newBuilder().setOp(type).setName(fullName);
  }

  /** A node name taken before its helper constants are made, so they can live under it ({@code Reshape/shape}). */
  record Reserved(GraphBuilder graph, String name) {
    OpBuilder op(String type) {
      return new OpBuilder(graph, type, name);
    }
  }

  String name() {
    return node.getName();
  }

  OpBuilder in(Ref input) {
    node.addInput(input.name());
    return this;
  }

  OpBuilder control(Ref dependency) {
    node.addInput(dependency.control());
    return this;
  }

  OpBuilder attr(String key, DataType type) {
    return put(key, AttrValue.newBuilder().setType(type).build());
  }

  OpBuilder attr(String key, long value) {
    return put(key, AttrValue.newBuilder().setI(value).build());
  }

  OpBuilder attr(String key, float value) {
    return put(key, AttrValue.newBuilder().setF(value).build());
  }

  OpBuilder attr(String key, boolean value) {
    return put(key, AttrValue.newBuilder().setB(value).build());
  }

  OpBuilder attr(String key, String value) {
    return put(key, AttrValue.newBuilder().setS(com.google.protobuf.ByteString.copyFromUtf8(value)).build());
  }

  OpBuilder attr(String key, TensorProto value) {
    return put(key, AttrValue.newBuilder().setTensor(value).build());
  }

  OpBuilder attr(String key, TensorShapeProto value) {
    return put(key, AttrValue.newBuilder().setShape(value).build());
  }

  OpBuilder attrInts(String key, int... values) {
    AttrValue.ListValue.Builder list = AttrValue.ListValue.newBuilder();
    for (int v : values) {
      list.addI(v);
    }
    return put(key, AttrValue.newBuilder().setList(list).build());
  }

  OpBuilder attrTypes(String key, List<DataType> types) {
    AttrValue.ListValue.Builder list = AttrValue.ListValue.newBuilder();
    types.forEach(list::addType);
    return put(key, AttrValue.newBuilder().setList(list).build());
  }

  private OpBuilder put(String key, AttrValue value) {
    node.putAttr(key, value);
    return this;
  }

  /** Adds the node; returns its output 0. */
  Ref build(DataType dtype) {
    graph.add(node);
    return new Ref(node.getName(), dtype);
  }

  /** Adds the node; returns outputs 0..n-1, all of {@code dtype}. */
  Ref[] buildAll(int n, DataType dtype) {
    graph.add(node);
    Ref[] outs = new Ref[n];
    for (int i = 0; i < n; i++) {
      outs[i] = new Ref(i == 0 ? node.getName() : node.getName() + ":" + i, dtype);
    }
    return outs;
  }

  /** Adds the node; returns outputs with the given dtypes in order. */
  Ref[] buildTyped(DataType... dtypes) {
    graph.add(node);
    Ref[] outs = new Ref[dtypes.length];
    for (int i = 0; i < dtypes.length; i++) {
      outs[i] = new Ref(i == 0 ? node.getName() : node.getName() + ":" + i, dtypes[i]);
    }
    return outs;
  }
}
