package org.ssdbench.ops;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.ssdbench.engine.tf.TfSession;
import org.tensorflow.GraphOperation;
import org.tensorflow.Output;
import org.tensorflow.Result;
import org.tensorflow.Session;
import org.tensorflow.Tensor;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.proto.AttrValue;
import org.tensorflow.proto.DataType;
import org.tensorflow.proto.DeviceStepStats;
import org.tensorflow.proto.GraphDef;
import org.tensorflow.proto.NodeDef;
import org.tensorflow.proto.NodeExecStats;
import org.tensorflow.proto.NodeOutput;
import org.tensorflow.proto.RunMetadata;
import org.tensorflow.proto.RunOptions;
import org.ssdbench.model.SsdGraphRoles;
import org.ssdbench.model.TensorValues;
import org.tensorflow.proto.TensorProto;
import org.tensorflow.proto.TensorShapeProto;

/**
 * Walks a model's graph and collects, per measured op type ({@link OpKind}), the distinct signatures and how often each
 * occurs in one inference.
 *
 * <p>Shapes come from TF's static shape inference on the imported graph ({@code GraphOperation.input(i).shape()}). Where
 * that leaves a dimension unknown (the box count after {@code Where}, NMS output sizes), a {@link TraceRequest} runs the
 * graph once on the CPU with {@code FULL_TRACE} and the shape is read from the producer's output in the step stats
 * ({@code NodeExecStats.output[].tensor_description}). The traced run also counts executions: a node inside the batch loop
 * runs once per image, a node in an untaken {@code tf.cond} branch not at all. Without a trace every node counts once.
 *
 * <p>The traced run uses a session with TF's graph optimizers off, so the nodes that run are the nodes of the graph (no
 * fused or folded replacements).
 */
public final class SignatureExtractor {
  private final GraphDef graphDef;
  private final Map<String, NodeDef> nodes = new HashMap<>();

  private SignatureExtractor(GraphDef graphDef) {
    this.graphDef = graphDef;
    for (NodeDef n : graphDef.getNodeList()) {
      nodes.put(n.getName(), n);
    }
  }

  /**
   * @param trace how to run the graph once for shapes and counts; null for static shapes only
   */
  public static SignatureTable extract(GraphDef graphDef, TraceRequest trace, String source) {
    return new SignatureExtractor(graphDef).run(trace, source);
  }

  private SignatureTable run(TraceRequest trace, String source) {
    try (TfSession session = TfSession.open(graphDef, SingleOpSession.config(OpDevice.CPU))) {
      Map<String, List<Execution>> executions = trace == null ? Map.of() : trace(session.session(), trace);
      Map<String, SignatureStat> stats = new LinkedHashMap<>();
      Iterator<GraphOperation> ops = session.graph().operations();
      while (ops.hasNext()) {
        GraphOperation op = ops.next();
        if (!OpKind.isMeasured(op.type())) {
          continue;
        }
        OpKind kind = OpKind.byOpType(op.type());
        List<Execution> runs = trace == null ? List.of(Execution.STATIC) : executionsOf(op, executions);
        for (int k = 0; k < runs.size(); k++) {
          if (runs.get(k).dead()) {
            continue;
          }
          OpSignature sig = kind.fromNode(new Facts(op, k, executions));
          double micros = runs.get(k).micros();
          stats.merge(sig.id(), new SignatureStat(sig, 1, micros, op.name()), (a, b) -> a.plus(1, micros));
        }
      }
      return new SignatureTable(source, trace != null, new ArrayList<>(stats.values()));
    }
  }

