package org.ssdbench.results.trace;

import java.io.IOException;
import java.io.Writer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

/**
 * Time per op type and lane in one traced run: the table the article read off the bottom of chrome://tracing. Only lanes
 * that do not double count ({@link Lane#counted()}) are summed; GPU launches are kept as their own rows for reference.
 */
public record OpTable(String config, List<Row> rows, long hostToDevice, long deviceToHost, double wallMicros) {
  public static final String[] HEADER = {"op_type", "lane", "count", "total_us"};

  /** One op type on one lane. */
  public record Row(String opType, Lane lane, int count, double totalMicros) {}

  public static OpTable of(String config, List<TraceEvent> events) {
    Map<String, double[]> sums = new LinkedHashMap<>();
    Map<String, Lane> lanes = new LinkedHashMap<>();
    long h2d = 0;
    long d2h = 0;
    double end = 0;
    for (TraceEvent e : events) {
      end = Math.max(end, e.startMicros() + e.durationMicros());
      if (e.lane() == Lane.GPU_STREAM) {
        continue;
      }
      if (e.lane() == Lane.COPY) {
        if (e.isHostToDevice()) {
          h2d++;
        } else if (e.isDeviceToHost()) {
          d2h++;
        }
      }
      String key = e.opType() + "\u0000" + e.lane();
      lanes.putIfAbsent(key, e.lane());
      double[] sum = sums.computeIfAbsent(key, k -> new double[2]);
      sum[0]++;
      sum[1] += e.durationMicros();
    }
    List<Row> rows = new ArrayList<>();
    sums.forEach((key, sum) -> rows.add(new Row(key.substring(0, key.indexOf('\u0000')), lanes.get(key), (int) sum[0], sum[1])));
    rows.sort(Comparator.comparingDouble(Row::totalMicros).reversed());
    return new OpTable(config, List.copyOf(rows), h2d, d2h, end);
  }

  /** The {@code n} op types with most time on lanes that count, in descending order. */
  public List<Row> top(int n) {
    return rows.stream().filter(r -> r.lane().counted()).limit(n).toList();
  }

  public void writeCsv(Path file) throws IOException {
    Files.createDirectories(file.toAbsolutePath().getParent());
    try (Writer w = Files.newBufferedWriter(file);
        CSVPrinter csv = CSVFormat.DEFAULT.builder().setHeader(HEADER).get().print(w)) {
      for (Row r : rows) {
        csv.printRecord(r.opType(), r.lane().label(), r.count(), "%.1f".formatted(r.totalMicros()));
      }
    }
  }
}
