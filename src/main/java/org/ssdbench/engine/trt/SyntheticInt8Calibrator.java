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
 * over a {@link CalibrationSet} (generated images by default), preprocessed on the host exactly as inference input is.
 *
 * <p>Calibration cache: when built with a table ({@code cachedTable}), {@link #readCalibrationCache} hands it to
 * TensorRT, which then skips calibration; otherwise TensorRT calibrates and passes the new table to
 * {@link #writeCalibrationCache}, kept in {@link #writtenTable()} for the caller to store.
 * {@link #calibrationMillis()} is the time from the first batch TensorRT asked for to the table written: running the
 * batches and turning the histograms into ranges (building the FP32 engine it calibrates with comes before).
 *
 * <p>Owns one device buffer for a batch and a native copy of the cached table; {@link #free()} releases both after the
 * build. Call from the building thread.
 */
final class SyntheticInt8Calibrator extends IInt8EntropyCalibrator2 {
  private final NetworkDescription description;
  private final InputFormat inputFormat;
  private final int batch;
  private final CalibrationSet set;
  private final int batches;
  private final byte[] cachedTable;
  private final DeviceBuffer device;
  private BytePointer cachedNative;
  private byte[] writtenTable;
  private long firstBatchNanos;
  private long writtenNanos;
  private int next;

  SyntheticInt8Calibrator(NetworkDescription description, InputFormat inputFormat, int batch, CalibrationSet set,
      byte[] cachedTable) {
    this.description = description;
    this.inputFormat = inputFormat;
    this.batch = batch;
    this.set = set;
    this.batches = set.batches(batch);
    this.cachedTable = cachedTable;
    this.device = new DeviceBuffer((long) inputFormat.bytesPerValue() * batch * 3 * description.height()
        * description.width(), "calibration input");
  }

  @Override
  public int getBatchSize() {
    return batch;
  }

  @Override
  public boolean getBatch(PointerPointer bindings, PointerPointer names, int nbBindings) {
    if (firstBatchNanos == 0) {
      firstBatchNanos = System.nanoTime();
    }
    if (next >= batches) {
      return false;
    }
    try {
      ImageBatch images = set.batch(next, batch, description.height(), description.width());
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
    if (cachedTable == null || cachedTable.length == 0) {
      length.put(0L);
      return null;
    }
    if (cachedNative == null) {
      cachedNative = new BytePointer(cachedTable);
    }
    length.put((long) cachedTable.length);
    return cachedNative;
  }

  @Override
  public void writeCalibrationCache(Pointer ptr, long length) {
    writtenNanos = System.nanoTime();
    byte[] table = new byte[(int) length];
    new BytePointer(ptr).capacity(length).get(table);
    writtenTable = table;
  }

  int batchesUsed() {
    return next;
  }

  /** The table TensorRT wrote after calibrating, or null when it did not calibrate (the cached table was used). */
  byte[] writtenTable() {
    return writtenTable;
  }

  /** From the first batch asked for to the table written; 0 when TensorRT did not calibrate. */
  long calibrationMillis() {
    return firstBatchNanos == 0 || writtenNanos == 0 ? 0 : (writtenNanos - firstBatchNanos) / 1_000_000;
  }

  void free() {
    device.close();
    if (cachedNative != null) {
      cachedNative.close();
      cachedNative = null;
    }
  }
}
