package org.ssdbench.bench;

import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;
import org.ssdbench.ops.DefaultSignatures;
import org.ssdbench.ops.OpDevice;
import org.ssdbench.ops.OpKind;
import org.ssdbench.ops.OpSignature;
import org.ssdbench.ops.SingleOpSession;
import org.ssdbench.ops.Variant;

/*
 * WHAT: one TF op alone, in its own session, with a shape SSD MobileNet V2 really gives it, on the CPU or the GPU. Params:
 *   op         the TF op type (fixed per benchmark method: conv2d -> Conv2D, gatherV2 -> GatherV2, ...)
 *   signature  input shapes, types and the attributes that matter, e.g. gatherv2:1917x4*1917.i32/axis0
 *              (defaults: the model's top signatures per op type, see DefaultSignatures; `ops --signatures` lists all)
 *   device     cpu | gpu: the device set on the op's NodeDef; setup fails if TF put the op anywhere else
 *   variant    host-fed: inputs fed from host tensors, every output fetched (what the article timed);
 *              device-resident: inputs are Consts on the device, output summed to one scalar there,
 *              so the difference between the two is the cost of moving tensors.
 *   graph      op: the op itself; control: the negative control, the same feeds and fetches (same types and shapes,
 *              same device, same variant) through a graph that does no work (Identity nodes and zero Consts). A call
 *              through TF's session from Java costs tens of microseconds by itself; the op's own time is op minus control,
 *              both measured in the same run (ops-report.csv and the report subtract it; docs/statistics.md).
 *
 * WHY: the article pinned the NMS block to the CPU because GatherV2, ConcatV2 and Select ran faster there while Conv2D ran
 * about 10x faster on the GPU. These numbers test that claim op by op on this machine, and, multiplied by how often each
 * signature occurs in one inference, say how much of an inference each op type should cost on each device
 * (`ops --report RUNDIR` writes that to ops-report.csv next to the end-to-end trace's shares).
 *
 * EXPECTED: Conv2D and DepthwiseConv2dNative much faster on the GPU; the small postprocessing ops (GatherV2 on [1917,4],
 * ConcatV2, Select, Minimum/Maximum on [1917,1]) a few microseconds on the CPU and no faster on the GPU, where launch cost
 * and, host-fed, the copies dominate; int32 Minimum on the "GPU" runs in host memory.
 *
 * HOW TO RUN:
 *   java -cp 'app/*' org.openjdk.jmh.Main OpBenchmark $(java -cp 'app/*' org.ssdbench.cli.Main ops --jmh-params) \
 *       -rf json -rff RUNDIR/jmh-ops.json
 *   java -jar target/benchmarks.jar 'OpBenchmark.gatherV2' -p device=cpu -p signature='gatherv2:1917x4*1917.i32/axis0'
 * Pick op types by method name (OpBenchmark.conv2d, OpBenchmark.gatherV2, ...); a -p signature=... value must belong to the
 * selected methods' op type. Without a GPU every device=gpu trial fails at setup with the reason; -p device=cpu avoids them.
 */
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
public class OpBenchmark extends BenchmarkDefaults {

  /** The single-op session of one trial. Subclasses fix the op type and its default signatures. */
  @State(Scope.Thread)
  public abstract static class OpState {
    @Param({"cpu", "gpu"})
    public String device;

    @Param({"host-fed", "device-resident"})
    public String variant;

    @Param({"op", "control"})
    public String graph;

    SingleOpSession session;

    abstract String op();

    abstract String signature();

    @Setup(Level.Trial)
    public void setUp() {
      OpSignature s = OpSignature.parse(signature());
      OpKind kind = OpKind.byOpType(op());
      if (s.kind() != kind) {
        throw new IllegalArgumentException("signature '%s' is a %s signature, but this benchmark measures %s; pass %s ids here"
            .formatted(s.id(), s.kind().opType(), kind.opType(), kind.key() + ":..."));
      }
      session = switch (graph) {
        case "op" -> SingleOpSession.open(s, OpDevice.byParam(device), Variant.byParam(variant));
        case "control" -> SingleOpSession.openControl(s, OpDevice.byParam(device), Variant.byParam(variant));
        default -> throw new IllegalArgumentException("Unknown graph '%s'; valid: op, control".formatted(graph));
      };
      System.out.println("# " + session.describe());
    }

    @TearDown(Level.Trial)
    public void tearDown() {
      if (session != null) {
        session.close();
      }
    }
  }

  @State(Scope.Thread)
  public static class Conv2DOp extends OpState {
    @Param("Conv2D")
    public String op;

    @Param({DefaultSignatures.CONV2D_1, DefaultSignatures.CONV2D_2, DefaultSignatures.CONV2D_3})
    public String signature;

