package org.ssdbench.bench;

/**
 * Two batches in flight on two engines, each with its own stream: every {@link #step()} starts the next batch on one
 * engine and then waits for the batch the other one started a step before, so one batch's copies and kernels can run
 * while the other's are queued or copying. A step's time, once both are busy, is the time between two batches
 * completing: the batch size over it is the throughput, and it is not a batch's latency (about two steps).
 */
final class TwoInFlight {
  /** One engine: start a batch without waiting, and wait for it. */
  interface Lane {
    void launch();

    float await();
  }

  private final Lane[] lanes;
  private int next;
  private boolean drained;

  /** Starts the first batch on {@code first}, so each step has one to wait for. */
  TwoInFlight(Lane first, Lane second) {
    lanes = new Lane[] {first, second};
    first.launch();
    next = 1;
  }

  /** Starts a batch on one lane, waits for the other's; returns what the waited-for batch's engine returned. */
  float step() {
    if (drained) {
      throw new IllegalStateException("drained: no more steps");
    }
    lanes[next].launch();
    float done = lanes[1 - next].await();
    next = 1 - next;
    return done;
  }

  /** Waits for the batch still in flight; no step after it. */
  void drain() {
    if (!drained) {
      drained = true;
      lanes[1 - next].await();
    }
  }
}
