package org.ssdbench.cli;

import java.nio.file.Path;

/** An input file that cannot be used: exits 1 with one line naming the file and what was expected, no stack trace. */
final class BadInputException extends Exception {
  BadInputException(Path file, String problem) {
    super(file + ": " + problem);
  }
}
