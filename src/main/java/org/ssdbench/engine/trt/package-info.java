/**
 * TensorRT for SSD MobileNet V2: a frozen GraphDef converted by scope and name into a {@link
 * org.ssdbench.engine.trt.NetworkDescription} (plain Java, checked on the CPU), built into a TensorRT 10 engine with the
 * EfficientNMS_TRT plugin ({@link org.ssdbench.engine.trt.TrtNetworkBuilder}), cached on disk ({@link
 * org.ssdbench.engine.trt.EngineCache}) and run from pinned buffers on one CUDA stream, plainly or replayed from a CUDA
 * graph ({@link org.ssdbench.engine.trt.TrtInferenceEngine}). Every native object has one AutoCloseable owner.
 *
 * <p>Preprocessing (x * 2 / 255 - 1 and NHWC to NCHW) runs on the host, outside the engine, as in the article's
 * TensorRT step; results must say so.
 */
package org.ssdbench.engine.trt;
