package org.ssdbench.engine.trt.profile;

import static org.bytedeco.cuda.global.cupti.CUPTI_ACTIVITY_FLAG_FLUSH_FORCED;
import static org.bytedeco.cuda.global.cupti.CUPTI_ACTIVITY_KIND_CONCURRENT_KERNEL;
import static org.bytedeco.cuda.global.cupti.CUPTI_ACTIVITY_KIND_MEMCPY;
import static org.bytedeco.cuda.global.cupti.CUPTI_ACTIVITY_KIND_MEMSET;
import static org.bytedeco.cuda.global.cupti.CUPTI_API_VERSION;
import static org.bytedeco.cuda.global.cupti.CUPTI_SUCCESS;
import static org.bytedeco.cuda.global.cupti.cuptiActivityDisable;
import static org.bytedeco.cuda.global.cupti.cuptiActivityEnable;
import static org.bytedeco.cuda.global.cupti.cuptiActivityFlushAll;
import static org.bytedeco.cuda.global.cupti.cuptiActivityGetNumDroppedRecords;
import static org.bytedeco.cuda.global.cupti.cuptiActivityRegisterCallbacks;
import static org.bytedeco.cuda.global.cupti.cuptiGetResultString;
import static org.bytedeco.cuda.global.cupti.cuptiGetTimestamp;
import static org.bytedeco.cuda.global.cupti.cuptiGetVersion;

import java.util.ArrayList;
import java.util.List;
import org.bytedeco.cuda.cudart.CUctx_st;
import org.bytedeco.cuda.cupti.CUpti_BuffersCallbackCompleteFunc;
import org.bytedeco.cuda.cupti.CUpti_BuffersCallbackRequestFunc;
import org.bytedeco.javacpp.BytePointer;
import org.bytedeco.javacpp.Pointer;
import org.bytedeco.javacpp.PointerPointer;
import org.bytedeco.javacpp.SizeTPointer;

/**
 * A CUPTI activity trace of kernels, copies and fills, from {@link #start()} to {@link #stop()}, as plain
 * {@link GpuActivity} records. CUPTI takes one pair of buffer callbacks per process, for good: they are registered
 * once, held in static fields for the life of the process, and hand their records to the one open trace.
 *
 * <pre>{@code
 * try (CuptiTrace trace = CuptiTrace.start()) {
 *   long from = trace.timestampNs();
 *   engine.infer();
 *   long to = trace.timestampNs();
 *   List<GpuActivity> work = CuptiTrace.within(trace.stop(), from, to);
 * }
 * }</pre>
 *
 * <p>Only one trace is open at a time per process; close() disables the activity kinds again. Not for a JVM in which
 * TensorFlow traces (it registers its own CUPTI callbacks): the profile runs in a JVM of its own.
 */
public final class CuptiTrace implements AutoCloseable {
  /** Per buffer CUPTI asks for; about 50,000 kernel records. */
  static final long BUFFER_BYTES = 8L << 20;
  private static final int[] KINDS = {CUPTI_ACTIVITY_KIND_CONCURRENT_KERNEL, CUPTI_ACTIVITY_KIND_MEMCPY,
      CUPTI_ACTIVITY_KIND_MEMSET};
  private static final Object LOCK = new Object();
  /** Registered once; CUPTI may call them until the process ends, so they are never released. */
  private static RequestBuffer request;
  private static CompleteBuffer complete;
  private static CuptiTrace open;

  private final List<GpuActivity> records = new ArrayList<>();
  private long dropped;
  private Throwable callbackFailure;
  private boolean stopped;

  private CuptiTrace() {}

  /** Enables the activity kinds (registering the callbacks on first use). */
  public static CuptiTrace start() {
    synchronized (LOCK) {
      if (open != null) {
        throw new IllegalStateException("a CuptiTrace is already open: CUPTI traces one at a time per process");
      }
      if (request == null) {
        checkVersion();
        RequestBuffer r = new RequestBuffer();
        CompleteBuffer c = new CompleteBuffer();
        check(cuptiActivityRegisterCallbacks(r, c), "cuptiActivityRegisterCallbacks");
        request = r;
        complete = c;
      }
      CuptiTrace trace = new CuptiTrace();
      int enabled = 0;
      try {
        for (int kind : KINDS) {
          check(cuptiActivityEnable(kind), "cuptiActivityEnable(" + kind + ")");
          enabled++;
        }
      } catch (RuntimeException e) {
        for (int i = 0; i < enabled; i++) {
          cuptiActivityDisable(KINDS[i]);
        }
        throw e;
      }
      open = trace;
      return trace;
    }
  }

  /** Records from a CUPTI of another API version than these bindings' may have another layout. */
  private static void checkVersion() {
    int[] version = new int[1];
    check(cuptiGetVersion(version), "cuptiGetVersion");
    if (version[0] != CUPTI_API_VERSION) {
      throw new IllegalStateException(("libcupti has API version %d, the Java bindings were made for %d: its activity"
          + " records may have another layout; put the CUPTI of the bindings' CUDA first on the library path")
          .formatted(version[0], CUPTI_API_VERSION));
    }
  }

