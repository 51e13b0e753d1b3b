package org.ssdbench.results.trace;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.ssdbench.results.RunFolder;

/**
 * Rebuilds a run folder's op tables ({@code traces/<config>.ops.csv}) and {@code traces/copies.csv} from its Chrome
 * traces ({@code traces/<config>.trace.json}), for a run whose tables were written with op types a later suite reads
 * differently. The traces themselves are left as they are.
 */
public final class TraceTables {
  private TraceTables() {}

  /**
   * @return the op tables written, one per trace, in configuration-name order
   * @throws IOException if the folder has no traces, naming the folder, or a trace cannot be read
   */
  public static List<OpTable> rewrite(RunFolder folder) throws IOException {
    List<String> configs = folder.tracedConfigs();
    if (configs.isEmpty()) {
      throw new IOException("No traces/*" + RunFolder.TRACE_SUFFIX + " in " + folder.dir()
          + ": the op tables can only be rebuilt from the traces a run wrote");
    }
    List<OpTable> tables = new ArrayList<>();
    for (String config : configs) {
      OpTable table = OpTable.of(config, ChromeTrace.read(folder.trace(config)));
      table.writeCsv(folder.opTable(config));
      tables.add(table);
    }
    CopiesFile.write(tables, folder.copies());
    return tables;
  }
}
