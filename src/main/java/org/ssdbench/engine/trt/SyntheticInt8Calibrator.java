package org.ssdbench.engine.trt;

import static org.bytedeco.cuda.global.cudart.cudaMemcpy;
import static org.bytedeco.cuda.global.cudart.cudaMemcpyHostToDevice;
import static org.ssdbench.engine.trt.Cuda.checkCuda;

import org.bytedeco.javacpp.BytePointer;
import org.bytedeco.javacpp.FloatPointer;
import org.bytedeco.javacpp.LongPointer;
import org.bytedeco.javacpp.Pointer;
import org.bytedeco.javacpp.PointerPointer;
import org.bytedeco.tensorrt.nvinfer.IInt8EntropyCalibrator2;
import org.ssdbench.model.ImageBatch;

/**
 * INT8 entropy calibration (TensorRT's IInt8EntropyCalibrator2, its virtual methods overridden in Java through JavaCPP)
 * over {@link CalibrationImages}, preprocessed on the host exactly as inference input is. No calibration cache is read
 * or written: each INT8 build calibrates afresh, and the engine cache keeps the result.
 *
 * <p>Owns one device buffer for a batch; {@link #free()} releases it after the build. Call from the building thread.
 */
final class SyntheticInt8Calibrator extends IInt8EntropyCalibrator2 {
  private final NetworkDescription description;
  private final InputFormat inputFormat;
  private final int batch;
  private final int batches;
  private final long seed;
  private final DeviceBuffer device;
  private int next;

  SyntheticInt8Calibrator(NetworkDescription description, InputFormat inputFormat, int batch, int batches, long seed) {
    this.description = description;
    this.inputFormat = inputFormat;
    this.batch = batch;
    this.batches = batches;
    this.seed = seed;
    this.device = new DeviceBuffer((long) inputFormat.bytesPerValue() * batch * 3 * description.height()
        * description.width(), "calibration input");
  }

  @Override
  public int getBatchSize() {
    return batch;
  }

  @Override
  public boolean getBatch(PointerPointer bindings, PointerPointer names, int nbBindings) {
    if (next >= batches) {
      return false;
    }
    try {
      ImageBatch images = CalibrationImages.generate(batch, description.height(), description.width(), seed + next);
      if (inputFormat == InputFormat.UINT8_NHWC) {
        // the engine's own front end preprocesses these pixels
        try (BytePointer host = new BytePointer(images.pixels())) {
          checkCuda(cudaMemcpy(device.pointer(), host, images.pixels().length, cudaMemcpyHostToDevice),
              "cudaMemcpy(calibration batch " + next + ")");
        }
      } else {
        float[] input = HostPreprocessing.toNchw(images, description.height(), description.width());
        try (FloatPointer host = new FloatPointer(input)) {
          checkCuda(cudaMemcpy(device.pointer(), host, input.length * 4L, cudaMemcpyHostToDevice),
              "cudaMemcpy(calibration batch " + next + ")");
        }
      }
      bindings.put(0, device.pointer());
      next++;
      return true;
    } catch (RuntimeException e) {
      System.err.println("INT8 calibration batch " + next + " failed: " + e);
      return false;
    }
  }

  @Override
  public Pointer readCalibrationCache(LongPointer length) {
    length.put(0L);
    return null;
  }

  @Override
  public void writeCalibrationCache(Pointer ptr, long length) {
    // not kept: the engine cache holds calibrated engines
  }

  int batchesUsed() {
    return next;
  }

  void free() {
    device.close();
  }
}
