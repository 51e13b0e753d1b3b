package org.ssdbench.ops;

import java.util.Arrays;

/** Where a single-op graph puts its op: the JMH {@code device} param. */
public enum OpDevice {
  CPU("cpu", "/device:CPU:0"),
  GPU("gpu", "/device:GPU:0");

  private final String param;
  private final String tfName;

  OpDevice(String param, String tfName) {
    this.param = param;
    this.tfName = tfName;
  }

  /** The JMH param value: {@code cpu} or {@code gpu}. */
  public String param() {
    return param;
  }

  /** The device string set on NodeDefs, e.g. {@code /device:GPU:0}. */
  public String tfName() {
    return tfName;
  }

  /** Whether a device TF reports, e.g. {@code /job:localhost/replica:0/task:0/device:GPU:0}, is this one. */
  public boolean matches(String placedDevice) {
    return placedDevice.endsWith(tfName);
  }

  public static OpDevice byParam(String param) {
    for (OpDevice d : values()) {
      if (d.param.equals(param)) {
        return d;
      }
    }
    throw new IllegalArgumentException("Unknown device '%s'; valid: %s"
        .formatted(param, Arrays.stream(values()).map(OpDevice::param).toList()));
  }
}
