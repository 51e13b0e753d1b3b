/**
 * TensorRT for SSD MobileNet V2: a frozen GraphDef converted by scope and name into a {@link
 * org.ssdbench.engine.trt.NetworkDescription} (plain Java, checked on the CPU), built into a TensorRT 10 engine with the
 * EfficientNMS_TRT plugin ({@link org.ssdbench.engine.trt.TrtNetworkBuilder}), cached on disk ({@link
 * org.ssdbench.engine.trt.EngineCache}) and run from pinned buffers on one CUDA stream, plainly or replayed from a CUDA
 * graph ({@link org.ssdbench.engine.trt.TrtInferenceEngine}). Builds reuse a timing cache per GPU and TensorRT version
 * and an INT8 calibration table per model and image set ({@link org.ssdbench.engine.trt.BuildCaches}), and record their
 * facts in {@code trt-builds.csv} ({@link org.ssdbench.engine.trt.TrtBuildsCsv}) and, when asked, every builder message
 * with its time in a build log ({@link org.ssdbench.engine.trt.BuildLog}).
 *
 * <p>Every native object has one AutoCloseable owner, and closing it frees the object. TensorRT objects are the
 * exception to JavaCPP's own cleanup: the 1.5.11 bindings return them without a deallocator, so
 * {@code Pointer.close()} would only forget the address. Their owners delete them through {@link
 * org.ssdbench.engine.trt.TrtDelete} (the bindings' compiled {@code delete} for the class; the destructors are virtual):
 * builder, network, config, timing cache and serialized plans inside {@link org.ssdbench.engine.trt.TrtNetworkBuilder},
 * the runtime, engine and execution context when their owners close. The EfficientNMS plugin is released with
 * {@code IPluginV2.destroy()} after the network that used it. CUDA memory, streams, events and graphs, which the suite
 * allocates itself, are freed with the CUDA runtime calls. The logger lives as long as the JVM (see {@link
 * org.ssdbench.engine.trt.TrtLogger}).
 *
 * <p>Preprocessing (x * 2 / 255 - 1 and NHWC to NCHW) runs on the host, outside the engine and the timed call, for the
 * float-input engines, as in the article's TensorRT step; the uint8-input ({@code -u8}) engines do it themselves
 * ({@link org.ssdbench.engine.trt.Uint8Front}), inside the call. Configuration names say which.
 */
package org.ssdbench.engine.trt;
