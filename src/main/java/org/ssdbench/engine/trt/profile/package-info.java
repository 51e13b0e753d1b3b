/**
 * The per-kernel GPU profile of a TensorRT engine, taken outside the timed runs: a CUPTI activity trace
 * ({@link org.ssdbench.engine.trt.profile.CuptiTrace}), the kinds of TensorRT kernels
 * ({@link org.ssdbench.engine.trt.profile.KernelKind}), the per-inference aggregation
 * ({@link org.ssdbench.engine.trt.profile.KernelProfile}) and its CSV files. The child JVM that takes a run's profile
 * reads the run's workload, so it lives with the benchmarks ({@code org.ssdbench.bench.KernelProfileMain}).
 */
package org.ssdbench.engine.trt.profile;
