package org.ssdbench.engine.trt.profile;

import static org.bytedeco.cuda.global.cupti.CUPTI_ACTIVITY_KIND_CONCURRENT_KERNEL;
import static org.bytedeco.cuda.global.cupti.CUPTI_ACTIVITY_KIND_KERNEL;
import static org.bytedeco.cuda.global.cupti.CUPTI_ACTIVITY_KIND_MEMCPY;
import static org.bytedeco.cuda.global.cupti.CUPTI_ACTIVITY_KIND_MEMSET;
import static org.bytedeco.cuda.global.cupti.CUPTI_ACTIVITY_MEMCPY_KIND_DTOD;
import static org.bytedeco.cuda.global.cupti.CUPTI_ACTIVITY_MEMCPY_KIND_DTOH;
import static org.bytedeco.cuda.global.cupti.CUPTI_ACTIVITY_MEMCPY_KIND_HTOD;
import static org.bytedeco.cuda.global.cupti.CUPTI_ACTIVITY_MEMCPY_KIND_HTOH;
import static org.bytedeco.cuda.global.cupti.CUPTI_ERROR_MAX_LIMIT_REACHED;
import static org.bytedeco.cuda.global.cupti.cuptiActivityGetNextRecord;

import java.util.ArrayList;
import java.util.List;
import org.bytedeco.cuda.cupti.CUpti_Activity;
import org.bytedeco.cuda.cupti.CUpti_ActivityKernel9;
import org.bytedeco.cuda.cupti.CUpti_ActivityMemcpy5;
import org.bytedeco.cuda.cupti.CUpti_ActivityMemset4;
import org.bytedeco.javacpp.BytePointer;
import org.bytedeco.javacpp.Pointer;
import org.bytedeco.javacpp.PointerPointer;

/** Reads one completed CUPTI buffer into {@link GpuActivity} records; other record kinds are skipped. */
final class CuptiRecords {
  private CuptiRecords() {}

  static List<GpuActivity> read(BytePointer buffer, long validSize) {
    List<GpuActivity> out = new ArrayList<>();
    // CUPTI's cursor: null asks for the first record, then CUPTI advances it in place
    try (PointerPointer<CUpti_Activity> cursor = new PointerPointer<>(1L)) {
      cursor.put(0, (Pointer) null);
      while (true) {
        int status = cuptiActivityGetNextRecord(buffer, validSize, cursor);
        if (status == CUPTI_ERROR_MAX_LIMIT_REACHED) {
          return out; // no more records in this buffer
        }
        CuptiTrace.check(status, "cuptiActivityGetNextRecord");
        CUpti_Activity record = cursor.get(CUpti_Activity.class, 0);
        GpuActivity activity = copy(record);
        if (activity != null) {
          out.add(activity);
        }
      }
    }
  }

  private static GpuActivity copy(CUpti_Activity record) {
    int kind = record.kind();
    if (kind == CUPTI_ACTIVITY_KIND_CONCURRENT_KERNEL || kind == CUPTI_ACTIVITY_KIND_KERNEL) {
      CUpti_ActivityKernel9 k = new CUpti_ActivityKernel9(record);
      BytePointer name = k.name();
      return new GpuActivity(GpuActivity.Type.KERNEL, name == null || name.isNull() ? "(unnamed kernel)"
          : name.getString(), k.start(), k.end(), 0);
    }
    if (kind == CUPTI_ACTIVITY_KIND_MEMCPY) {
      CUpti_ActivityMemcpy5 m = new CUpti_ActivityMemcpy5(record);
      return new GpuActivity(GpuActivity.Type.MEMCPY, copyName(m.copyKind()), m.start(), m.end(), m.bytes());
    }
    if (kind == CUPTI_ACTIVITY_KIND_MEMSET) {
      CUpti_ActivityMemset4 m = new CUpti_ActivityMemset4(record);
      return new GpuActivity(GpuActivity.Type.MEMSET, KernelKind.MEMSET_NAME, m.start(), m.end(), m.bytes());
    }
    return null;
  }

  static String copyName(int copyKind) {
    if (copyKind == CUPTI_ACTIVITY_MEMCPY_KIND_HTOD) {
      return KernelKind.MEMCPY_HTOD_NAME;
    }
    if (copyKind == CUPTI_ACTIVITY_MEMCPY_KIND_DTOH) {
      return KernelKind.MEMCPY_DTOH_NAME;
    }
    if (copyKind == CUPTI_ACTIVITY_MEMCPY_KIND_DTOD) {
      return KernelKind.MEMCPY_PREFIX + "DtoD";
    }
    if (copyKind == CUPTI_ACTIVITY_MEMCPY_KIND_HTOH) {
      return KernelKind.MEMCPY_PREFIX + "HtoH";
    }
    return KernelKind.MEMCPY_PREFIX + "kind " + copyKind;
  }
}
