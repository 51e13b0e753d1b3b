package org.ssdbench.ops;

import java.util.Arrays;
import java.util.stream.Collectors;
import org.tensorflow.proto.DataType;

/** The tensor element types the benchmarked ops see, with the short names used in signature ids. */
public enum DType {
  F32("f32", DataType.DT_FLOAT, 4),
  I32("i32", DataType.DT_INT32, 4),
  I64("i64", DataType.DT_INT64, 8),
  BOOL("bool", DataType.DT_BOOL, 1),
  U8("u8", DataType.DT_UINT8, 1);

  private final String token;
  private final DataType proto;
  private final int bytes;

  DType(String token, DataType proto, int bytes) {
    this.token = token;
    this.proto = proto;
    this.bytes = bytes;
  }

  /** The name in signature ids, e.g. {@code i32}. */
  public String token() {
    return token;
  }

  public DataType proto() {
    return proto;
  }

  public int bytes() {
    return bytes;
  }

  public static DType of(DataType type) {
    for (DType d : values()) {
      if (d.proto == type) {
        return d;
      }
    }
    throw new IllegalArgumentException(
        "Unsupported tensor type %s; supported: %s".formatted(type, Arrays.stream(values()).map(d -> d.proto.name()).toList()));
  }

  public static DType ofToken(String token) {
    for (DType d : values()) {
      if (d.token.equals(token)) {
        return d;
      }
    }
    throw new IllegalArgumentException("Unknown element type '%s'; valid: %s"
        .formatted(token, Arrays.stream(values()).map(DType::token).collect(Collectors.joining(", "))));
  }
}
