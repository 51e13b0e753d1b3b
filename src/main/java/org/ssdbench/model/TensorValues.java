package org.ssdbench.model;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import org.tensorflow.proto.DataType;
import org.tensorflow.proto.TensorProto;
import org.tensorflow.proto.TensorShapeProto;

/**
 * Reads the values of a {@code Const}'s TensorProto the way TF writes them: little-endian {@code tensor_content}, or the
 * typed value lists, where one value stands for a whole tensor of that value (a splat) and fills its shape.
 */
public final class TensorValues {
  private TensorValues() {}

  /** Number of elements, from the shape (1 for a scalar). */
  public static long elementCount(TensorProto t) {
    long n = 1;
    for (TensorShapeProto.Dim d : t.getTensorShape().getDimList()) {
      n *= d.getSize();
    }
    return n;
  }

  /** Whether {@link #floats} reads this tensor's dtype: DT_FLOAT, DT_INT32 or DT_INT64. */
  public static boolean isNumeric(TensorProto t) {
    return t.getDtype() == DataType.DT_FLOAT || isInteger(t);
  }

  /** Whether {@link #longs} reads this tensor's dtype: DT_INT32 or DT_INT64. */
  public static boolean isInteger(TensorProto t) {
    return t.getDtype() == DataType.DT_INT32 || t.getDtype() == DataType.DT_INT64;
  }

  /**
   * The values as floats, row-major, one per element of the shape.
   *
   * @throws IllegalArgumentException for a dtype other than DT_FLOAT, DT_INT32 or DT_INT64
   */
  public static float[] floats(TensorProto t) {
    float[] out = new float[(int) elementCount(t)];
    if (t.getDtype() == DataType.DT_FLOAT) {
      if (!t.getTensorContent().isEmpty()) {
        content(t).asFloatBuffer().get(out);
      } else {
        for (int i = 0; i < out.length; i++) {
          out[i] = t.getFloatValCount() == 0 ? 0f : t.getFloatVal(Math.min(i, t.getFloatValCount() - 1));
        }
      }
      return out;
    }
    long[] integers = longs(t);
    for (int i = 0; i < out.length; i++) {
      out[i] = integers[i];
    }
    return out;
  }

  /**
   * The values of an integer tensor, row-major, one per element of the shape.
   *
   * @throws IllegalArgumentException for a dtype other than DT_INT32 or DT_INT64
   */
  public static long[] longs(TensorProto t) {
    long[] out = new long[(int) elementCount(t)];
    ByteBuffer content = t.getTensorContent().isEmpty() ? null : content(t);
    switch (t.getDtype()) {
      case DT_INT32 -> {
        for (int i = 0; i < out.length; i++) {
          out[i] = content != null ? content.getInt(i * Integer.BYTES) : splat(t.getIntValCount(), i, t::getIntVal);
        }
      }
      case DT_INT64 -> {
        for (int i = 0; i < out.length; i++) {
          out[i] = content != null ? content.getLong(i * Long.BYTES) : splat(t.getInt64ValCount(), i, t::getInt64Val);
        }
      }
      default -> throw new IllegalArgumentException(
          "tensor has dtype %s; expected DT_INT32 or DT_INT64".formatted(t.getDtype()));
    }
    return out;
  }

  private interface IndexedLong {
    long get(int i);
  }

  /** TF stores a splat as one value; the last value given repeats to fill. */
  private static long splat(int count, int i, IndexedLong value) {
    return count == 0 ? 0 : value.get(Math.min(i, count - 1));
  }

  private static ByteBuffer content(TensorProto t) {
    return t.getTensorContent().asReadOnlyByteBuffer().order(ByteOrder.LITTLE_ENDIAN);
  }
}
