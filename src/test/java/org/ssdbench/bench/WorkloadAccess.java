package org.ssdbench.bench;

import org.ssdbench.results.WorkloadBatch;

/** Lets tests outside this package load a benchmark's workload as its setup does. */
public final class WorkloadAccess {
  private WorkloadAccess() {}

  public static WorkloadBatch load(InferenceBenchmark bench) {
    return bench.loadWorkload();
  }
}
