package org.ssdbench.model;

import com.google.protobuf.UnsafeByteOperations;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import org.tensorflow.proto.DataType;
import org.tensorflow.proto.TensorProto;
import org.tensorflow.proto.TensorShapeProto;

/**
 * TensorProto values for {@code Const} nodes. Scalars use the typed value lists; arrays use little-endian
 * {@code tensor_content}, as TF writes them.
 */
final class ConstTensors {
  private ConstTensors() {}

  static TensorShapeProto shape(long... dims) {
    TensorShapeProto.Builder b = TensorShapeProto.newBuilder();
    for (long d : dims) {
      b.addDim(TensorShapeProto.Dim.newBuilder().setSize(d));
    }
    return b.build();
  }

  static TensorShapeProto unknownRank() {
    return TensorShapeProto.newBuilder().setUnknownRank(true).build();
  }

  static TensorProto floats(float[] values, long... dims) {
    checkCount(values.length, dims);
    TensorProto.Builder b = TensorProto.newBuilder().setDtype(DataType.DT_FLOAT).setTensorShape(shape(dims));
    if (dims.length == 0) {
      return b.addFloatVal(values[0]).build();
    }
    ByteBuffer buf = ByteBuffer.allocate(values.length * Float.BYTES).order(ByteOrder.LITTLE_ENDIAN);
    buf.asFloatBuffer().put(values);
    return b.setTensorContent(UnsafeByteOperations.unsafeWrap(buf.array())).build();
  }

  static TensorProto ints(int[] values, long... dims) {
    checkCount(values.length, dims);
    TensorProto.Builder b = TensorProto.newBuilder().setDtype(DataType.DT_INT32).setTensorShape(shape(dims));
    if (dims.length == 0) {
      return b.addIntVal(values[0]).build();
    }
    ByteBuffer buf = ByteBuffer.allocate(values.length * Integer.BYTES).order(ByteOrder.LITTLE_ENDIAN);
    buf.asIntBuffer().put(values);
    return b.setTensorContent(UnsafeByteOperations.unsafeWrap(buf.array())).build();
  }

  static TensorProto strings(String value) {
    return TensorProto.newBuilder()
        .setDtype(DataType.DT_STRING)
        .setTensorShape(shape())
        .addStringVal(com.google.protobuf.ByteString.copyFromUtf8(value))
        .build();
  }

  private static void checkCount(int count, long[] dims) {
    long n = 1;
    for (long d : dims) {
      n *= d;
    }
    if (n != count) {
      throw new IllegalArgumentException(
          "constant has %d values but shape %s needs %d".formatted(count, java.util.Arrays.toString(dims), n));
    }
  }
}