  /**
   * The node's executions in the trace. A node that is missing although a consumer ran was rewritten under another name
   * (oneDNN fuses Conv2D + BiasAdd into one node named after the BiasAdd): it ran as often as that consumer, with its
   * static shapes. A node with outputs whose execution recorded none was dead (an untaken cond branch) and does not count.
   */
  private static List<Execution> executionsOf(GraphOperation op, Map<String, List<Execution>> executions) {
    List<Execution> runs = executions.get(op.name());
    if (runs == null) {
      for (GraphOperation consumer : op.consumers()) {
        List<Execution> theirs = executions.get(consumer.name());
        if (theirs != null && !theirs.isEmpty()) {
          return theirs.stream().map(e -> new Execution(new long[0][], 0, e.dead())).toList();
        }
      }
      return List.of();
    }
    if (op.numOutputs() == 0) {
      return runs.stream().map(e -> new Execution(e.outputs(), e.micros(), false)).toList();
    }
    return runs;
  }

  /** One execution of a node in the traced run: output shapes by slot (null where not recorded) and time. */
  record Execution(long[][] outputs, double micros, boolean dead) {
    static final Execution STATIC = new Execution(new long[0][], 0, false);
  }

  private Map<String, List<Execution>> trace(Session session, TraceRequest request) {
    List<Tensor> feeds = new ArrayList<>();
    RunMetadata metadata;
    try {
      Session.Runner runner = session.runner();
      request.feeds().forEach((name, value) -> {
        Tensor t = value.toTensor();
        feeds.add(t);
        runner.feed(name, t);
      });
      request.fetches().forEach(runner::fetch);
      RunOptions options = RunOptions.newBuilder().setTraceLevel(RunOptions.TraceLevel.FULL_TRACE).build();
      try (Result result = runner.setOptions(options).runAndFetchMetadata()) {
        metadata = result.getMetadata().orElseThrow(() -> new IllegalStateException("TF returned no run metadata"));
      }
    } finally {
      feeds.forEach(Tensor::close);
    }
    Map<String, List<Execution>> out = new HashMap<>();
    for (DeviceStepStats device : metadata.getStepStats().getDevStatsList()) {
      for (NodeExecStats s : device.getNodeStatsList()) {
        String name = s.getNodeName();
        int colon = name.indexOf(':');
        if (!nodes.containsKey(name) && colon >= 0) {
          name = name.substring(0, colon);
        }
        if (!nodes.containsKey(name)) {
          continue;
        }

        int slots = 0;
        for (NodeOutput o : s.getOutputList()) {
          slots = Math.max(slots, o.getSlot() + 1);
        }
        long[][] shapes = new long[slots][];
        for (NodeOutput o : s.getOutputList()) {
          if (o.hasTensorDescription() && o.getTensorDescription().hasShape()) {
            shapes[o.getSlot()] = dims(o.getTensorDescription().getShape());
          }
        }
        double micros = s.getOpEndRelNanos() != 0 ? (s.getOpEndRelNanos() - s.getOpStartRelNanos()) / 1e3
            : s.getOpEndRelMicros() - s.getOpStartRelMicros();
        boolean dead = slots == 0;
        out.computeIfAbsent(name, k -> new ArrayList<>()).add(new Execution(shapes, micros, dead));
      }
    }
    return out;
  }

  private static long[] dims(TensorShapeProto shape) {
    if (shape.getUnknownRank()) {
      return null;
    }
    return shape.getDimList().stream().mapToLong(TensorShapeProto.Dim::getSize).toArray();
  }

  /** A node as signature extraction sees it in its {@code k}-th execution. */
  private final class Facts implements NodeFacts {
    private final GraphOperation op;
    private final int k;
    private final Map<String, List<Execution>> executions;

    Facts(GraphOperation op, int k, Map<String, List<Execution>> executions) {
      this.op = op;
      this.k = k;
      this.executions = executions;
    }

    @Override
    public String name() {
      return op.name();
    }

    @Override
    public String opType() {
      return op.type();
    }

    @Override
    public List<TensorSpec> inputs() {
      List<TensorSpec> out = new ArrayList<>();
      for (int i = 0; i < op.numInputs(); i++) {
        out.add(spec(op.input(i)));
      }
      return out;
    }

