package org.ssdbench.engine.trt;

import org.bytedeco.tensorrt.nvinfer.ILogger;

/**
 * TensorRT's logger: messages at or above a severity go to stderr with a "[TensorRT]" prefix; the last error is kept
 * for exception messages.
 *
 * <p>TensorRT keeps the logger it is given: the plugin registry, which is global, holds the one passed to
 * initLibNvInferPlugins for the life of the process. A logger that the JVM collected while TensorRT still held it crashed
 * the next getCreator call, so the suite uses one {@link #shared()} logger that lives as long as the JVM.
 */
public final class TrtLogger extends ILogger {
  private static final TrtLogger SHARED = new TrtLogger(TrtLogLevel.fromSystemProperty());

  private final int threshold;
  private volatile String lastError = "";
  private volatile BuildLog buildLog;

  private TrtLogger(int threshold) {
    this.threshold = threshold;
  }

  @Override
  public void log(ILogger.Severity severity, String msg) {
    if (severity.value <= ILogger.Severity.kERROR.value) {
      lastError = msg;
    }
    if (severity.value <= threshold) {
      System.err.println("[TensorRT " + severity + "] " + msg);
    }
    BuildLog log = buildLog;
    if (log != null) {
      log.line(severity.toString(), msg, System.nanoTime());
    }
  }

  /**
   * Also writes every message, verbose ones included, to {@code log} until {@link #stopBuildLog}: one build at a
   * time (builds run one after another in a JVM).
   */
  void startBuildLog(BuildLog log) {
    buildLog = log;
  }

  void stopBuildLog() {
    buildLog = null;
  }

  /** The process-wide logger every runtime, builder and the plugin registry use; never freed. */
  public static TrtLogger shared() {
    return SHARED;
  }

  public String lastError() {
    return lastError;
  }
}
