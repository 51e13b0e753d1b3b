package org.ssdbench.results;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Reads and writes {@code env.json}. */
public final class EnvironmentFile {
  private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

  private EnvironmentFile() {}

  public static void write(Environment env, Path file) throws IOException {
    Files.createDirectories(file.toAbsolutePath().getParent());
    JSON.writeValue(file.toFile(), env);
  }

  /**
   * @throws IOException naming the file when it is missing or not an env.json
   */
  public static Environment read(Path file) throws IOException {
    if (!Files.isRegularFile(file)) {
      throw new IOException("No environment file at " + file + "; every run folder has an env.json written by 'run'");
    }
    try {
      return JSON.readValue(file.toFile(), Environment.class);
    } catch (IOException e) {
      throw new IOException("Cannot read " + file + " as env.json: " + e.getMessage(), e);
    }
  }
}
