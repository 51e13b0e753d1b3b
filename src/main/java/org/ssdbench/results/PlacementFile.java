package org.ssdbench.results;

import java.io.IOException;
import java.io.Writer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.TreeSet;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

/** Writes {@code placement.csv}: config, device, nodes, transfers (the _Send/_Recv nodes TF added on that device). */
public final class PlacementFile {
  public static final String[] HEADER = {"config", "device", "nodes", "transfers"};

  private PlacementFile() {}

  public static void write(List<PlacementCounts> counts, Path file) throws IOException {
    try (Writer w = Files.newBufferedWriter(file);
        CSVPrinter csv = CSVFormat.DEFAULT.builder().setHeader(HEADER).get().print(w)) {
      for (PlacementCounts c : counts) {
        TreeSet<String> devices = new TreeSet<>(c.nodesByDevice().keySet());
        devices.addAll(c.transfersByDevice().keySet());
        for (String device : devices) {
          csv.printRecord(c.config(), device, c.nodesOn(device), c.transfersByDevice().getOrDefault(device, 0));
        }
      }
    }
  }
}
