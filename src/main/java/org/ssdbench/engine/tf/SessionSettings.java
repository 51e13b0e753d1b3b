package org.ssdbench.engine.tf;

import org.tensorflow.proto.ConfigProto;
import org.tensorflow.proto.GPUOptions;

/**
 * How a TF session is configured. Soft placement is always on, as in the article: a node pinned to a device without a
 * kernel for it falls back instead of failing.
 *
 * @param useGpu false hides every GPU from the session (device_count GPU = 0), so a CPU configuration cannot touch one
 * @param allowGrowth grow GPU memory on demand instead of taking it all at start
 * @param intraOpThreads threads inside one op; 0 lets TF choose (one per core)
 * @param interOpThreads ops run in parallel; 0 lets TF choose
 */
public record SessionSettings(boolean useGpu, boolean allowGrowth, int intraOpThreads, int interOpThreads) {
  public SessionSettings {
    if (intraOpThreads < 0 || interOpThreads < 0) {
      throw new IllegalArgumentException(
          "thread counts must be >= 0 (0 = TF's choice): intra=%d inter=%d".formatted(intraOpThreads, interOpThreads));
    }
  }

  public static SessionSettings cpu() {
    return new SessionSettings(false, true, 0, 0);
  }

  public static SessionSettings gpu() {
    return new SessionSettings(true, true, 0, 0);
  }

  /** The thread pools as results record them. */
  public String describeThreads() {
    return "intra-op %d, inter-op %d (0: TF's default, one thread per core)".formatted(intraOpThreads, interOpThreads);
  }

  public ConfigProto toConfigProto() {
    ConfigProto.Builder config =
        ConfigProto.newBuilder()
            .setAllowSoftPlacement(true)
            .setIntraOpParallelismThreads(intraOpThreads)
            .setInterOpParallelismThreads(interOpThreads)
            .setGpuOptions(GPUOptions.newBuilder().setAllowGrowth(allowGrowth));
    if (!useGpu) {
      config.putDeviceCount("GPU", 0);
    }
    return config.build();
  }
}
