package org.ssdbench.engine.trt;

import static org.bytedeco.cuda.global.cudart.cudaMemGetInfo;
import static org.ssdbench.engine.trt.Cuda.checkCuda;

import java.util.Locale;
import org.bytedeco.javacpp.SizeTPointer;

/** Free and total memory of the current GPU ({@code cudaMemGetInfo}), at one moment. */
public record DeviceMemory(long freeBytes, long totalBytes) {
  public static DeviceMemory now() {
    try (SizeTPointer free = new SizeTPointer(1); SizeTPointer total = new SizeTPointer(1)) {
      checkCuda(cudaMemGetInfo(free, total), "cudaMemGetInfo");
      return new DeviceMemory(free.get(), total.get());
    }
  }

  public long usedBytes() {
    return totalBytes - freeBytes;
  }

  @Override
  public String toString() {
    return String.format(Locale.ROOT, "%.0f MiB used of %.0f MiB", usedBytes() / 1048576.0, totalBytes / 1048576.0);
  }
}
