package org.ssdbench.ops;

import com.google.protobuf.ByteString;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.Objects;
import org.tensorflow.Tensor;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.ndarray.buffer.DataBuffers;
import org.tensorflow.proto.TensorProto;
import org.tensorflow.proto.TensorShapeProto;
import org.tensorflow.types.TBool;
import org.tensorflow.types.TFloat32;
import org.tensorflow.types.TInt32;
import org.tensorflow.types.TInt64;
import org.tensorflow.types.TUint8;

/**
 * Values of one tensor held in a Java array: {@code float[]}, {@code int[]}, {@code long[]}, {@code boolean[]} or
 * {@code byte[]} as {@link TensorSpec#dtype()} says. Becomes a TF {@link Tensor} to feed (the caller owns and closes it) or a
 * {@link TensorProto} for a Const node.
 */
public record HostArray(TensorSpec spec, Object values) {
  public HostArray {
    Objects.requireNonNull(spec, "spec");
    Objects.requireNonNull(values, "values");
    if (!spec.isFullyDefined()) {
      throw new IllegalArgumentException("cannot hold values for a shape with unknown dimensions: " + spec);
    }
    int length = java.lang.reflect.Array.getLength(values);
    Class<?> expected = switch (spec.dtype()) {
      case F32 -> float[].class;
      case I32 -> int[].class;
      case I64 -> long[].class;
      case BOOL -> boolean[].class;
      case U8 -> byte[].class;
    };
    if (values.getClass() != expected || length != spec.elements()) {
      throw new IllegalArgumentException("%s needs a %s of %d elements, got %s of %d"
          .formatted(spec, expected.getSimpleName(), spec.elements(), values.getClass().getSimpleName(), length));
    }
  }

  /** A new tensor with these values; the caller closes it. */
  public Tensor toTensor() {
    Shape shape = Shape.of(spec.dims());
    return switch (spec.dtype()) {
      case F32 -> TFloat32.tensorOf(shape, DataBuffers.of((float[]) values, true, false));
      case I32 -> TInt32.tensorOf(shape, DataBuffers.of((int[]) values, true, false));
      case I64 -> TInt64.tensorOf(shape, DataBuffers.of((long[]) values, true, false));
      case BOOL -> TBool.tensorOf(shape, DataBuffers.of((boolean[]) values, true, false));
      case U8 -> TUint8.tensorOf(shape, DataBuffers.of((byte[]) values, true, false));
    };
  }

  /** The values as a Const node's {@code value} attribute (little-endian tensor_content). */
  public TensorProto toTensorProto() {
    int n = (int) spec.elements();
    ByteBuffer bytes = ByteBuffer.allocate(n * spec.dtype().bytes()).order(ByteOrder.LITTLE_ENDIAN);
    switch (spec.dtype()) {
      case F32 -> bytes.asFloatBuffer().put((float[]) values);
      case I32 -> bytes.asIntBuffer().put((int[]) values);
      case I64 -> bytes.asLongBuffer().put((long[]) values);
      case BOOL -> {
        boolean[] b = (boolean[]) values;
        for (boolean v : b) {
          bytes.put((byte) (v ? 1 : 0));
        }
      }
      case U8 -> bytes.put((byte[]) values);
    }
    return TensorProto.newBuilder()
        .setDtype(spec.dtype().proto())
        .setTensorShape(shapeProto(spec.dims()))
        .setTensorContent(ByteString.copyFrom(bytes.array()))
        .build();
  }

  public static TensorShapeProto shapeProto(long[] dims) {
    TensorShapeProto.Builder shape = TensorShapeProto.newBuilder();
    for (long d : dims) {
      shape.addDim(TensorShapeProto.Dim.newBuilder().setSize(d));
    }
    return shape.build();
  }

  /** Zeros (false for bool) of {@code spec}'s type and shape. */
  public static HostArray zeros(TensorSpec spec) {
    int n = Math.toIntExact(spec.elements());
    Object values = switch (spec.dtype()) {
      case F32 -> new float[n];
      case I32 -> new int[n];
      case I64 -> new long[n];
      case BOOL -> new boolean[n];
      case U8 -> new byte[n];
    };
    return new HostArray(spec, values);
  }

  public static HostArray scalar(int v) {
    return new HostArray(TensorSpec.of(DType.I32), new int[] {v});
  }

  public static HostArray scalar(float v) {
    return new HostArray(TensorSpec.of(DType.F32), new float[] {v});
  }

  public static HostArray vector(long[] v) {
    int[] ints = new int[v.length];
    for (int i = 0; i < v.length; i++) {
      ints[i] = Math.toIntExact(v[i]);
    }
    return new HostArray(TensorSpec.of(DType.I32, v.length), ints);
  }
}
