package org.ssdbench.model;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import org.tensorflow.proto.DataType;
import org.tensorflow.proto.TensorShapeProto;

/**
 * {@code tf.map_fn} as TF1 emits it: the inputs are unstacked into TensorArrays ({@code TensorArrayScatterV3}), a while
 * loop reads element {@code i} of each ({@code TensorArrayReadV3}), runs the body, writes each result
 * ({@code TensorArrayWriteV3}), and the results are stacked back ({@code TensorArraySizeV3}, {@code Range},
 * {@code TensorArrayGatherV3}).
 */
final class MapFn {
  private MapFn() {}

  /** One output of the body: its dtype and the static shape of one element. */
  record Output(DataType dtype, TensorShapeProto elementShape) {}

  /**
   * Emits {@code map} in the current scope over the first dimension of {@code elems}. {@code body} gets one element of
   * each input (inside the loop) and returns one tensor per entry of {@code outputs}.
   */
  static Ref[] emit(GraphBuilder b, List<Ref> elems, List<Output> outputs, int parallelIterations,
      Function<Ref[], Ref[]> body) {
    try (GraphBuilder.Scope map = b.scope("map")) {
      Ref shape = b.shape("Shape", elems.get(0));
      Ref n = b.element("strided_slice", shape, 0);
      List<Ref[]> inputArrays = new ArrayList<>();
      for (Ref elem : elems) {
        inputArrays.add(tensorArray(b, n, elem.dtype(), ConstTensors.unknownRank()));
      }
      List<Ref> scattered = new ArrayList<>();
      for (int i = 0; i < elems.size(); i++) {
        Ref elem = elems.get(i);
        try (GraphBuilder.Scope unstack = b.scope("TensorArrayUnstack")) {
          Ref s = b.shape("Shape", elem);
          Ref count = b.element("strided_slice", s, 0);
          Ref range = b.range("range", b.scalar("range/start", 0), count, b.scalar("range/delta", 1));
          Ref[] ta = inputArrays.get(i);
          try (GraphBuilder.Scope scatter = b.scope("TensorArrayScatter")) {
            scattered.add(b.op("TensorArrayScatterV3", "TensorArrayScatterV3")
                .in(ta[0]).in(range).in(elem).in(ta[1]).attr("T", elem.dtype()).build(DataType.DT_FLOAT));
          }
        }
      }
      Ref start = b.scalar("Const", 0);
      List<Ref[]> outputArrays = new ArrayList<>();
      for (Output out : outputs) {
        outputArrays.add(tensorArray(b, n, out.dtype(), out.elementShape()));
      }
      Ref[] initial = new Ref[1 + outputs.size()];
      initial[0] = start;
      for (int k = 0; k < outputs.size(); k++) {
        initial[k + 1] = outputArrays.get(k)[1];
      }
      WhileLoop loop = WhileLoop.open(b, "while", parallelIterations, initial);
      Ref[] merges = loop.merges();
      Ref less = b.op("Less", "Less").in(merges[0]).in(loop.constant("Less/Enter", n))
          .attr("T", DataType.DT_INT32).build(DataType.DT_BOOL);
      loop.condition(less);
      Ref[] vars = loop.body();
      Ref i = vars[0];
      Ref[] items = new Ref[elems.size()];
      for (int e = 0; e < elems.size(); e++) {
        OpBuilder.Reserved read = b.reserve("TensorArrayReadV3");
        Ref handle = loop.constant(read.name().substring(b.currentScope().length()) + "/Enter", inputArrays.get(e)[0]);
        Ref flow = loop.constant(read.name().substring(b.currentScope().length()) + "/Enter_1", scattered.get(e));
        items[e] = read.op("TensorArrayReadV3").in(handle).in(i).in(flow).attr("dtype", elems.get(e).dtype())
            .build(elems.get(e).dtype());
      }
      Ref[] results = body.apply(items);
      Ref[] next = new Ref[initial.length];
      for (int k = 0; k < outputs.size(); k++) {
        try (GraphBuilder.Scope write = b.scope("TensorArrayWrite")) {
          Ref handle = loop.constant("TensorArrayWriteV3/Enter", outputArrays.get(k)[0]);
          next[k + 1] = b.op("TensorArrayWriteV3", "TensorArrayWriteV3")
              .in(handle).in(i).in(results[k]).in(vars[k + 1]).attr("T", results[k].dtype())
              .build(DataType.DT_FLOAT);
        }
      }
      next[0] = b.same("Add", "add", i, b.scalar("add/y", 1));
      Ref[] exits = loop.close(next);
      Ref[] stacked = new Ref[outputs.size()];
      for (int k = 0; k < outputs.size(); k++) {
        try (GraphBuilder.Scope stack = b.scope("TensorArrayStack")) {
          Ref handle = outputArrays.get(k)[0];
          Ref size = b.op("TensorArraySizeV3", "TensorArraySizeV3").in(handle).in(exits[k + 1])
              .build(DataType.DT_INT32);
          Ref range = b.range("range", b.scalar("range/start", 0), size, b.scalar("range/delta", 1));
          stacked[k] = b.op("TensorArrayGatherV3", "TensorArrayGatherV3").in(handle).in(range).in(exits[k + 1])
              .attr("dtype", outputs.get(k).dtype()).attr("element_shape", outputs.get(k).elementShape())
              .build(outputs.get(k).dtype());
        }
      }
      return stacked;
    }
  }

  /**
   * {@code shape_utils.static_or_dynamic_map_fn} with a static first dimension {@code n}, as exports after 2019 emit it for
   * a fixed batch: each input is unstacked ({@code unstack}), {@code body} runs once per element (its scopes numbered
   * {@code _1}, {@code _2}, ...) and each result is stacked back ({@code stack}). No loop, no TensorArrays.
   */
  static Ref[] unrolled(GraphBuilder b, List<Ref> elems, int n, int outputs, Function<Ref[], Ref[]> body) {
    List<Ref[]> parts = new ArrayList<>();
    for (Ref elem : elems) {
      parts.add(b.unpack("unstack", elem, n, 0));
    }
    Ref[][] results = new Ref[n][];
    for (int i = 0; i < n; i++) {
      Ref[] items = new Ref[elems.size()];
      for (int e = 0; e < elems.size(); e++) {
        items[e] = parts.get(e)[i];
      }
      results[i] = body.apply(items);
    }
    Ref[] stacked = new Ref[outputs];
    for (int k = 0; k < outputs; k++) {
      Ref[] column = new Ref[n];
      for (int i = 0; i < n; i++) {
        column[i] = results[i][k];
      }
      stacked[k] = b.pack("stack", 0, column);
    }
    return stacked;
  }

  private static Ref[] tensorArray(GraphBuilder b, Ref size, DataType dtype, TensorShapeProto elementShape) {
    return b.op("TensorArrayV3", "TensorArray").in(size)
        .attr("dtype", dtype).attr("element_shape", elementShape).attr("dynamic_size", false)
        .attr("clear_after_read", true).attr("identical_element_shapes", true).attr("tensor_array_name", "")
        .buildTyped(DataType.DT_RESOURCE, DataType.DT_FLOAT);
  }
}
