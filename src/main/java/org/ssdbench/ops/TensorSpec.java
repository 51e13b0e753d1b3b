package org.ssdbench.ops;

import java.util.Arrays;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * The shape and element type of one op input. In signature ids it reads {@code 1917x4} (float32), {@code 1917.i32},
 * {@code scalar.i32}; an unknown dimension is {@code ?} (such a signature can be listed but not benchmarked).
 *
 * @param dims the dimensions, empty for a scalar; -1 for a dimension that is not known
 */
public record TensorSpec(DType dtype, long[] dims) {
  private static final Pattern TOKEN = Pattern.compile("^(scalar|(?:[0-9?]+x)*[0-9?]+)(?:\\.([a-z0-9]+))?$");

  public TensorSpec {
    Objects.requireNonNull(dtype, "dtype");
    dims = dims.clone();
    for (long d : dims) {
      if (d < -1) {
        throw new IllegalArgumentException("dimension must be >= 0 or -1 (unknown): " + Arrays.toString(dims));
      }
    }
  }

  public static TensorSpec of(DType dtype, long... dims) {
    return new TensorSpec(dtype, dims);
  }

  @Override
  public long[] dims() {
    return dims.clone();
  }

  public int rank() {
    return dims.length;
  }

  public long dim(int i) {
    return dims[i];
  }

  /** Whether every dimension is known. */
  public boolean isFullyDefined() {
    return Arrays.stream(dims).allMatch(d -> d >= 0);
  }

  /** The number of elements; -1 if a dimension is unknown. */
  public long elements() {
    long n = 1;
    for (long d : dims) {
      if (d < 0) {
        return -1;
      }
      n *= d;
    }
    return n;
  }

  public String token() {
    String shape = dims.length == 0 ? "scalar" : dimsToken(dims);
    return dtype == DType.F32 ? shape : shape + "." + dtype.token();
  }

  /** {@code 1917x4}; {@code scalar} for rank 0. */
  public static String dimsToken(long[] dims) {
    if (dims.length == 0) {
      return "scalar";
    }
    return Arrays.stream(dims).mapToObj(d -> d < 0 ? "?" : Long.toString(d)).collect(Collectors.joining("x"));
  }

  public static long[] parseDims(String token) {
    if (token.equals("scalar")) {
      return new long[0];
    }
    return Arrays.stream(token.split("x")).mapToLong(d -> d.equals("?") ? -1 : Long.parseLong(d)).toArray();
  }

  public static TensorSpec parse(String token) {
    Matcher m = TOKEN.matcher(token);
    if (!m.matches()) {
      throw new IllegalArgumentException(
          "Bad tensor token '%s'; expected dims joined by 'x' (or 'scalar') and an optional .type, e.g. 1917x4, 1917.i32, scalar.f32"
              .formatted(token));
    }
    DType dtype = m.group(2) == null ? DType.F32 : DType.ofToken(m.group(2));
    return new TensorSpec(dtype, parseDims(m.group(1)));
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof TensorSpec t && t.dtype == dtype && Arrays.equals(t.dims, dims);
  }

  @Override
  public int hashCode() {
    return 31 * dtype.hashCode() + Arrays.hashCode(dims);
  }

  @Override
  public String toString() {
    return token();
  }
}
