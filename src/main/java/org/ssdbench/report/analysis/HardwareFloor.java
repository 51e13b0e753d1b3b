package org.ssdbench.report.analysis;

import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * A lower bound on one inference's time on a given GPU, from the network's size and the card's datasheet: the weights
 * at the engine's precision read once from memory, or the multiply-adds at the tensor-core rate, whichever is longer
 * (they overlap at best), plus the input copied over PCIe, plus one launch. Activations are taken to stay on chip and
 * NMS to be free, so the real floor is higher; the point is how far a measured time is above what the hardware allows.
 *
 * @param config the configuration whose precision and input the floor is for
 * @param memoryMillis weight bytes over memory bandwidth
 * @param computeMillis 2 x multiply-adds over the dense tensor rate at the precision
 * @param copyMillis input bytes over the PCIe bandwidth
 * @param launchMillis one CUDA graph launch and its completion, {@link #LAUNCH_MILLIS}
 * @param gpu the datasheet entry used
 */
public record HardwareFloor(String config, int batch, double memoryMillis, double computeMillis, double copyMillis,
    double launchMillis, Gpu gpu) {
  /** SSD MobileNet V2's convolution multiply-adds per 300x300 image. */
  public static final double MACS = 1.875e9;
  /** Trainable parameters (conv weights, head biases, batch-norm scale and offset; folded, fewer still). */
  public static final double PARAMS = 16_837_567;
  /** One image's input: uint8 NHWC; float NCHW is four times it. */
  public static final double INPUT_BYTES_U8 = 300 * 300 * 3;
  /** A CUDA graph launch and the wait for its end, as measured for small graphs on Hopper: about 5 us. */
  public static final double LAUNCH_MILLIS = 0.005;

  /**
   * Datasheet numbers of a card (dense, no sparsity).
   *
   * @param match a lower-case substring of the CUDA device name
   * @param memoryGBs memory bandwidth, GB/s
   * @param fp32Tflops FP32 without tensor cores (strict FP32 engines, TF32 off)
   * @param tf32Tflops TF32 tensor cores (TensorFlow's float32 convolutions on Ampere and later); FP32 where there are none
   * @param fp16Tflops FP16 tensor cores
   * @param int8Tops INT8 tensor cores
   * @param pcieGBs host-to-device bandwidth of its PCIe link, one direction
   */
  public record Gpu(String match, String name, double memoryGBs, double fp32Tflops, double tf32Tflops,
      double fp16Tflops, double int8Tops, double pcieGBs) {}

  /** Most specific first. */
  public static final List<Gpu> DATASHEETS = List.of(
      new Gpu("h200", "H200 SXM", 4800, 67, 494.7, 989.4, 1978.9, 64),
      new Gpu("h100 pcie", "H100 PCIe", 2000, 51, 378, 756.5, 1513, 64),
      new Gpu("h100", "H100 SXM", 3350, 67, 494.7, 989.4, 1978.9, 64),
      new Gpu("a100-pcie", "A100 PCIe", 1935, 19.5, 156, 312, 624, 32),
      new Gpu("a100", "A100 SXM", 2039, 19.5, 156, 312, 624, 32),
      new Gpu("l4", "L4", 300, 30.3, 60, 121, 242, 32),
      new Gpu("t4", "T4", 320, 8.1, 8.1, 65, 130, 16));

  /** The datasheet entry for a CUDA device name, e.g. "NVIDIA H100 80GB HBM3"; empty for a card not listed. */
  public static Optional<Gpu> gpu(String deviceName) {
    if (deviceName == null) {
      return Optional.empty();
    }
    String n = deviceName.toLowerCase(Locale.ROOT);
    return DATASHEETS.stream().filter(g -> n.contains(g.match())).findFirst();
  }

  /** The floor of {@code config} (its name gives precision, {@code -u8} the input) at {@code batch}. */
  public static HardwareFloor of(Gpu gpu, String config, int batch) {
    if (batch < 1) {
      throw new IllegalArgumentException("batch must be >= 1, got " + batch);
    }
    Precision precision = Precision.of(config);
    double input = INPUT_BYTES_U8 * batch * (config.contains("-u8") ? 1 : 4);
    return new HardwareFloor(config, batch, PARAMS * precision.weightBytes / (gpu.memoryGBs() * 1e9) * 1e3,
        2 * MACS * batch / (precision.rate(gpu) * 1e12) * 1e3, input / (gpu.pcieGBs() * 1e9) * 1e3, LAUNCH_MILLIS, gpu);
  }

  /** The arithmetic a configuration runs in, read from its name. */
  enum Precision {
    INT8(1, "INT8", "TOPS"),
    FP16(2, "FP16", "TFLOPS"),
    /** A TensorRT engine built strict FP32 (kTF32 cleared): no tensor cores. */
    STRICT_FP32(4, "FP32", "TFLOPS"),
    /** TensorFlow's float32 graph: TF 2.18 runs its convolutions on TF32 tensor cores where the GPU has them. */
    TF32(4, "TF32", "TFLOPS");

    final int weightBytes;
    final String label;
    /** What its rate counts: integer operations or floating-point ones, per second. */
    final String rateUnit;

    Precision(int weightBytes, String label, String rateUnit) {
      this.weightBytes = weightBytes;
      this.label = label;
      this.rateUnit = rateUnit;
    }

    static Precision of(String config) {
      if (config.contains("int8")) {
        return INT8;
      }
      if (config.contains("fp16")) {
        return FP16; // TensorRT FP16 and the PyTorch peer's half precision
      }
      return config.contains("fp32") ? STRICT_FP32 : TF32;
    }

    double rate(Gpu gpu) {
      return switch (this) {
        case INT8 -> gpu.int8Tops();
        case FP16 -> gpu.fp16Tflops();
        case STRICT_FP32 -> gpu.fp32Tflops();
        case TF32 -> gpu.tf32Tflops();
      };
    }
  }

  /** max(memory, compute) + copy + launch, in ms. */
  public double millis() {
    return Math.max(memoryMillis, computeMillis) + copyMillis + launchMillis;
  }

  /** How the floor was formed, for the report. */
  public String explain() {
    Precision precision = Precision.of(config);
    return String.format(Locale.ROOT,
        "%s at batch %d on %s (%.0f GB/s, %.0f %s at %s, %d-byte weights, PCIe %.0f GB/s): max(weights %.4f ms, "
            + "compute %.4f ms) + input copy %.4f ms + launch %.4f ms = %.4f ms",
        config, batch, gpu.name(), gpu.memoryGBs(), precision.rate(gpu), precision.rateUnit,
        precision.label, precision.weightBytes, gpu.pcieGBs(), memoryMillis, computeMillis, copyMillis, launchMillis,
        millis());
  }
}
