package org.ssdbench.engine.trt.profile;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.commons.csv.CSVRecord;
import org.ssdbench.io.LockedCsv;

/**
 * One traced inference's kernels put on the engine's layers, from {@link LayerCapture}'s two files. TensorRT runs the
 * layers in the inspector's order, and the inspector names the tactic of each layer that runs a library kernel
 * (convolutions, GEMMs): that kernel's name starts with it ({@code sm80_xmma_gemm_..._tensor16x8x16} launches {@code
 * sm80_xmma_gemm_..._tensor16x8x16_execute_kernel_trt}). Each such layer takes the first kernel at or after the previous
 * layer's whose name starts with its tactic; layers without a tactic name (reformats, generated pointwise kernels,
 * plugins) cannot be told apart by name, so their kernels, and copies and fills, are summed by {@link KernelKind}. A
 * tactic found nowhere after the previous layer's kernel means the order does not hold: then no layer gets a time.
 */
public final class LayerTimes {
  /** One layer of the inspector's list: its name, type and tactic (null where the list does not say). */
  public record Layer(String name, String type, String tactic) {
    /** Whether the layer names the library kernel it launches (not a bare tactic number such as 0x3e8). */
    boolean namesItsKernel() {
      return tactic != null && !tactic.isBlank() && !tactic.startsWith("0x");
    }
  }

  /** One piece of GPU work of the traced inference, in launch order. */
  public record Launch(GpuActivity.Type type, String name, long durationNs) {}

  /** A layer with the kernel it launched and that kernel's time in the traced inference. */
  public record LayerTime(Layer layer, String kernel, double micros) {}

  /**
   * The mapping of one engine: its timed layers in order, the rest of the inference's work by kind, and the kernel
   * and copy totals they add up to; or why no layer got a time.
   *
   * @param layerCount how many layers the inspector listed
   */
  public record Mapping(List<LayerTime> layers, Map<KernelKind, Double> otherByKind, double totalMicros, int layerCount,
      Optional<String> failure) {
    /** The time on named layers. */
    public double layerMicros() {
      return layers.stream().mapToDouble(LayerTime::micros).sum();
    }

    static Mapping failed(int layerCount, String why) {
      return new Mapping(List.of(), Map.of(), 0, layerCount, Optional.of(why));
    }
  }

  private static final ObjectMapper JSON = new ObjectMapper();

  private LayerTimes() {}

  /** The files {@link LayerCapture} wrote for one engine, mapped; empty when either is missing. */
  public static Optional<Mapping> read(Path layersJson, Path sequenceCsv) throws IOException {
    if (!Files.isRegularFile(layersJson) || !Files.isRegularFile(sequenceCsv)) {
      return Optional.empty();
    }
    return Optional.of(map(layers(Files.readString(layersJson), layersJson), launches(sequenceCsv)));
  }

  /**
   * The inspector's layers ({@code {"Layers": [...]}}); a layer given only by its name (an engine built without detailed
   * profiling verbosity) has no type or tactic.
   *
   * @throws IOException naming {@code source} when it is no such list
   */
  static List<Layer> layers(String inspectorJson, Path source) throws IOException {
    JsonNode root;
    try {
      root = JSON.readTree(inspectorJson);
    } catch (IOException e) {
      throw new IOException(source + ": not the engine inspector's JSON (" + e.getMessage() + ")", e);
    }
    JsonNode list = root == null ? null : root.get("Layers");
    if (list == null || !list.isArray()) {
      throw new IOException(source + ": no \"Layers\" list; expected the engine inspector's JSON");
    }
    List<Layer> layers = new ArrayList<>();
    for (JsonNode node : list) {
      if (node.isTextual()) {
        layers.add(new Layer(node.asText(), null, null));
      } else {
        layers.add(new Layer(node.path("Name").asText(""), text(node, "LayerType"), text(node, "TacticName")));
      }
    }
    return layers;
  }

  private static String text(JsonNode node, String field) {
    JsonNode v = node.get(field);
    return v == null || v.isNull() ? null : v.asText();
  }

  static List<Launch> launches(Path sequence) throws IOException {
    List<Launch> launches = new ArrayList<>();
    for (CSVRecord r : LockedCsv.records(sequence, LayerCapture.SEQUENCE_HEADER)) {
      try {
        launches.add(new Launch(GpuActivity.Type.valueOf(r.get("type")), r.get("name"),
            Long.parseLong(r.get("duration_ns"))));
      } catch (IllegalArgumentException e) {
        throw new IOException("%s line %d: %s".formatted(sequence, r.getRecordNumber() + 1, e.getMessage()), e);
      }
    }
    return launches;
  }

  /** Puts {@code launches} on {@code layers} as the class comment says. */
  static Mapping map(List<Layer> layers, List<Launch> launches) {
    if (layers.stream().noneMatch(Layer::namesItsKernel)) {
      return Mapping.failed(layers.size(), "the engine's layer list names no kernel tactics (an engine built without"
          + " detailed profiling verbosity, or one with no library kernels)");
    }
    boolean[] taken = new boolean[launches.size()];
    List<LayerTime> timed = new ArrayList<>();
    int next = 0;
    for (Layer layer : layers) {
      if (!layer.namesItsKernel()) {
        continue;
      }
      int found = -1;
      for (int i = next; i < launches.size() && found < 0; i++) {
        Launch l = launches.get(i);
        if (l.type() == GpuActivity.Type.KERNEL && l.name().startsWith(layer.tactic())) {
          found = i;
        }
      }
      if (found < 0) {
        return Mapping.failed(layers.size(), "layer '%s' names tactic %s, but no kernel of that name was launched after"
            .formatted(layer.name(), layer.tactic()) + " the previous layer's: the launch order does not follow the list");
      }
      taken[found] = true;
      timed.add(new LayerTime(layer, launches.get(found).name(), launches.get(found).durationNs() / 1000.0));
      next = found + 1;
    }
    Map<KernelKind, Double> other = new EnumMap<>(KernelKind.class);
    double total = 0;
    for (int i = 0; i < launches.size(); i++) {
      Launch l = launches.get(i);
      double micros = l.durationNs() / 1000.0;
      total += micros;
      if (!taken[i]) {
        other.merge(KernelKind.of(l.name()), micros, Double::sum);
      }
    }
    return new Mapping(List.copyOf(timed), other, total, layers.size(), Optional.empty());
  }
}
