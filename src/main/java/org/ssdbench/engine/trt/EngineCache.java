package org.ssdbench.engine.trt;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * Serialized TensorRT engines on disk, one {@code <stem>.engine} with a {@code <stem>.json} sidecar holding its
 * {@link EngineKey}. A lookup loads the plan only when the sidecar's key equals the wanted key exactly; a stale or
 * foreign engine (another GPU, TensorRT version, model, precision, batch or threshold), a missing or unreadable
 * sidecar, or a plan TensorRT fails to deserialize is rebuilt and overwritten, never used.
 *
 * <p>Default folder: {@code $SSDBENCH_TRT_CACHE}, else {@code cache/trt} under the working directory (the project
 * root when run from run-bench.sh).
 */
public final class EngineCache {
  public static final String ENV = "SSDBENCH_TRT_CACHE";

  /** How a plan was obtained, for the log and results. */
  public enum Source {
    CACHE,
    BUILT
  }

  /** A plan and where it came from; {@code reason} says why it was rebuilt. */
  public record Entry<T>(T value, Source source, Path file, String reason) {}

  private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
  private final Path dir;

  public EngineCache(Path dir) {
    this.dir = dir;
  }

  public static EngineCache defaultCache() {
    String env = System.getenv(ENV);
    return new EngineCache(env != null && !env.isBlank() ? Path.of(env) : Path.of("cache", "trt"));
  }

  public Path dir() {
    return dir;
  }

  public Path planFile(EngineKey key) {
    return dir.resolve(key.fileStem() + ".engine");
  }

  public Path sidecar(EngineKey key) {
    return dir.resolve(key.fileStem() + ".json");
  }

  /**
   * The value made from the cached plan when its key matches and {@code load} accepts it (returns non-empty), else the
   * value made from a freshly built plan, which is then stored.
   *
   * @param load turns plan bytes into a value (e.g. deserializes an engine); empty when the bytes are unusable
   * @param build builds a new plan
   */
  public <T> Entry<T> getOrBuild(EngineKey key, Function<byte[], Optional<T>> load, Supplier<byte[]> build) {
    String reason;
    Optional<byte[]> cached = read(key);
    if (cached.isPresent()) {
      Optional<T> value = load.apply(cached.get());
      if (value.isPresent()) {
        return new Entry<>(value.get(), Source.CACHE, planFile(key), "");
      }
      reason = "cached plan failed to deserialize";
    } else {
      reason = whyMissing(key);
    }
    byte[] plan = build.get();
    write(key, plan);
    T value = load.apply(plan)
        .orElseThrow(() -> new IllegalStateException("a freshly built plan failed to deserialize: " + planFile(key)));
    return new Entry<>(value, Source.BUILT, planFile(key), reason);
  }

  /** The plan bytes when both files exist and the sidecar holds exactly {@code key}. */
  public Optional<byte[]> read(EngineKey key) {
    try {
      if (!Files.isRegularFile(planFile(key)) || !Files.isRegularFile(sidecar(key))) {
        return Optional.empty();
      }
      EngineKey stored = JSON.readValue(sidecar(key).toFile(), EngineKey.class);
      if (!stored.equals(key)) {
        return Optional.empty();
      }
      return Optional.of(Files.readAllBytes(planFile(key)));
    } catch (IOException e) {
      return Optional.empty();
    }
  }

  private String whyMissing(EngineKey key) {
    if (!Files.isRegularFile(planFile(key))) {
      return "no cached plan";
    }
    if (!Files.isRegularFile(sidecar(key))) {
      return "cached plan has no key sidecar";
    }
    try {
      EngineKey stored = JSON.readValue(sidecar(key).toFile(), EngineKey.class);
      return "cached plan is for another key: " + stored;
    } catch (IOException e) {
      return "key sidecar unreadable: " + e.getMessage();
    }
  }

  /** Stores plan and sidecar (plan first, each written to a temp file and moved into place). */
  public void write(EngineKey key, byte[] plan) {
    try {
      Files.createDirectories(dir);
      Files.deleteIfExists(sidecar(key));
      Path tmp = Files.createTempFile(dir, key.fileStem(), ".tmp");
      Files.write(tmp, plan);
      Files.move(tmp, planFile(key), StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
      Path tmpKey = Files.createTempFile(dir, key.fileStem(), ".tmp");
      JSON.writeValue(tmpKey.toFile(), key);
      Files.move(tmpKey, sidecar(key), StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write the engine cache in " + dir, e);
    }
  }
}
