package org.ssdbench.model;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.Map;
import org.tensorflow.proto.DataType;
import org.tensorflow.proto.GraphDef;
import org.tensorflow.proto.NodeDef;
import org.tensorflow.proto.TensorProto;

/**
 * Writes a GraphDef node by node with TF1's naming rules: a stack of name scopes, names made unique as TF does
 * ({@code Reshape}, {@code Reshape_1}, ...; scopes too), and the control-flow context rule that an op without data inputs
 * created inside a while body or a cond branch gets a control input from the context's pivot.
 *
 * <p>Not thread-safe; one builder makes one graph.
 */
final class GraphBuilder {
  private final GraphDef.Builder graph = GraphDef.newBuilder();
  private final Map<String, Integer> names = new HashMap<>();
  private final Deque<String> scopes = new ArrayDeque<>();
  private final Deque<String> pivots = new ArrayDeque<>();

  /** A name scope; close it to leave. */
  interface Scope extends AutoCloseable {
    /** The scope's full name, without a trailing slash. */
    String name();

    @Override
    void close();
  }

  /** Opens a name scope like {@code tf.name_scope(name)}: made unique among the current scope's names. */
  Scope scope(String name) {
    return enterScope(unique(prefixed(name)));
  }

  /** Opens exactly {@code fullName} as the scope (like re-entering a captured scope); the name is not made unique. */
  Scope scopeExactly(String fullName) {
    names.putIfAbsent(fullName, 1);
    return enterScope(fullName);
  }

  private Scope enterScope(String full) {
    scopes.push(full);
    return new Scope() {
      @Override
      public String name() {
        return full;
      }

      @Override
      public void close() {
        if (scopes.peek() != full) {
          throw new IllegalStateException("scope " + full + " closed out of order; innermost is " + scopes.peek());
        }
        scopes.pop();
      }
    };
  }

  /** The current scope with a trailing slash, or "" at the top. */
  String currentScope() {
    return scopes.isEmpty() ? "" : scopes.peek() + "/";
  }

  /**
   * Makes ops without data inputs depend on {@code pivot} until the returned handle is closed (a while body's
   * {@code Identity} or a cond branch's {@code switch_t}/{@code switch_f}).
   */
  Scope pivot(Ref pivot) {
    pivots.push(pivot.node());
    return new Scope() {
      @Override
      public String name() {
        return pivot.node();
      }

      @Override
      public void close() {
        pivots.pop();
      }
    };
  }

  /** Starts a node named {@code name} (made unique) in the current scope. */
  OpBuilder op(String type, String name) {
    return new OpBuilder(this, type, unique(prefixed(name)));
  }

  /** Starts a node with exactly this full name; fails if it is taken. */
  OpBuilder opExactly(String type, String fullName) {
    if (names.containsKey(fullName)) {
      throw new IllegalStateException("node name already used: " + fullName);
    }
    names.put(fullName, 1);
    return new OpBuilder(this, type, fullName);
  }

  /** Starts a node whose full name is already taken by a scope of the same name ({@code transpose} over {@code transpose/}). */
  OpBuilder opNamedAs(String type, Scope scope) {
    return new OpBuilder(this, type, scope.name());
  }

  void add(NodeDef.Builder node) {
    if (node.getInputCount() == 0 && !pivots.isEmpty()) {
      node.addInput("^" + pivots.peek());
    }
    graph.addNode(node);
  }

  GraphDef build() {
    return graph.build();
  }

  int nodeCount() {
    return graph.getNodeCount();
  }

  // ---- constants -------------------------------------------------------------------------------------------------

  Ref constant(String name, TensorProto value) {
    return op("Const", name).attr("dtype", value.getDtype()).attr("value", value).build(value.getDtype());
  }

  /** A Const with exactly this full name (helper constants under a reserved node name). */
  Ref constantAt(String fullName, TensorProto value) {
    return opExactly("Const", fullName).attr("dtype", value.getDtype()).attr("value", value).build(value.getDtype());
  }

  Ref scalarAt(String fullName, int value) {
    return constantAt(fullName, ConstTensors.ints(new int[] {value}));
  }

  Ref scalarAt(String fullName, float value) {
    return constantAt(fullName, ConstTensors.floats(new float[] {value}));
  }

  Ref vectorAt(String fullName, int... values) {
    return constantAt(fullName, ConstTensors.ints(values, values.length));
  }