    @Override
    String op() {
      return op;
    }

    @Override
    String signature() {
      return signature;
    }
  }

  @State(Scope.Thread)
  public static class DepthwiseOp extends OpState {
    @Param("DepthwiseConv2dNative")
    public String op;

    @Param({DefaultSignatures.DEPTHWISE_1, DefaultSignatures.DEPTHWISE_2, DefaultSignatures.DEPTHWISE_3})
    public String signature;

    @Override
    String op() {
      return op;
    }

    @Override
    String signature() {
      return signature;
    }
  }

  @State(Scope.Thread)
  public static class GatherOp extends OpState {
    @Param("GatherV2")
    public String op;

    @Param({DefaultSignatures.GATHER_1, DefaultSignatures.GATHER_2, DefaultSignatures.GATHER_3})
    public String signature;

    @Override
    String op() {
      return op;
    }

    @Override
    String signature() {
      return signature;
    }
  }

  @State(Scope.Thread)
  public static class ConcatOp extends OpState {
    @Param("ConcatV2")
    public String op;

    @Param({DefaultSignatures.CONCAT_1, DefaultSignatures.CONCAT_2, DefaultSignatures.CONCAT_3})
    public String signature;

    @Override
    String op() {
      return op;
    }

    @Override
    String signature() {
      return signature;
    }
  }

  @State(Scope.Thread)
  public static class SelectOp extends OpState {
    @Param("Select")
    public String op;

    @Param({DefaultSignatures.SELECT_1, DefaultSignatures.SELECT_2})
    public String signature;

    @Override
    String op() {
      return op;
    }

    @Override
    String signature() {
      return signature;
    }
  }

  @State(Scope.Thread)
  public static class NmsOp extends OpState {
    @Param("NonMaxSuppressionV3")
    public String op;

    @Param({DefaultSignatures.NMS_1})
    public String signature;

    @Override
    String op() {
      return op;
    }

    @Override
    String signature() {
      return signature;
    }
  }

  @State(Scope.Thread)
  public static class WhereOp extends OpState {
    @Param("Where")
    public String op;

    @Param({DefaultSignatures.WHERE_1})
    public String signature;

    @Override
    String op() {
      return op;
    }

    @Override
    String signature() {
      return signature;
    }
  }

  @State(Scope.Thread)
  public static class MinimumOp extends OpState {
    @Param("Minimum")
    public String op;

    @Param({DefaultSignatures.MINIMUM_1, DefaultSignatures.MINIMUM_2, DefaultSignatures.MINIMUM_3})
    public String signature;

    @Override
    String op() {
      return op;
    }

    @Override
    String signature() {
      return signature;
    }
  }

  @State(Scope.Thread)
  public static class MaximumOp extends OpState {
    @Param("Maximum")
    public String op;

    @Param({DefaultSignatures.MAXIMUM_1})
    public String signature;

    @Override
    String op() {
      return op;
    }

    @Override
    String signature() {
      return signature;
    }
  }

  @State(Scope.Thread)
  public static class ReshapeOp extends OpState {
    @Param("Reshape")
    public String op;

    @Param({DefaultSignatures.RESHAPE_1, DefaultSignatures.RESHAPE_2, DefaultSignatures.RESHAPE_3})
    public String signature;

    @Override
    String op() {
      return op;
    }

    @Override
    String signature() {
      return signature;
    }
  }

  @State(Scope.Thread)
  public static class TopKOp extends OpState {
    @Param("TopKV2")
    public String op;

    @Param({DefaultSignatures.TOPK_1})
    public String signature;

    @Override
    String op() {
      return op;
    }

    @Override
    String signature() {
      return signature;
    }
  }

  @Benchmark
  public long conv2d(Conv2DOp s) {
    return s.session.run();
  }

  @Benchmark
  public long depthwiseConv2dNative(DepthwiseOp s) {
    return s.session.run();
  }

  @Benchmark
  public long gatherV2(GatherOp s) {
    return s.session.run();
  }

  @Benchmark
  public long concatV2(ConcatOp s) {
    return s.session.run();
  }

  @Benchmark
  public long select(SelectOp s) {
    return s.session.run();
  }

  @Benchmark
  public long nonMaxSuppressionV3(NmsOp s) {
    return s.session.run();
  }

  @Benchmark
  public long where(WhereOp s) {
    return s.session.run();
  }

  @Benchmark
  public long minimum(MinimumOp s) {
    return s.session.run();
  }

  @Benchmark
  public long maximum(MaximumOp s) {
    return s.session.run();
  }

  @Benchmark
  public long reshape(ReshapeOp s) {
    return s.session.run();
  }

  @Benchmark
  public long topKV2(TopKOp s) {
    return s.session.run();
  }
}
