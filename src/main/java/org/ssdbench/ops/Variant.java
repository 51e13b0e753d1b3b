package org.ssdbench.ops;

import java.util.Arrays;

/**
 * How inputs reach the op and what comes back: the JMH {@code variant} param. The difference between the two is the cost of
 * moving tensors between host and device (plus one small reduction kernel).
 */
public enum Variant {
  /** Inputs fed from host tensors each call, every output fetched back to the host: what the article timed. */
  HOST_FED("host-fed"),
  /**
   * Inputs are Const nodes on the op's device (copied there once, when the session builds the kernel; constant folding is
   * off so they stay inputs), and the output is summed to one float on the device, so only a scalar crosses to the host.
   */
  DEVICE_RESIDENT("device-resident");

  private final String param;

  Variant(String param) {
    this.param = param;
  }

  public String param() {
    return param;
  }

  public static Variant byParam(String param) {
    for (Variant v : values()) {
      if (v.param.equals(param)) {
        return v;
      }
    }
    throw new IllegalArgumentException("Unknown variant '%s'; valid: %s"
        .formatted(param, Arrays.stream(values()).map(Variant::param).toList()));
  }
}
