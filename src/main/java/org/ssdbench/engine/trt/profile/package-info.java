/**
 * The per-kernel GPU profile of a TensorRT engine, taken outside the timed runs: a CUPTI activity trace
 * ({@link org.ssdbench.engine.trt.profile.CuptiTrace}), the kinds of TensorRT kernels
 * ({@link org.ssdbench.engine.trt.profile.KernelKind}), the per-inference aggregation
 * ({@link org.ssdbench.engine.trt.profile.KernelProfile}), its CSV files, and the child JVM that takes it
 * ({@link org.ssdbench.engine.trt.profile.KernelProfileMain}, started by
 * {@link org.ssdbench.engine.trt.profile.KernelProfileLauncher}).
 */
package org.ssdbench.engine.trt.profile;
