package org.ssdbench.engine;

import org.ssdbench.model.ImageBatch;

/**
 * Something that runs SSD MobileNet V2 end to end: a TensorFlow session with a placement, or a TensorRT engine. Benchmarks
 * and the correctness gate treat every configuration through this interface.
 *
 * <p>An engine owns its native resources; {@link #close()} frees them and is idempotent. Instances are not thread-safe.
 */
public interface InferenceEngine extends AutoCloseable {
  /** The configuration's name as it appears in results, e.g. {@code tf-gpu-postproc-cpu} or {@code trt-fp16}. */
  String name();

  /** Runs one batch and copies the four outputs to the heap. Used by the correctness gate, not in timed loops. */
  Detections detect(ImageBatch images);

  /**
   * Runs one batch as a timed benchmark would and returns a cheap value derived from the outputs (for a JMH sink).
   * Implementations fetch every output so that nothing is skipped, and free what the run allocated.
   */
  float infer();

  /** Sets the batch {@link #infer()} runs on; the tensors are built once here, outside any timed region. */
  void prepare(ImageBatch images);

  /** How close this engine's outputs must be to the {@code tf-cpu} reference ({@link CorrectnessGate}). */
  GateCriteria criteria();

  /**
   * The pre-NMS tensors of the last {@link #detect}, raw box encodings and class scores in the reference's layout, where
   * the engine exposes them; empty otherwise.
   */
  default java.util.Optional<float[][]> preNmsTensors() {
    return java.util.Optional.empty();
  }

  @Override
  void close();
}
