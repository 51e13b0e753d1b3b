package org.ssdbench.engine.trt;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.ssdbench.engine.trt.NetworkDescription.Constant;
import org.ssdbench.engine.trt.NetworkDescription.ElementWise;
import org.ssdbench.engine.trt.NetworkDescription.Layer;
import org.ssdbench.engine.trt.NetworkDescription.Shuffle;

/**
 * The front end of a {@link InputFormat#UINT8_NHWC} engine: the graph's {@code ToFloat} and {@code Preprocessor} (x * 2 /
 * 255 - 1) and the NHWC to NCHW transpose, as layers in front of the network, so the engine takes the pixels as decoded.
 *
 * <p>The engine input {@link #INPUT} is uint8 {@code [B, H, W, C]}; a cast (TensorRT's ICastLayer, added by the builder)
 * gives float {@link #CAST} of the same shape; then {@link #layers()}: a product with the constant 2/255, a difference
 * with the constant 1 (both of shape [1, 1, 1, 1], broadcast), and a shuffle with permutation (0, 3, 1, 2) whose output
 * is named after the description's own input, so the rest of the network reads it unchanged. Plain Java, so the math is
 * checked on the CPU (rebuilt as a TF graph in the tests) against {@link HostPreprocessing}.
 *
 * @param output the description's input tensor, float NCHW, which the front end produces
 */
public record Uint8Front(String output, int channels, int height, int width) {
  /** The engine's input tensor: uint8 NHWC pixels. */
  public static final String INPUT = "image_u8";
  /** The cast's output: float NHWC, values 0 to 255. */
  public static final String CAST = "image_u8/to_float";
  static final String SCALE = "image_u8/scale";
  static final String SCALED = "image_u8/mul";
  static final String ONE = "image_u8/one";
  static final String SHIFTED = "image_u8/sub";

  public Uint8Front {
    if (channels < 1 || height < 1 || width < 1) {
      throw new IllegalArgumentException(
          "uint8 front end needs positive dims, got %d x %d x %d".formatted(height, width, channels));
    }
  }

  public static Uint8Front of(NetworkDescription d) {
    return new Uint8Front(d.input(), d.channels(), d.height(), d.width());
  }

  /** The engine input's shape, {@code [batch, H, W, C]}. */
  public long[] inputShape(int batch) {
    if (batch < 1) {
      throw new IllegalArgumentException("batch must be >= 1, got " + batch);
    }
    return new long[] {batch, height, width, channels};
  }

  /** The layers after the cast, in order; the last one's output is {@link #output()}, float NCHW in [-1, 1]. */
  public List<Layer> layers() {
    long[] scalar = {1, 1, 1, 1};
    return List.of(
        new Constant(SCALE, scalar, new float[] {2f / 255f}),
        new ElementWise(SCALED, ElementWise.Op.PROD, CAST, SCALE),
        new Constant(ONE, scalar, new float[] {1f}),
        new ElementWise(SHIFTED, ElementWise.Op.SUB, SCALED, ONE),
        new Shuffle(output, SHIFTED, new int[] {0, 3, 1, 2}, null));
  }

  /** Shapes of {@link #CAST} and of every layer's output for {@code batch}. */
  public Map<String, long[]> shapes(int batch) {
    Map<String, long[]> shapes = new LinkedHashMap<>();
    shapes.put(CAST, inputShape(batch));
    for (Layer layer : layers()) {
      shapes.put(layer.name(), layer.outputShape(shapes));
    }
    return shapes;
  }

  /** Bytes of one batch of input: a quarter of the float NCHW input's. */
  public long inputBytes(int batch) {
    return (long) batch * height * width * channels * InputFormat.UINT8_NHWC.bytesPerValue();
  }
}
