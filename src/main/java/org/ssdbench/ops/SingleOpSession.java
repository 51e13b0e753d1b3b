package org.ssdbench.ops;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.ssdbench.engine.tf.SessionSettings;
import org.ssdbench.engine.tf.TfDevices;
import org.ssdbench.engine.tf.TfSession;
import org.tensorflow.Result;
import org.tensorflow.Session;
import org.tensorflow.Tensor;
import org.tensorflow.proto.ConfigProto;
import org.tensorflow.proto.GraphDef;
import org.tensorflow.proto.GraphOptions;
import org.tensorflow.proto.NodeDef;
import org.tensorflow.proto.OptimizerOptions;
import org.tensorflow.proto.RewriterConfig;
import org.tensorflow.proto.RunMetadata;
import org.tensorflow.proto.RunOptions;

/**
 * A {@link SingleOpGraph} in its own TF session, checked and warmed up, ready for timed calls. Owns the session and the
 * host tensors it feeds; {@link #close()} frees them (idempotent). Not thread-safe.
 *
 * <p>{@link #open} fails instead of measuring the wrong thing: a GPU run on a machine without a GPU says why (from {@link
 * TfDevices#whyNoGpu()}); an op that TF placed elsewhere than requested (soft placement moving it to the CPU for lack of a
 * kernel) is reported with the device it got; an output of the wrong shape names both shapes.
 *
 * <pre>{@code
 * try (SingleOpSession op = SingleOpSession.open(OpSignature.parse("gatherv2:1917x4*1917.i32/axis0"),
 *     OpDevice.CPU, Variant.HOST_FED)) {
 *   long sink = op.run();
 * }
 * }</pre>
 */
public final class SingleOpSession implements AutoCloseable {
  private final SingleOpGraph graph;
  private final TfSession session;
  private final List<Tensor> feeds;
  private final Session.Runner runner;
  private long[] outputShape;
  private String placedOn;
  private Map<String, String> placement;
  private List<TensorSpec> fetchedSpecs;
  private int transfers;
  private boolean closed;

  private SingleOpSession(SingleOpGraph graph, TfSession session, List<Tensor> feeds) {
    this.graph = graph;
    this.session = session;
    this.feeds = feeds;
    this.runner = runner(List.of());
  }

  /**
   * Builds the op's graph, opens a session, runs it once with partition graphs to check placement and output shape, then
   * once more the way {@link #run()} does.
   *
   * @throws IllegalStateException if the device is missing, the op did not land on it, or the output shape is wrong
   */
  public static SingleOpSession open(OpSignature signature, OpDevice device, Variant variant) {
    return open(signature, device, () -> SingleOpGraph.of(signature, device, variant));
  }

  /**
   * The op's negative control ({@link SingleOpGraph#control}), checked and warmed up like {@link #open}: the op's graph is
   * opened once first, only to learn the types and shapes of what it fetches, and closed again.
   *
   * @throws IllegalStateException as {@link #open}, for the op or for the control
   */
  public static SingleOpSession openControl(OpSignature signature, OpDevice device, Variant variant) {
    List<TensorSpec> outputs;
    try (SingleOpSession op = open(signature, device, variant)) {
      outputs = op.fetchedSpecs();
    }
    return open(signature, device, () -> SingleOpGraph.control(signature, device, variant, outputs));
  }

  private static SingleOpSession open(OpSignature signature, OpDevice device,
      java.util.function.Supplier<SingleOpGraph> build) {
    if (device == OpDevice.GPU && !TfDevices.hasGpu()) {
      throw new IllegalStateException("device=gpu for '%s' needs a GPU. %s".formatted(signature.id(), TfDevices.whyNoGpu()));
    }
    SingleOpGraph graph = build.get();
    TfSession session = TfSession.open(graph.graph(), config(device));
    List<Tensor> feeds = new ArrayList<>();
    SingleOpSession op = null;
    try {
      for (String ignored : graph.feeds()) {
        feeds.add(graph.data().get(feeds.size()).toTensor());
      }
      op = new SingleOpSession(graph, session, feeds);
      op.checkOnce();
      op.run();
      return op;
    } catch (RuntimeException e) {
      if (op != null) {
        op.close();
      } else {
        feeds.forEach(Tensor::close);
        session.close();
      }
      throw e;
    }
  }

  /**
   * The session config: GPUs hidden for CPU runs; TF's graph optimizers off, so Const inputs are not folded away and no
   * layout transposes are wrapped around a lone convolution. Soft placement stays on as in every session of the suite;
   * {@link #open} checks where the op went instead.
   */
  static ConfigProto config(OpDevice device) {
    SessionSettings settings = device == OpDevice.GPU ? SessionSettings.gpu() : SessionSettings.cpu();
    return settings.toConfigProto().toBuilder()
        .setGraphOptions(GraphOptions.newBuilder()
            .setOptimizerOptions(OptimizerOptions.newBuilder()
                .setOptLevel(OptimizerOptions.Level.L0)
                .setDoConstantFolding(false)
                .setDoCommonSubexpressionElimination(false)
                .setDoFunctionInlining(false))
            .setRewriteOptions(RewriterConfig.newBuilder().setDisableMetaOptimizer(true)))
        .build();
  }

