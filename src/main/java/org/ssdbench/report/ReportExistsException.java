package org.ssdbench.report;

import java.io.IOException;
import java.nio.file.Path;

/** Thrown instead of overwriting a run's existing {@code report/} folder when overwriting was not asked for. */
public final class ReportExistsException extends IOException {
  public ReportExistsException(Path reportDir) {
    super("Report folder " + reportDir + " already exists; not overwriting it. Pass --force (or "
        + "new ReportWriter(true)) to overwrite.");
  }
}
