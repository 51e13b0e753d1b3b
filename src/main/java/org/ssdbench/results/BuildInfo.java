package org.ssdbench.results;

import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;

/**
 * The suite's version and commit, recorded when it was built ({@link BuildInfoWriter}) and read from the jar, never from
 * the directory a command runs in.
 */
public record BuildInfo(String version, String commit) {
  public static final String RESOURCE = "/org/ssdbench/build.properties";
  public static final String UNKNOWN = "unknown";

  /** What the build recorded; "unknown" fields when the classes were not built by Maven. */
  public static BuildInfo current() {
    Properties properties = new Properties();
    try (InputStream in = BuildInfo.class.getResourceAsStream(RESOURCE)) {
      if (in != null) {
        properties.load(in);
      }
    } catch (IOException e) {
      // unreadable resource: same as none
    }
    return new BuildInfo(properties.getProperty("version", UNKNOWN), properties.getProperty("commit", UNKNOWN));
  }

  /** e.g. "ssdbench 0.1.0-SNAPSHOT (commit 82aa77b0c3d1)". */
  public String describe() {
    return "ssdbench " + version + " (commit " + commit + ")";
  }
}