    @Override
    public List<TensorSpec> outputs() {
      List<TensorSpec> out = new ArrayList<>();
      for (int i = 0; i < op.numOutputs(); i++) {
        out.add(spec(op.output(i)));
      }
      return out;
    }

    private TensorSpec spec(Output<?> output) {
      DType dtype = DType.of(output.dataType());
      Shape shape = output.shape();
      long[] dims = shape.isUnknown() ? null : shape.asArray();
      if (dims == null || java.util.Arrays.stream(dims).anyMatch(d -> d < 0)) {
        long[] traced = traced(output.op().name(), output.index());
        if (traced != null) {
          dims = traced;
        }
      }
      return new TensorSpec(dtype, dims == null ? new long[] {-1} : dims);
    }

    /** The producer's output in the execution that fed this one: the k-th if it ran as often, else its last. */
    private long[] traced(String producer, int slot) {
      for (int hops = 0; hops < 16 && producer != null; hops++) {
        List<Execution> runs = executions.getOrDefault(producer, List.of());
        for (int j = Math.min(k, runs.size() - 1); j >= 0; j--) {
          Execution e = runs.get(j);
          if (slot < e.outputs().length && e.outputs()[slot] != null) {
            return e.outputs()[slot];
          }
          if (!e.dead()) {
            break;
          }
        }
        // Control-flow plumbing passes its data input through unchanged: look there.
        NodeDef n = nodes.get(producer);
        if (n == null || !PASS_THROUGH.contains(n.getOp()) || n.getInputCount() == 0) {
          return null;
        }
        producer = inputNode(n.getInput(0));
        slot = inputSlot(n.getInput(0));
      }
      return null;
    }

    @Override
    public Optional<AttrValue> attr(String name) {
      return Optional.ofNullable(nodes.get(op.name()).getAttrMap().get(name));
    }

    @Override
    public Optional<long[]> constInts(int i) {
      return constant(i).flatMap(SignatureExtractor::ints);
    }

    @Override
    public Optional<float[]> constFloats(int i) {
      return constant(i).flatMap(SignatureExtractor::floats);
    }

    private Optional<TensorProto> constant(int i) {
      String name = op.input(i).op().name();
      for (int hops = 0; hops < 16; hops++) {
        NodeDef n = nodes.get(name);
        if (n == null) {
          return Optional.empty();
        }
        if (n.getOp().equals("Const")) {
          return Optional.of(n.getAttrOrThrow("value").getTensor());
        }
        if (!(SsdGraphRoles.PASS_THROUGH.contains(n.getOp()) || n.getOp().equals("Enter")) || n.getInputCount() == 0) {
          return Optional.empty();
        }
        name = inputNode(n.getInput(0));
      }
      return Optional.empty();
    }
  }

  private static final java.util.Set<String> PASS_THROUGH =
      java.util.Set.of("Identity", "StopGradient", "Snapshot", "Switch", "Merge", "Enter", "Exit", "NextIteration", "RefSwitch", "RefEnter");

  private static int inputSlot(String input) {
    int colon = input.indexOf(':');
    return colon >= 0 && !input.startsWith("^") ? Integer.parseInt(input.substring(colon + 1)) : 0;
  }

  private static String inputNode(String input) {
    String s = input.startsWith("^") ? input.substring(1) : input;
    int colon = s.indexOf(':');
    return colon >= 0 ? s.substring(0, colon) : s;
  }

  static Optional<long[]> ints(TensorProto t) {
    if (!TensorValues.isInteger(t)) {
      return Optional.empty();
    }
    long[] v = TensorValues.longs(t);
    return v.length == 0 ? Optional.empty() : Optional.of(v);
  }

  static Optional<float[]> floats(TensorProto t) {
    if (t.getDtype() != DataType.DT_FLOAT) {
      return Optional.empty();
    }
    float[] v = TensorValues.floats(t);
    return v.length == 0 ? Optional.empty() : Optional.of(v);
  }
}