  private Session.Runner runner(List<String> extraFetches) {
    Session.Runner r = session.session().runner();
    for (int i = 0; i < graph.feeds().size(); i++) {
      r.feed(graph.feeds().get(i), feeds.get(i));
    }
    graph.fetches().forEach(r::fetch);
    extraFetches.forEach(r::fetch);
    return r;
  }

  private void checkOnce() {
    String probe = SingleOpGraph.OP + ":0";
    boolean fetched = graph.fetches().contains(probe);
    RunOptions options = RunOptions.newBuilder().setOutputPartitionGraphs(true).build();
    RunMetadata metadata;
    try (Result result = runner(fetched ? List.of() : List.of(probe)).setOptions(options).runAndFetchMetadata()) {
      Tensor out = fetched ? result.get(graph.fetches().indexOf(probe)) : result.get(graph.fetches().size());
      outputShape = out.shape().asArray();
      fetchedSpecs = new ArrayList<>();
      for (int f = 0; f < graph.fetches().size(); f++) {
        Tensor tensor = result.get(f);
        fetchedSpecs.add(TensorSpec.of(DType.of(tensor.dataType()), tensor.shape().asArray()));
      }
      metadata = result.getMetadata().orElseThrow(() -> new IllegalStateException("TF returned no run metadata"));
    }
    placement = new TreeMap<>();
    for (GraphDef partition : metadata.getPartitionGraphsList()) {
      for (NodeDef node : partition.getNodeList()) {
        placement.put(node.getName(), node.getDevice());
        if (node.getOp().endsWith("Send") && node.containsAttr("send_device") && node.containsAttr("recv_device")
            && !node.getAttrOrThrow("send_device").getS().equals(node.getAttrOrThrow("recv_device").getS())) {
          transfers++;
        }
      }
    }
    placedOn = placement.get(SingleOpGraph.OP);
    OpSignature s = graph.signature();
    if (placedOn == null) {
      throw new IllegalStateException("'%s': node '%s' is missing from the partition graphs (nodes: %s)"
          .formatted(s.id(), SingleOpGraph.OP, placement.keySet()));
    }
    if (!graph.device().matches(placedOn)) {
      throw new IllegalStateException(
          "%s '%s' was asked for %s but TF placed it on %s: no %s kernel for these types, and soft placement moved it. "
              .formatted(s.kind().opType(), s.id(), graph.device().tfName(), placedOn, graph.device().param())
              + "Its time would not be a %s time.".formatted(graph.device().param().toUpperCase(java.util.Locale.ROOT)));
    }
    if (!graph.control()) {
      s.kind().checkOutput(s, outputShape);
    }
  }

  /**
   * One call: feeds (host-fed), runs the op, fetches and frees the outputs.
   *
   * @return the size in bytes of the first output, as a sink
   */
  public long run() {
    checkOpen();
    try (Result result = runner.run()) {
      return result.get(0).numBytes();
    }
  }

  /** The shape of the op's output 0 in the checking run. */
  public long[] outputShape() {
    return outputShape.clone();
  }

  /** Type and shape of each tensor one call fetches, from the checking run. */
  public List<TensorSpec> fetchedSpecs() {
    return List.copyOf(fetchedSpecs);
  }

  /** The device TF placed the op on, as it names it. */
  public String placedOn() {
    return placedOn;
  }

  /** Where TF put each node of the graph, from the checking run's partition graphs. */
  public Map<String, String> placement() {
    return Map.copyOf(placement);
  }

  /** How many tensors cross between devices in one call (sends between different devices in the partition graphs). */
  public int transfers() {
    return transfers;
  }

  /** Nodes that should be on the requested device but are not (e.g. a device-resident input TF kept on the host). */
  public List<String> offDevice() {
    return graph.onDevice().stream()
        .filter(n -> placement.containsKey(n) && !graph.device().matches(placement.get(n)))
        .toList();
  }

  public SingleOpGraph graph() {
    return graph;
  }

  /** One line for the log: signature, device, variant, placement, transfers, output shape. */
  public String describe() {
    List<String> off = offDevice();
    return "%s%s on %s (%s): op placed on %s, %d cross-device transfer(s) per call, output %s%s".formatted(
        graph.control() ? "control of " : "", graph.signature().id(), graph.device().param(), graph.variant().param(), placedOn, transfers,
        Arrays.toString(outputShape), off.isEmpty() ? "" : ", not on the device: " + off);
  }

  private void checkOpen() {
    if (closed) {
      throw new IllegalStateException("SingleOpSession for '%s' is closed".formatted(graph.signature().id()));
    }
  }

  @Override
  public void close() {
    if (closed) {
      return;
    }
    closed = true;
    try {
      feeds.forEach(Tensor::close);
    } finally {
      session.close();
    }
  }
}