  /** CUPTI's clock, the one the records' start and end use. */
  public long timestampNs() {
    ensureRunning();
    long[] ns = new long[1];
    check(cuptiGetTimestamp(ns), "cuptiGetTimestamp");
    return ns[0];
  }

  /**
   * Flushes every buffer (the GPU work must be finished: synchronize first), disables the kinds, and returns every
   * record since {@link #start()}.
   *
   * @throws IllegalStateException when CUPTI dropped records or a callback failed: the trace is incomplete
   */
  public List<GpuActivity> stop() {
    ensureRunning();
    try {
      check(cuptiActivityFlushAll(CUPTI_ACTIVITY_FLAG_FLUSH_FORCED), "cuptiActivityFlushAll");
    } finally {
      disable();
    }
    synchronized (LOCK) {
      if (callbackFailure != null) {
        throw new IllegalStateException("reading a CUPTI buffer failed: " + callbackFailure, callbackFailure);
      }
      if (dropped > 0) {
        throw new IllegalStateException("CUPTI dropped " + dropped + " activity records: the trace is incomplete");
      }
      return List.copyOf(records);
    }
  }

  /** The records that lie wholly in [{@code fromNs}, {@code toNs}]. */
  public static List<GpuActivity> within(List<GpuActivity> records, long fromNs, long toNs) {
    return records.stream().filter(r -> r.startNs() >= fromNs && r.endNs() <= toNs).toList();
  }

  private void ensureRunning() {
    if (stopped) {
      throw new IllegalStateException("CuptiTrace cannot be used after stop() or close()");
    }
  }

  private void disable() {
    stopped = true;
    RuntimeException first = null;
    for (int kind : KINDS) {
      try {
        check(cuptiActivityDisable(kind), "cuptiActivityDisable(" + kind + ")");
      } catch (RuntimeException e) {
        first = first == null ? e : first;
      }
    }
    synchronized (LOCK) {
      open = null;
    }
    if (first != null) {
      throw first;
    }
  }

  /** Disables the kinds if {@link #stop()} did not; records still in CUPTI's buffers are dropped. */
  @Override
  public void close() {
    if (!stopped) {
      disable();
    }
  }

  static void check(int status, String call) {
    if (status != CUPTI_SUCCESS) {
      throw new IllegalStateException("%s failed: %s (CUptiResult %d)".formatted(call, resultString(status), status));
    }
  }

  private static String resultString(int status) {
    try (PointerPointer<BytePointer> text = new PointerPointer<>(1L)) {
      text.put(0, (Pointer) null);
      if (cuptiGetResultString(status, text) != CUPTI_SUCCESS || text.get(0) == null || text.get(0).isNull()) {
        return "unknown CUPTI error";
      }
      return text.getString(0);
    }
  }

  /** Gives CUPTI a fresh {@link #BUFFER_BYTES} buffer; the complete callback frees it. */
  private static final class RequestBuffer extends CUpti_BuffersCallbackRequestFunc {
    @Override
    public void call(PointerPointer buffer, SizeTPointer size, SizeTPointer maxNumRecords) {
      Pointer memory = Pointer.malloc(BUFFER_BYTES); // malloc aligns to 16 bytes; CUPTI needs 8
      boolean ok = memory != null && !memory.isNull();
      buffer.put(0, ok ? memory : null); // a null buffer makes CUPTI drop the records, which stop() reports
      size.put(0, ok ? BUFFER_BYTES : 0);
      maxNumRecords.put(0, 0); // as many as fit
    }
  }

  /** Copies a full buffer's records to the open trace, counts what CUPTI dropped, and frees the buffer. */
  private static final class CompleteBuffer extends CUpti_BuffersCallbackCompleteFunc {
    @Override
    public void call(CUctx_st ctx, int streamId, BytePointer buffer, long size, long validSize) {
      if (buffer == null || buffer.isNull()) {
        return;
      }
      try {
        List<GpuActivity> read = validSize > 0 ? CuptiRecords.read(buffer, validSize) : List.of();
        long lost = droppedRecords(ctx, streamId);
        synchronized (LOCK) {
          if (open != null) {
            open.records.addAll(read);
            open.dropped += lost;
          }
        }
      } catch (Throwable t) { // an exception must not unwind into CUPTI's thread
        synchronized (LOCK) {
          if (open != null && open.callbackFailure == null) {
            open.callbackFailure = t;
          }
        }
      } finally {
        Pointer.free(buffer);
      }
    }

    private static long droppedRecords(CUctx_st ctx, int streamId) {
      try (SizeTPointer n = new SizeTPointer(1)) {
        n.put(0, 0);
        check(cuptiActivityGetNumDroppedRecords(ctx, streamId, n), "cuptiActivityGetNumDroppedRecords");
        return n.get(0);
      }
    }
  }
}