  Ref floats(String name, float[] values, long... shape) {
    return constant(name, ConstTensors.floats(values, shape));
  }

  Ref ints(String name, int[] values, long... shape) {
    return constant(name, ConstTensors.ints(values, shape));
  }

  Ref scalar(String name, float value) {
    return constant(name, ConstTensors.floats(new float[] {value}));
  }

  Ref scalar(String name, int value) {
    return constant(name, ConstTensors.ints(new int[] {value}));
  }

  /** A rank-1 int32 constant. */
  Ref vector(String name, int... values) {
    return constant(name, ConstTensors.ints(values, values.length));
  }

  /** A rank-1 float constant. */
  Ref vector(String name, float... values) {
    return constant(name, ConstTensors.floats(values, values.length));
  }

  // ---- common ops ------------------------------------------------------------------------------------------------

  /** An op with inputs of one dtype {@code T} and one output of that dtype. */
  Ref same(String type, String name, Ref... inputs) {
    OpBuilder b = op(type, name);
    for (Ref in : inputs) {
      b.in(in);
    }
    return b.attr("T", inputs[0].dtype()).build(inputs[0].dtype());
  }

  /** {@code type(x, y)} with {@code y} a Const named {@code <name>/y}, T from {@code x}. */
  Ref withY(String type, String name, Ref x, TensorProto y) {
    OpBuilder.Reserved r = reserve(name);
    Ref c = constantAt(r.name() + "/y", y);
    return r.op(type).in(x).in(c).attr("T", x.dtype()).build(x.dtype());
  }

  Ref withY(String type, String name, Ref x, float y) {
    return withY(type, name, x, ConstTensors.floats(new float[] {y}));
  }

  Ref withY(String type, String name, Ref x, int y) {
    return withY(type, name, x, ConstTensors.ints(new int[] {y}));
  }

  /** {@code Greater(x, y)} with {@code y} a Const named {@code <name>/y}. */
  Ref greater(String name, Ref x, TensorProto y) {
    OpBuilder.Reserved r = reserve(name);
    Ref c = constantAt(r.name() + "/y", y);
    return r.op("Greater").in(x).in(c).attr("T", x.dtype()).build(DataType.DT_BOOL);
  }

  Ref greater(String name, Ref x, float y) {
    return greater(name, x, ConstTensors.floats(new float[] {y}));
  }

  Ref greater(String name, Ref x, int y) {
    return greater(name, x, ConstTensors.ints(new int[] {y}));
  }

  /** {@code Pack(values..., constants...)} with the constants named {@code <name>/<position>}. */
  Ref packWithConstants(String name, Ref first, int... constants) {
    OpBuilder.Reserved r = reserve(name);
    Ref[] rest = new Ref[constants.length];
    for (int i = 0; i < constants.length; i++) {
      rest[i] = scalarAt(r.name() + "/" + (i + 1), constants[i]);
    }
    OpBuilder op = r.op("Pack").in(first);
    for (Ref x : rest) {
      op.in(x);
    }
    return op.attr("T", first.dtype()).attr("N", 1 + constants.length).attr("axis", 0).build(first.dtype());
  }

  Ref identity(String name, Ref x) {
    return same("Identity", name, x);
  }

  Ref cast(String name, Ref x, DataType to) {
    return op("Cast", name).in(x).attr("SrcT", x.dtype()).attr("DstT", to).attr("Truncate", false).build(to);
  }

  Ref reshape(String name, Ref x, Ref shape) {
    return op("Reshape", name).in(x).in(shape).attr("T", x.dtype()).attr("Tshape", shape.dtype()).build(x.dtype());
  }

  /** {@code Reshape} with a constant {@code <name>/shape}. */
  Ref reshape(String name, Ref x, int... shape) {
    OpBuilder.Reserved r = reserve(name);
    Ref s = constantAt(r.name() + "/shape", ConstTensors.ints(shape, shape.length));
    return r.op("Reshape").in(x).in(s).attr("T", x.dtype()).attr("Tshape", DataType.DT_INT32).build(x.dtype());
  }

  Ref shape(String name, Ref x) {
    return op("Shape", name).in(x).attr("T", x.dtype()).attr("out_type", DataType.DT_INT32).build(DataType.DT_INT32);
  }

