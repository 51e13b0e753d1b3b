package org.ssdbench.model;

import java.util.HashMap;
import java.util.Map;
import org.tensorflow.proto.DataType;

/**
 * A TF1 (v1 control flow) {@code tf.cond}: {@code cond/Switch} on the predicate, the {@code switch_t}/{@code switch_f}
 * pivots and {@code pred_id}; each branch reaches outside tensors through its own {@code Switch}; the branch results meet
 * in {@code Merge}.
 *
 * <p>Use: {@link #open}, {@link #trueBranch()}, build with {@link #capture}, {@link #endBranch}, the same for the false
 * branch, then {@link #merge}.
 */
final class Cond {
  private final GraphBuilder b;
  private final GraphBuilder.Scope scope;
  private final Ref predId;
  private final Ref switchT;
  private final Ref switchF;
  private final Map<String, Ref> captured = new HashMap<>();
  private GraphBuilder.Scope branchPivot;
  private boolean inTrue;

  private Cond(GraphBuilder b, String name, Ref predicate) {
    this.b = b;
    this.scope = b.scope(name);
    Ref sw = b.op("Switch", "Switch").in(predicate).in(predicate).attr("T", DataType.DT_BOOL).build(DataType.DT_BOOL);
    switchT = b.identity("switch_t", new Ref(sw.name() + ":1", DataType.DT_BOOL));
    switchF = b.identity("switch_f", sw);
    predId = b.identity("pred_id", predicate);
  }

  static Cond open(GraphBuilder b, String name, Ref predicate) {
    return new Cond(b, name, predicate);
  }

  void trueBranch() {
    inTrue = true;
    captured.clear();
    branchPivot = b.pivot(switchT);
  }

  void falseBranch() {
    inTrue = false;
    captured.clear();
    branchPivot = b.pivot(switchF);
  }

  /**
   * An outside tensor seen from the current branch: a {@code Switch} named {@code <consumer>/Switch}, made once per
   * tensor and branch.
   */
  Ref capture(String consumer, Ref outside) {
    return captured.computeIfAbsent(outside.name(), k -> {
      Ref sw = b.op("Switch", consumer + "/Switch").in(outside).in(predId).attr("T", outside.dtype())
          .build(outside.dtype());
      return inTrue ? new Ref(sw.name() + ":1", outside.dtype()) : sw;
    });
  }

  void endBranch() {
    branchPivot.close();
  }

  /** {@code Merge(falseResult, trueResult)}; closes the cond's scope. */
  Ref merge(Ref falseResult, Ref trueResult) {
    Ref m = b.op("Merge", "Merge").in(falseResult).in(trueResult).attr("T", trueResult.dtype()).attr("N", 2)
        .buildTyped(trueResult.dtype(), DataType.DT_INT32)[0];
    scope.close();
    return m;
  }
}
