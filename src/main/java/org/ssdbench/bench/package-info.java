/**
 * The JMH benchmarks, kept thin: a {@code @State} sets up an engine for the {@code @Param} configuration, checks its
 * detections against {@code tf-cpu}, and the {@code @Benchmark} method calls {@code infer()}.
 */
package org.ssdbench.bench;
