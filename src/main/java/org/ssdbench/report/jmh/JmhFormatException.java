package org.ssdbench.report.jmh;

import java.io.IOException;
import java.nio.file.Path;

/** A JMH JSON file that cannot be read: the message names the file and the place (line and column, JSON path). */
public final class JmhFormatException extends IOException {
  private final Path file;

  public JmhFormatException(Path file, String message, Throwable cause) {
    super(file + ": " + message, cause);
    this.file = file;
  }

  /** The file that could not be read. */
  public Path file() {
    return file;
  }
}
