package org.ssdbench.engine.tf;

/**
 * A device a TF session can place ops on.
 *
 * @param name e.g. {@code /job:localhost/replica:0/task:0/device:GPU:0}
 * @param type {@code CPU} or {@code GPU}
 */
public record TfDevice(String name, String type, long memoryBytes) {
  public boolean isGpu() {
    return "GPU".equals(type);
  }
}
