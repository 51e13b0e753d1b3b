package org.ssdbench.model;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Objects;
import java.util.Optional;
import org.tensorflow.proto.GraphDef;

/**
 * A frozen graph and where it came from. Every result records {@link #source()} and {@link #sha256()}.
 *
 * @param graphDef the graph
 * @param source {@code generated(seed=42,batch=1,threshold=0.3,nms=V3)} or the file's path
 * @param sha256 hex SHA-256 of the serialized GraphDef (of the file's bytes for a loaded file)
 */
public record LoadedModel(GraphDef graphDef, String source, String sha256) {
  public LoadedModel {
    Objects.requireNonNull(graphDef, "graphDef");
    Objects.requireNonNull(source, "source");
    if (sha256 == null || !sha256.matches("[0-9a-f]{64}")) {
      throw new IllegalArgumentException("sha256 must be 64 lower-case hex digits, got " + sha256);
    }
  }

  /**
   * The NMS score threshold the graph itself applies ({@link SsdGraphRoles#scoreThreshold()}): what a run should record
   * for a loaded file, where a {@code --score-threshold} option has no effect. Empty when the graph has no constant
   * threshold. Walks the graph on each call (milliseconds).
   */
  public Optional<SsdGraphRoles.Threshold> scoreThreshold() {
    return new SsdGraphRoles(graphDef).scoreThreshold();
  }

  /** Wraps a graph, hashing its serialized bytes. */
  public static LoadedModel of(GraphDef graphDef, String source) {
    return new LoadedModel(graphDef, source, sha256(graphDef.toByteArray()));
  }

  /** Hex SHA-256 of {@code bytes}, as models and the keys derived from them record it. */
  public static String sha256(byte[] bytes) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is not available in this JVM", e);
    }
  }
}