  Ref expandDims(String name, Ref x, int dim) {
    OpBuilder.Reserved r = reserve(name);
    Ref d = scalarAt(r.name() + "/dim", dim);
    return r.op("ExpandDims").in(x).in(d).attr("T", x.dtype()).attr("Tdim", DataType.DT_INT32).build(x.dtype());
  }

  Ref squeeze(String name, Ref x, int... dims) {
    return op("Squeeze", name).in(x).attr("T", x.dtype()).attrInts("squeeze_dims", dims).build(x.dtype());
  }

  Ref concat(String name, int axis, Ref... values) {
    OpBuilder.Reserved r = reserve(name);
    Ref a = scalarAt(r.name() + "/axis", axis);
    OpBuilder b = r.op("ConcatV2");
    for (Ref v : values) {
      b.in(v);
    }
    return b.in(a).attr("T", values[0].dtype()).attr("N", values.length).attr("Tidx", DataType.DT_INT32)
        .build(values[0].dtype());
  }

  Ref pack(String name, int axis, Ref... values) {
    OpBuilder b = op("Pack", name);
    for (Ref v : values) {
      b.in(v);
    }
    return b.attr("T", values[0].dtype()).attr("N", values.length).attr("axis", axis).build(values[0].dtype());
  }

  Ref[] unpack(String name, Ref x, int num, int axis) {
    return op("Unpack", name).in(x).attr("T", x.dtype()).attr("num", num).attr("axis", axis).buildAll(num, x.dtype());
  }

  Ref[] split(String name, Ref x, int num, int axis) {
    OpBuilder.Reserved r = reserve(name);
    Ref a = scalarAt(r.name() + "/split_dim", axis);
    return r.op("Split").in(a).in(x).attr("T", x.dtype()).attr("num_split", num).buildAll(num, x.dtype());
  }

  /** {@code GatherV2} on axis 0 with a constant {@code <name>/axis}. */
  Ref gather(String name, Ref params, Ref indices) {
    OpBuilder.Reserved r = reserve(name);
    Ref axis = scalarAt(r.name() + "/axis", 0);
    return r.op("GatherV2").in(params).in(indices).in(axis)
        .attr("Tparams", params.dtype()).attr("Tindices", indices.dtype()).attr("Taxis", DataType.DT_INT32)
        .attr("batch_dims", 0).build(params.dtype());
  }

  Ref slice(String name, Ref x, Ref begin, Ref size) {
    return op("Slice", name).in(x).in(begin).in(size).attr("T", x.dtype()).attr("Index", begin.dtype())
        .build(x.dtype());
  }

  /** {@code x[index]} on a rank-1 tensor: StridedSlice with constant {@code stack}, {@code stack_1}, {@code stack_2}. */
  Ref element(String name, Ref x, int index) {
    OpBuilder.Reserved r = reserve(name);
    Ref begin = vectorAt(r.name() + "/stack", index);
    Ref end = vectorAt(r.name() + "/stack_1", index + 1);
    Ref strides = vectorAt(r.name() + "/stack_2", 1);
    return r.op("StridedSlice").in(x).in(begin).in(end).in(strides)
        .attr("T", x.dtype()).attr("Index", DataType.DT_INT32)
        .attr("begin_mask", 0).attr("end_mask", 0).attr("ellipsis_mask", 0).attr("new_axis_mask", 0)
        .attr("shrink_axis_mask", 1).build(x.dtype());
  }

  Ref range(String name, Ref start, Ref limit, Ref delta) {
    return op("Range", name).in(start).in(limit).in(delta).attr("Tidx", limit.dtype()).build(limit.dtype());
  }

  /** Reserves a unique name in the current scope for a node whose helper constants live under it. */
  OpBuilder.Reserved reserve(String name) {
    return new OpBuilder.Reserved(this, unique(prefixed(name)));
  }

  // ---- naming ----------------------------------------------------------------------------------------------------

  private String prefixed(String name) {
    return currentScope() + name;
  }

  /** TF's {@code Graph.unique_name}: {@code x}, then {@code x_1}, {@code x_2}, ... skipping names in use. */
  String unique(String full) {
    Integer next = names.get(full);
    if (next == null) {
      names.put(full, 1);
      return full;
    }
    int i = next;
    String candidate = full + "_" + i;
    while (names.containsKey(candidate)) {
      i++;
      candidate = full + "_" + i;
    }
    names.put(full, i + 1);
    names.put(candidate, 1);
    return candidate;
  }
}
