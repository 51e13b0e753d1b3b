package org.ssdbench.results.trace;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.ssdbench.results.RunFolder;

/**
 * Rebuilds a run folder's op tables ({@code traces/<config>.ops.csv}) and {@code traces/copies.csv} from its Chrome
 * traces ({@code traces/<config>.trace.json}), for a run whose tables were written with op types a later suite reads
 * differently. The traces themselves are left as they are.
 */
public final class TraceTables {
  private static final String SUFFIX = ".trace.json";

  private TraceTables() {}

  /**
   * @return the op tables written, one per trace, in file-name order
   * @throws IOException if the folder has no traces, naming the folder, or a trace cannot be read
   */
  public static List<OpTable> rewrite(RunFolder folder) throws IOException {
    List<Path> traces;
    try (Stream<Path> files = Files.isDirectory(folder.traces()) ? Files.list(folder.traces()) : Stream.empty()) {
      traces = files.filter(p -> p.getFileName().toString().endsWith(SUFFIX)).sorted().toList();
    }
    if (traces.isEmpty()) {
      throw new IOException("No traces/*" + SUFFIX + " in " + folder.dir()
          + ": the op tables can only be rebuilt from the traces a run wrote");
    }
    List<OpTable> tables = new ArrayList<>();
    for (Path trace : traces) {
      String name = trace.getFileName().toString();
      String config = name.substring(0, name.length() - SUFFIX.length());
      OpTable table = OpTable.of(config, ChromeTrace.read(trace));
      table.writeCsv(folder.opTable(config));
      tables.add(table);
    }
    CopiesFile.write(tables, folder.copies());
    return tables;
  }
}
