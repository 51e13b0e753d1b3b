package org.ssdbench.engine.trt;

/**
 * Base of the single owners of native objects: {@link #close()} is idempotent and frees once; using the object after
 * close throws {@link IllegalStateException} naming the object.
 */
abstract class NativeResource implements AutoCloseable {
  private final String what;
  private boolean closed;

  NativeResource(String what) {
    this.what = what;
  }

  final void ensureOpen() {
    if (closed) {
      throw new IllegalStateException(what + " cannot be used after close()");
    }
  }

  public final boolean isClosed() {
    return closed;
  }

  @Override
  public final void close() {
    if (!closed) {
      closed = true;
      release();
    }
  }

  /** Frees the native object; called once. */
  abstract void release();

  @Override
  public String toString() {
    return what + (closed ? " (closed)" : "");
  }
}
