package org.ssdbench.model;

import org.tensorflow.proto.DataType;

/**
 * Convolution layers as a frozen TF-Slim graph spells them: {@code weights} Const read through {@code weights/read},
 * {@code Conv2D} or {@code depthwise}, the unfused batch norm's seven ops under {@code BatchNorm/batchnorm/} (2018) or
 * one {@code BatchNorm/FusedBatchNormV3} (exports after 2019), and {@code Relu6}; head layers with {@code biases} and
 * {@code BiasAdd}.
 */
final class Layers {
  static final float BN_EPSILON = 0.001f;

  private final GraphBuilder b;
  private final SyntheticWeights weights;
  private final boolean fusedBatchNorm;

  Layers(GraphBuilder b, SyntheticWeights weights, boolean fusedBatchNorm) {
    this.b = b;
    this.weights = weights;
    this.fusedBatchNorm = fusedBatchNorm;
  }

  /** A Const weight tensor and its {@code /read} Identity. */
  Ref variable(String name, float[] values, long... shape) {
    Ref c = b.floats(name, values, shape);
    return b.identity(name + "/read", c);
  }

  /** Conv2D + BatchNorm (+ Relu6) in scope {@code name}. */
  Ref convBn(String name, Ref x, int kernel, int cin, int cout, int stride, boolean relu6) {
    try (GraphBuilder.Scope s = b.scope(name)) {
      int fanIn = kernel * kernel * cin;
      double std = (relu6 ? Math.sqrt(2.0) : 1.0) / Math.sqrt(fanIn);
      Ref w = variable("weights", weights.uniform(s.name() + "/weights", fanIn * cout, 0, std),
          kernel, kernel, cin, cout);
      Ref y = conv2d("Conv2D", x, w, stride);
      y = batchNorm(s.name(), y, cout);
      return relu6 ? b.same("Relu6", "Relu6", y) : y;
    }
  }

  /** DepthwiseConv2dNative (3x3, multiplier 1) + BatchNorm + Relu6 in scope {@code name}. */
  Ref depthwiseBn(String name, Ref x, int channels, int stride) {
    try (GraphBuilder.Scope s = b.scope(name)) {
      double std = Math.sqrt(2.0) / 3.0;
      Ref w = variable("depthwise_weights",
          weights.uniform(s.name() + "/depthwise_weights", 9 * channels, 0, std), 3, 3, channels, 1);
      Ref y;
      try (GraphBuilder.Scope d = b.scope("depthwise")) {
        y = b.opNamedAs("DepthwiseConv2dNative", d).in(x).in(w).attr("T", DataType.DT_FLOAT)
            .attrInts("strides", 1, stride, stride, 1).attr("padding", "SAME").attr("data_format", "NHWC")
            .attrInts("dilations", 1, 1, 1, 1).build(DataType.DT_FLOAT);
      }
      y = batchNorm(s.name(), y, channels);
      return b.same("Relu6", "Relu6", y);
    }
  }

  /** A box predictor head: 3x3 Conv2D + BiasAdd, no batch norm and no activation. */
  Ref head(String name, Ref x, int cin, int cout, float[] filterValues, float[] biasValues) {
    try (GraphBuilder.Scope s = b.scope(name)) {
      Ref w = variable("weights", filterValues, 3, 3, cin, cout);
      Ref bias = variable("biases", biasValues, cout);
      Ref y = conv2d("Conv2D", x, w, 1);
      return b.op("BiasAdd", "BiasAdd").in(y).in(bias).attr("T", DataType.DT_FLOAT).attr("data_format", "NHWC")
          .build(DataType.DT_FLOAT);
    }
  }

  private Ref conv2d(String name, Ref x, Ref w, int stride) {
    return b.op("Conv2D", name).in(x).in(w).attr("T", DataType.DT_FLOAT)
        .attrInts("strides", 1, stride, stride, 1).attr("padding", "SAME").attr("data_format", "NHWC")
        .attrInts("dilations", 1, 1, 1, 1).attr("use_cudnn_on_gpu", true)
        .build(DataType.DT_FLOAT);
  }

  /**
   * Unfused batch norm with moving statistics: {@code x * gamma * rsqrt(var + eps) + (beta - mean * gamma * rsqrt(var +
   * eps))}. Gamma near 1, beta and mean near 0, variance near 1 keep activations at unit scale.
   */
  private Ref batchNorm(String layer, Ref x, int channels) {
    try (GraphBuilder.Scope s = b.scope("BatchNorm")) {
      String p = s.name() + "/";
      Ref gamma = variable("gamma", weights.uniform(p + "gamma", channels, 1.0, 0.05), channels);
      Ref beta = variable("beta", weights.uniform(p + "beta", channels, 0.05, 0.03), channels);
      Ref mean = variable("moving_mean", weights.uniform(p + "moving_mean", channels, 0.0, 0.03), channels);
      Ref var = variable("moving_variance", weights.uniform(p + "moving_variance", channels, 1.0, 0.05), channels);
      if (fusedBatchNorm) {
        return b.op("FusedBatchNormV3", "FusedBatchNormV3").in(x).in(gamma).in(beta).in(mean).in(var)
            .attr("T", DataType.DT_FLOAT).attr("U", DataType.DT_FLOAT).attr("epsilon", BN_EPSILON)
            .attr("exponential_avg_factor", 1.0f).attr("data_format", "NHWC").attr("is_training", false)
            .build(DataType.DT_FLOAT);
      }
      try (GraphBuilder.Scope bn = b.scope("batchnorm")) {
        Ref add = b.same("Add", "add", var, b.scalar("add/y", BN_EPSILON));
        Ref rsqrt = b.same("Rsqrt", "Rsqrt", add);
        Ref mul = b.same("Mul", "mul", rsqrt, gamma);
        Ref mul1 = b.same("Mul", "mul_1", x, mul);
        Ref mul2 = b.same("Mul", "mul_2", mean, mul);
        Ref sub = b.same("Sub", "sub", beta, mul2);
        return b.same("Add", "add_1", mul1, sub);
      }
    }
  }
}
