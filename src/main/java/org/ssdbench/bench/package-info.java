/**
 * The JMH benchmarks, kept thin: a {@code @State} sets up an engine for the {@code @Param} configuration, checks its
 * detections against {@code tf-cpu}, and the {@code @Benchmark} method calls {@code infer()}. Beside them, what runs
 * in processes of their own on a run's workload: the throughput sweep, the traced analysis runs and the kernel profile
 * of each timed engine ({@link org.ssdbench.bench.KernelProfileMain}, started by
 * {@link org.ssdbench.bench.KernelProfileLauncher}).
 */
package org.ssdbench.bench;
