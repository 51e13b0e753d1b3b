package org.ssdbench.engine.trt;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Optional;

/**
 * One blob on disk ({@code file}) and a JSON sidecar ({@code file.json}) holding the key it was made for. A read returns
 * the bytes only when the sidecar's key equals the wanted key; otherwise it says why not, and the caller makes the blob
 * afresh and {@link #write}s it over. Writes go to a temp file in the same folder and are moved into place
 * atomically, the sidecar deleted first and written last, so a reader never pairs new bytes with an old key.
 *
 * @param <K> a record that Jackson can write and read back
 */
final class KeyedFile<K> {
  private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

  /** The bytes, or empty with the reason they could not be used. */
  record Lookup(Optional<byte[]> bytes, String reason) {
    static Lookup miss(String reason) {
      return new Lookup(Optional.empty(), reason);
    }
  }

  private final Path file;
  private final Class<K> keyType;

  KeyedFile(Path file, Class<K> keyType) {
    this.file = file;
    this.keyType = keyType;
  }

  Path file() {
    return file;
  }

  Path sidecar() {
    return file.resolveSibling(file.getFileName() + ".json");
  }

  Lookup read(K key) {
    if (!Files.isRegularFile(file)) {
      return Lookup.miss("no file " + file.getFileName());
    }
    if (!Files.isRegularFile(sidecar())) {
      return Lookup.miss(file.getFileName() + " has no key sidecar");
    }
    try {
      K stored = JSON.readValue(sidecar().toFile(), keyType);
      if (!key.equals(stored)) {
        return Lookup.miss(file.getFileName() + " belongs to another key: " + stored);
      }
      byte[] bytes = Files.readAllBytes(file);
      return bytes.length == 0 ? Lookup.miss(file.getFileName() + " is empty") : new Lookup(Optional.of(bytes), "");
    } catch (IOException e) {
      return Lookup.miss(file.getFileName() + " unreadable: " + e.getMessage());
    }
  }

  void write(K key, byte[] bytes) {
    Path dir = file.toAbsolutePath().getParent();
    try {
      Files.createDirectories(dir);
      Files.deleteIfExists(sidecar());
      Path tmp = Files.createTempFile(dir, file.getFileName().toString(), ".tmp");
      Files.write(tmp, bytes);
      Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
      Path tmpKey = Files.createTempFile(dir, file.getFileName().toString(), ".tmp");
      JSON.writeValue(tmpKey.toFile(), key);
      Files.move(tmpKey, sidecar(), StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write " + file, e);
    }
  }

  void delete() {
    try {
      Files.deleteIfExists(sidecar());
      Files.deleteIfExists(file);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot delete " + file, e);
    }
  }
}
