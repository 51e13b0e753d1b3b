package org.ssdbench.engine.trt;

import org.bytedeco.tensorrt.nvinfer.ILogger;

/**
 * TensorRT's logger: messages at or above a severity go to stderr with a "[TensorRT]" prefix; the last error is kept
 * for exception messages. One instance lives as long as the builders and runtimes that use it (keep a reference).
 */
public final class TrtLogger extends ILogger {
  private final ILogger.Severity threshold;
  private volatile String lastError = "";

  public TrtLogger(ILogger.Severity threshold) {
    this.threshold = threshold;
  }

  @Override
  public void log(ILogger.Severity severity, String msg) {
    if (severity.value <= ILogger.Severity.kERROR.value) {
      lastError = msg;
    }
    if (severity.value <= threshold.value) {
      System.err.println("[TensorRT " + severity + "] " + msg);
    }
  }

  public String lastError() {
    return lastError;
  }
}
