package org.ssdbench.engine.trt;

import static org.bytedeco.cuda.global.cudart.cudaGetDevice;
import static org.bytedeco.cuda.global.cudart.cudaGetDeviceProperties;
import static org.ssdbench.engine.trt.Cuda.checkCuda;

import org.bytedeco.cuda.cudart.cudaDeviceProp;

/** The current GPU's name and compute capability, as the engine cache keys them. */
public record GpuInfo(String name, String computeCapability) {
  public static GpuInfo current() {
    int[] device = new int[1];
    checkCuda(cudaGetDevice(device), "cudaGetDevice");
    try (cudaDeviceProp prop = new cudaDeviceProp()) {
      checkCuda(cudaGetDeviceProperties(prop, device[0]), "cudaGetDeviceProperties(" + device[0] + ")");
      return new GpuInfo(prop.name().getString().trim(), prop.major() + "." + prop.minor());
    }
  }
}
