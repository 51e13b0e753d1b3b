package org.ssdbench.engine.tf;

import static org.tensorflow.internal.c_api.global.tensorflow.*;

import java.util.ArrayList;
import java.util.List;
import org.bytedeco.javacpp.BytePointer;
import org.tensorflow.TensorFlow;
import org.tensorflow.internal.c_api.TF_DeviceList;
import org.tensorflow.internal.c_api.TF_Graph;
import org.tensorflow.internal.c_api.TF_Session;
import org.tensorflow.internal.c_api.TF_SessionOptions;
import org.tensorflow.internal.c_api.TF_Status;

/**
 * Lists the devices TF finds, through the C API's TF_SessionListDevices (TF Java has no wrapper for it). The answer is
 * computed once per JVM: TF creates its GPU devices once per process anyway.
 */
public final class TfDevices {
  private static List<TfDevice> cached;

  private TfDevices() {}

  /** Every device of a session with GPUs visible; on a machine or build without CUDA, only the CPU. */
  public static synchronized List<TfDevice> list() {
    if (cached == null) {
      cached = List.copyOf(query());
    }
    return cached;
  }

  public static boolean hasGpu() {
    return list().stream().anyMatch(TfDevice::isGpu);
  }

  /** Why GPU configurations cannot run here, or an empty string when they can. */
  public static String whyNoGpu() {
    if (hasGpu()) {
      return "";
    }
    return "TensorFlow found no GPU (devices: %s). Build with -Pgpu (TF's linux-x86_64-gpu native jar), make CUDA 12 libraries visible (system LD_LIBRARY_PATH, or -Predist) and check nvidia-smi."
        .formatted(list().stream().map(TfDevice::name).toList());
  }

  private static List<TfDevice> query() {
    CudaLibraries.preload();
    TensorFlow.version(); // loads the native library
    byte[] config = SessionSettings.gpu().toConfigProto().toByteArray();
    TF_Status status = TF_NewStatus();
    TF_Graph graph = TF_NewGraph();
    TF_SessionOptions options = TF_NewSessionOptions();
    TF_Session session = null;
    TF_DeviceList devices = null;
    try (BytePointer configBytes = new BytePointer(config)) {
      TF_SetConfig(options, configBytes, config.length, status);
      check(status, "TF_SetConfig");
      session = TF_NewSession(graph, options, status);
      check(status, "TF_NewSession");
      devices = TF_SessionListDevices(session, status);
      check(status, "TF_SessionListDevices");
      List<TfDevice> out = new ArrayList<>();
      for (int i = 0; i < TF_DeviceListCount(devices); i++) {
        String name = TF_DeviceListName(devices, i, status).getString();
        String type = TF_DeviceListType(devices, i, status).getString();
        long memory = TF_DeviceListMemoryBytes(devices, i, status);
        check(status, "TF_DeviceList entry " + i);
        out.add(new TfDevice(name, type, memory));
      }
      return out;
    } finally {
      if (devices != null) {
        TF_DeleteDeviceList(devices);
      }
      if (session != null) {
        TF_CloseSession(session, status);
        TF_DeleteSession(session, status);
      }
      TF_DeleteSessionOptions(options);
      TF_DeleteGraph(graph);
      TF_DeleteStatus(status);
    }
  }

  private static void check(TF_Status status, String what) {
    if (TF_GetCode(status) != TF_OK) {
      throw new IllegalStateException(what + " failed: " + TF_Message(status).getString());
    }
  }
}
