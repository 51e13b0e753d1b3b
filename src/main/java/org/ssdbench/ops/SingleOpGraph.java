package org.ssdbench.ops;

import static org.ssdbench.ops.GraphDefWriter.b;
import static org.ssdbench.ops.GraphDefWriter.type;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.tensorflow.proto.DataType;
import org.tensorflow.proto.GraphDef;

/**
 * A GraphDef holding one op of a signature on one device, in one {@link Variant}, with its input data. Pure protobuf; {@link
 * SingleOpSession} runs it.
 *
 * <p>Names: the op is {@code op}, its parameter constants {@code op/...}; data inputs are {@code in0, in1, ...}
 * (Placeholders when host-fed, Consts on the device when device-resident); the device-resident reduction is {@code
 * reduce} (after {@code reduce/cast} for non-float outputs).
 *
 * @param feeds placeholder names, in the order of {@code data}; empty when device-resident
 * @param fetches what one measured call fetches
 * @param onDevice the nodes that must run on the requested device for the numbers to mean what they say
 * @param control whether this is the op's negative control ({@link #control}) rather than the op
 */
public record SingleOpGraph(
    OpSignature signature, OpDevice device, Variant variant, GraphDef graph, List<String> feeds, List<HostArray> data,
    List<String> fetches, List<String> onDevice, boolean control) {
  public static final String OP = "op";

  public SingleOpGraph {
    feeds = List.copyOf(feeds);
    data = List.copyOf(data);
    fetches = List.copyOf(fetches);
    onDevice = List.copyOf(onDevice);
  }

  public static SingleOpGraph of(OpSignature s, OpDevice device, Variant variant) {
    s.kind().validate(s);
    List<HostArray> data = RealisticData.of(s);
    GraphDefWriter w = new GraphDefWriter();
    List<String> feeds = new ArrayList<>();
    List<String> onDevice = new ArrayList<>();
    List<String> inputs = addInputs(w, data, device, variant, feeds, onDevice);
    s.kind().build(w, s, inputs, device.tfName());
    onDevice.add(OP);
    List<String> fetches = new ArrayList<>();
    if (variant == Variant.HOST_FED) {
      for (int o = 0; o < s.kind().outputs(); o++) {
        fetches.add(OP + ":" + o);
      }
    } else {
      String reduced = OP + ":0";
      if (outputType(s) != DType.F32) {
        reduced = w.node("reduce/cast", "Cast", List.of(reduced), Map.of(
            "SrcT", type(outputType(s).proto()), "DstT", type(DataType.DT_FLOAT), "Truncate", b(false)), device.tfName());
        onDevice.add(reduced);
      }
      int rank = s.kind().expectedOutput(s).length;
      long[] axes = new long[rank];
      for (int d = 0; d < rank; d++) {
        axes[d] = d;
      }
      String axesNode = w.constant("reduce/axes", HostArray.vector(axes), device.tfName());
      w.node("reduce", "Sum", List.of(reduced, axesNode), Map.of(
          "T", type(DataType.DT_FLOAT), "Tidx", type(DataType.DT_INT32), "keep_dims", b(false)), device.tfName());
      onDevice.add("reduce");
      fetches.add("reduce");
    }
    return new SingleOpGraph(s, device, variant, w.build(), feeds, data, fetches, onDevice, false);
  }

  /**
   * The negative control of {@link #of}: the same inputs (the same placeholders fed with the same data when host-fed, the
   * same device Consts when device-resident) and fetches of the same types and shapes, through a graph that does no work.
   * Each input goes through an {@code Identity} on the device (so a fed input is still copied there); the fetched outputs
   * are {@code Identity} nodes of zero Consts on the device shaped like the op's outputs, made to wait for the inputs by
   * control edges. Host-fed, {@code op} (output 0) and {@code op/out1, ...} stand for the op's outputs; device-resident,
   * {@code reduce} is a scalar float like the op graph's sum.
   *
   * @param outputs the op's fetched tensors' types and shapes, as its checking run gave them (host-fed: one per output;
   *     device-resident: the scalar sum)
   */
  public static SingleOpGraph control(OpSignature s, OpDevice device, Variant variant, List<TensorSpec> outputs) {
    s.kind().validate(s);
    List<HostArray> data = RealisticData.of(s);
    GraphDefWriter w = new GraphDefWriter();
    List<String> feeds = new ArrayList<>();
    List<String> onDevice = new ArrayList<>();
    List<String> waits = new ArrayList<>();
    List<String> names = addInputs(w, data, device, variant, feeds, onDevice);
    for (int i = 0; i < data.size(); i++) {
      String name = names.get(i);
      String moved = w.node("control/in" + i, "Identity", List.of(name), Map.of(
          "T", type(data.get(i).spec().dtype().proto())), device.tfName());
      onDevice.add(moved);
      waits.add("^" + moved);
    }
    List<String> fetches = new ArrayList<>();
    for (int o = 0; o < outputs.size(); o++) {
      TensorSpec spec = outputs.get(o);
      String zeros = w.constant("control/out" + o, HostArray.zeros(spec), device.tfName());
      List<String> inputs = new ArrayList<>();
      inputs.add(zeros);
      inputs.addAll(waits);
      String name = o == 0 ? OP : OP + "/out" + o;
      w.node(name, "Identity", inputs, Map.of("T", type(spec.dtype().proto())), device.tfName());
      onDevice.add(name);
      fetches.add(name + ":0");
    }
    if (variant == Variant.DEVICE_RESIDENT) {
      w.node("reduce", "Identity", List.of(OP), Map.of("T", type(DataType.DT_FLOAT)), device.tfName());
      onDevice.add("reduce");
      fetches.clear();
      fetches.add("reduce");
    }
    return new SingleOpGraph(s, device, variant, w.build(), feeds, data, fetches, onDevice, true);
  }

  /** The element type of output 0. */
  static DType outputType(OpSignature s) {
    return switch (s.kind()) {
      case NON_MAX_SUPPRESSION_V2, NON_MAX_SUPPRESSION_V3, NON_MAX_SUPPRESSION_V4, NON_MAX_SUPPRESSION_V5 -> DType.I32;
      case WHERE -> DType.I64;
      case SELECT, SELECT_V2 -> s.input(1).dtype();
      default -> s.input(0).dtype();
    };
  }

  /**
   * The op's inputs, the same in the op graph and its control: host-fed, placeholders (added to {@code feeds});
   * device-resident, Consts on the device (added to {@code onDevice}). Returns their names in input order.
   */
  private static List<String> addInputs(GraphDefWriter w, List<HostArray> data, OpDevice device, Variant variant,
      List<String> feeds, List<String> onDevice) {
    List<String> names = new ArrayList<>();
    for (int i = 0; i < data.size(); i++) {
      String name = "in" + i;
      if (variant == Variant.HOST_FED) {
        feeds.add(w.placeholder(name, data.get(i).spec()));
      } else {
        w.constant(name, data.get(i), device.tfName());
        onDevice.add(name);
      }
      names.add(name);
    }
    return names;
  }
}
