package org.ssdbench.results.trace;

import java.io.IOException;
import java.io.Writer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

/** Writes {@code traces/copies.csv}: per configuration, the copies one traced run made each way and its wall time. */
public final class CopiesFile {
  public static final String[] HEADER = {"config", "host_to_device", "device_to_host", "traced_wall_us"};

  private CopiesFile() {}

  public static void write(List<OpTable> tables, Path file) throws IOException {
    Files.createDirectories(file.toAbsolutePath().getParent());
    try (Writer w = Files.newBufferedWriter(file);
        CSVPrinter csv = CSVFormat.DEFAULT.builder().setHeader(HEADER).get().print(w)) {
      for (OpTable t : tables) {
        csv.printRecord(t.config(), t.hostToDevice(), t.deviceToHost(), "%.1f".formatted(t.wallMicros()));
      }
    }
  }
}
