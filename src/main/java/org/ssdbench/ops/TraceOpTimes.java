package org.ssdbench.ops;

import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;

/**
 * Time per op type in one end-to-end traced run, read from {@code traces/<config>.ops.csv} (columns op_type, lane, count,
 * total_us). Lanes "CPU", "GPU kernel" and "copy" are summed; "GPU launch" and "GPU stream" would count GPU ops twice.
 * Op types TF renamed when it rewrote the graph (oneDNN's {@code _MklNativeConv2DWithBias}, Grappler's {@code
 * _FusedConv2D}) are counted under the op they replace.
 *
 * @param micros per (normalised) op type, each &ge; 0
 * @param totalMicros everything counted, the denominator of shares: the sum of {@code micros}, so no share exceeds 1
 */
public record TraceOpTimes(String config, Map<String, Double> micros, double totalMicros) {
  private static final Set<String> COUNTED = Set.of("CPU", "GPU kernel", "copy");

  public TraceOpTimes {
    micros = Map.copyOf(micros);
  }

  /** The table of {@code config} in a run folder's traces, if the file is there. */
  public static Optional<TraceOpTimes> read(Path opsCsv, String config) throws IOException {
    if (!Files.isRegularFile(opsCsv)) {
      return Optional.empty();
    }
    Map<String, Double> micros = new HashMap<>();
    double total = 0;
    try (Reader in = Files.newBufferedReader(opsCsv)) {
      for (CSVRecord r : CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).get().parse(in)) {
        if (!r.isMapped("op_type") || !r.isMapped("lane") || !r.isMapped("total_us")) {
          throw new IOException("%s needs columns op_type, lane, count, total_us; has %s".formatted(opsCsv, r.getParser().getHeaderNames()));
        }
        if (!COUNTED.contains(r.get("lane"))) {
          continue;
        }
        double us = Double.parseDouble(r.get("total_us"));
        if (!(us >= 0) || Double.isInfinite(us)) {
          throw new IOException("%s line %d: total_us of %s must be a time >= 0, got %s"
              .formatted(opsCsv, r.getRecordNumber() + 1, r.get("op_type"), r.get("total_us")));
        }
        micros.merge(normalise(r.get("op_type")), us, Double::sum);
        total += us;
      }
    }
    return Optional.of(new TraceOpTimes(config, micros, total));
  }

  public double micros(String opType) {
    return micros.getOrDefault(opType, 0.0);
  }

  /** The op type's part of the traced total, in [0, 1]: one of the non-negative terms of the total over the total. */
  public double share(String opType) {
    return totalMicros == 0 ? Double.NaN : micros(opType) / totalMicros;
  }

  /** {@code _MklNativeFusedConv2D}, {@code _FusedConv2D}, {@code _MklNativeConv2DWithBias} -> {@code Conv2D}. */
  static String normalise(String opType) {
    String s = opType;
    for (String prefix : new String[] {"_MklNative", "_Mkl", "_Fused", "Fused"}) {
      if (s.startsWith(prefix) && s.length() > prefix.length()) {
        s = s.substring(prefix.length());
      }
    }
    if (s.endsWith("WithBias")) {
      s = s.substring(0, s.length() - "WithBias".length());
    }
    return s;
  }
}
