package org.ssdbench.report.csv;

import org.ssdbench.results.Environment;

/** The environment columns of a results row; each is null when {@code env.json} did not have it. */
public record EnvColumns(
    String gpu,
    String driver,
    String cuda,
    String cudnn,
    String tensorflow,
    String tensorrt,
    String host,
    String modelSha256) {

  public static final EnvColumns NONE = new EnvColumns(null, null, null, null, null, null, null, null);

  /** The columns of {@code env}, or {@link #NONE} when it is null. */
  public static EnvColumns of(Environment env) {
    if (env == null) {
      return NONE;
    }
    return new EnvColumns(
        env.gpuName(),
        env.gpuDriver(),
        env.cudaRuntime(),
        env.cudnn(),
        env.tensorflow(),
        env.tensorrt(),
        env.host(),
        env.modelSha256());
  }
}
