package org.ssdbench.cli;

import org.ssdbench.results.BuildInfo;
import picocli.CommandLine.IVersionProvider;

/** {@code -V}: the version and commit recorded when the jar was built. */
final class VersionProvider implements IVersionProvider {
  @Override
  public String[] getVersion() {
    return new String[] {BuildInfo.current().describe()};
  }
}
