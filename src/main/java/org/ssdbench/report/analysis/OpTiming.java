package org.ssdbench.report.analysis;

import java.util.Objects;
import org.ssdbench.ops.NetTime;

/**
 * One op's time on the CPU and on the GPU, in microseconds; NaN where that device or variant did not run or, net of the
 * control, could not be told from zero.
 *
 * @param op e.g. {@code Conv2D}
 * @param signature the shapes and attributes it ran with
 * @param cpuMicros the CPU time
 * @param gpuHostFedMicros the GPU time with inputs copied from the host each call
 * @param gpuDeviceResidentMicros the GPU time with inputs already on the device
 * @param cpuHalfWidth half-width of the CPU time's 95% interval
 * @param gpuHostFedHalfWidth half-width of the host-fed GPU time's 95% interval
 * @param gpuDeviceResidentHalfWidth half-width of the device-resident GPU time's 95% interval
 * @param controlSubtracted whether the times are call minus the no-op control (the op's own time) rather than whole calls
 */
public record OpTiming(
    String op, String signature, double cpuMicros, double gpuHostFedMicros, double gpuDeviceResidentMicros,
    double cpuHalfWidth, double gpuHostFedHalfWidth, double gpuDeviceResidentHalfWidth, boolean controlSubtracted) {

  public OpTiming {
    Objects.requireNonNull(op, "op");
    signature = signature == null ? "" : signature;
  }

  /**
   * CPU time over host-fed GPU time: above 1 the GPU is faster. NaN without both, or when either time's 95% interval
   * reaches zero: a ratio of times not told apart from zero (an op on empty tensors, net of its control) says nothing.
   */
  public double cpuOverGpuHostFed() {
    return ratio(cpuMicros, cpuHalfWidth, gpuHostFedMicros, gpuHostFedHalfWidth);
  }

  /** CPU time over device-resident GPU time, as {@link #cpuOverGpuHostFed()}. */
  public double cpuOverGpuDeviceResident() {
    return ratio(cpuMicros, cpuHalfWidth, gpuDeviceResidentMicros, gpuDeviceResidentHalfWidth);
  }

  private static double ratio(double a, double aHalfWidth, double b, double bHalfWidth) {
    return NetTime.toldApartFromZero(a, aHalfWidth) && NetTime.toldApartFromZero(b, bHalfWidth) ? a / b : Double.NaN;
  }

  /** {@code op} with its signature in brackets, for labels. */
  public String label() {
    return signature.isEmpty() ? op : op + " [" + signature + "]";
  }
}
