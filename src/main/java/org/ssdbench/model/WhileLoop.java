package org.ssdbench.model;

import org.tensorflow.proto.DataType;

/**
 * A TF1 (v1 control flow) while loop frame as {@code tf.while_loop} emits it: per loop variable an {@code Enter},
 * {@code Merge}, {@code Switch}, {@code Identity}, {@code NextIteration} and {@code Exit}; one {@code LoopCond}. Tensors
 * from outside the loop enter the frame through constant {@code Enter} nodes.
 *
 * <p>Use: {@link #open}, build the condition from {@link #merges()}, {@link #condition}, build the body from
 * {@link #body()}, then {@link #close} with the next values.
 */
final class WhileLoop {
  private final GraphBuilder b;
  private final GraphBuilder.Scope scope;
  private final String frame;
  private final int parallelIterations;
  private final Ref[] merges;
  private GraphBuilder.Scope predPivot;
  private GraphBuilder.Scope bodyPivot;
  private Ref[] switches;
  private Ref[] body;

  private WhileLoop(GraphBuilder b, String name, int parallelIterations, Ref[] initial) {
    this.b = b;
    this.scope = b.scope(name);
    this.frame = scope.name() + "/while_context";
    this.parallelIterations = parallelIterations;
    Ref[] enters = new Ref[initial.length];
    for (int i = 0; i < initial.length; i++) {
      enters[i] = enter("Enter", initial[i], false);
    }
    merges = new Ref[initial.length];
    for (int i = 0; i < initial.length; i++) {
      // The back edge is filled in by close(); Merge's second input names the NextIteration made there.
      merges[i] = new Ref(b.currentScope() + (i == 0 ? "Merge" : "Merge_" + i), initial[i].dtype());
    }
    this.pendingEnters = enters;
    this.predPivot = null;
  }

  private final Ref[] pendingEnters;

  /** Opens scope {@code name} (normally {@code while}) with loop variables starting at {@code initial}. */
  static WhileLoop open(GraphBuilder b, String name, int parallelIterations, Ref... initial) {
    WhileLoop loop = new WhileLoop(b, name, parallelIterations, initial);
    loop.emitMerges();
    return loop;
  }

  private void emitMerges() {
    String scopeName = b.currentScope();
    for (int i = 0; i < merges.length; i++) {
      String next = scopeName + (i == 0 ? "NextIteration" : "NextIteration_" + i);
      b.opExactly("Merge", merges[i].node())
          .in(pendingEnters[i]).in(new Ref(next, merges[i].dtype()))
          .attr("T", merges[i].dtype()).attr("N", 2)
          .buildTyped(merges[i].dtype(), DataType.DT_INT32);
    }
    predPivot = b.pivot(merges[0]);
  }

  Ref[] merges() {
    return merges.clone();
  }

  /** A loop-invariant tensor from outside the frame, entered as {@code <name>} (e.g. {@code Less/Enter}). */
  Ref constant(String name, Ref outside) {
    return enter(name, outside, true);
  }

  private Ref enter(String name, Ref value, boolean isConstant) {
    return b.op("Enter", name).in(value)
        .attr("T", value.dtype()).attr("frame_name", frame).attr("is_constant", isConstant)
        .attr("parallel_iterations", parallelIterations).build(value.dtype());
  }

  /** Ends the condition: {@code LoopCond}, the switches and the body's identities. */
  void condition(Ref predicate) {
    predPivot.close();
    Ref loopCond = b.op("LoopCond", "LoopCond").in(predicate).build(DataType.DT_BOOL);
    switches = new Ref[merges.length];
    body = new Ref[merges.length];
    for (int i = 0; i < merges.length; i++) {
      switches[i] = b.op("Switch", "Switch").in(merges[i]).in(loopCond).attr("T", merges[i].dtype())
          .build(merges[i].dtype());
    }
    for (int i = 0; i < merges.length; i++) {
      body[i] = b.identity("Identity", new Ref(switches[i].name() + ":1", merges[i].dtype()));
    }
    bodyPivot = b.pivot(body[0]);
  }

  /** The loop variables inside the body. */
  Ref[] body() {
    return body.clone();
  }

  /** Closes the body with the next values of the loop variables; returns the {@code Exit}s. */
  Ref[] close(Ref... next) {
    if (next.length != merges.length) {
      throw new IllegalArgumentException(
          "loop has %d variables but %d next values were given".formatted(merges.length, next.length));
    }
    bodyPivot.close();
    for (int i = 0; i < next.length; i++) {
      Ref n = b.same("NextIteration", "NextIteration", next[i]);
      String expected = b.currentScope() + (i == 0 ? "NextIteration" : "NextIteration_" + i);
      if (!n.name().equals(expected)) {
        throw new IllegalStateException("NextIteration named " + n.name() + ", Merge expects " + expected);
      }
    }
    Ref[] exits = new Ref[next.length];
    for (int i = 0; i < next.length; i++) {
      exits[i] = b.same("Exit", "Exit", switches[i]);
    }
    scope.close();
    return exits;
  }
}
