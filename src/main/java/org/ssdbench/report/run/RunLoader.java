package org.ssdbench.report.run;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.ssdbench.report.jmh.BenchmarkResult;
import org.ssdbench.report.jmh.JmhJsonReader;
import org.ssdbench.results.Environment;
import org.ssdbench.results.RunFolder;

/**
 * Reads a run folder's {@code env.json} and {@code jmh-*.json} files. A missing {@code env.json} or a folder without JMH
 * files is not an error (the report says so); a file that exists but cannot be read is, with its name and place, and so
 * is a symbolic link that leads out of the folder.
 */
public final class RunLoader {
  private static final ObjectMapper MAPPER =
      new ObjectMapper().disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

  private final JmhJsonReader jmh = new JmhJsonReader();

  public RunData load(Path dir) throws IOException {
    if (!Files.isDirectory(dir)) {
      throw new NoSuchFileException(dir.toString(), null, "not a run folder (no such directory)");
    }
    RunFolder folder = new RunFolder(dir);
    List<BenchmarkResult> results = new ArrayList<>();
    for (Path file : folder.jmhJsonFiles()) {
      results.addAll(jmh.read(folder.requireInside(file)));
    }
    return new RunData(folder, environment(folder.requireInside(folder.env())), results);
  }

  private static Environment environment(Path file) throws IOException {
    if (!Files.exists(file)) {
      return null;
    }
    try {
      return MAPPER.readValue(file.toFile(), Environment.class);
    } catch (JsonProcessingException e) {
      var location = e.getLocation();
      String place = location == null ? "" : " at line " + location.getLineNr() + ", column " + location.getColumnNr();
      throw new IOException(file + place + ": not a valid env.json: " + e.getOriginalMessage(), e);
    }
  }
}
