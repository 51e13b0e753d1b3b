package org.ssdbench.results;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.ssdbench.engine.Detections;
import org.ssdbench.engine.ReferenceOutputs;
import org.ssdbench.model.ImageBatch;
import org.ssdbench.model.LoadedModel;
import org.ssdbench.model.ModelLoader;
import org.tensorflow.proto.GraphDef;

/**
 * The run's workload on disk, {@code <run>/workload/}: written once by {@code run}, read by path in every JMH fork, so
 * every configuration times the same model, images and threshold and is checked against the same reference.
 *
 * <pre>
 *   workload.json                 {@link Manifest}: what was asked for and, per batch, where each piece is
 *   b&lt;B&gt;/model.pb                 the generated graph benchmarked at batch B (a given file is recorded by path and SHA-256)
 *   b&lt;B&gt;/images.u8                 uint8 NHWC [B, H, W, 3], the images every configuration feeds
 *   b&lt;B&gt;/input-nchw.f32            the same, preprocessed as the float-input TensorRT engines take them
 *   b&lt;B&gt;/ref-*.f32                 tf-cpu's raw box encodings, class scores and four detection outputs
 * </pre>
 *
 * Arrays are raw little-endian values; their shapes follow from the manifest.
 */
public final class WorkloadFolder {
  public static final String DIR = "workload";
  public static final String MANIFEST = "workload.json";
  static final int FORMAT = 1;

  private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

  /**
   * What a workload holds.
   *
   * @param model the run's {@code --model}: {@code generated} or a path
   * @param image the run's {@code --image}: {@code synthetic} or a path
   * @param scoreThreshold the NMS score threshold every configuration runs: the run's for a generated graph, the graph's
   *     own for a file
   * @param profile the run's profile (quick, full), which later parts added to the run ({@code run --add-to}) keep; null
   *     in workloads written before parts could be added
   */
  public record Manifest(int format, String model, String image, String scoreThreshold, List<Batch> batches,
      String profile) {
    public Manifest {
      batches = List.copyOf(batches);
    }

    public Batch batch(int b) {
      return batches.stream().filter(x -> x.batch() == b).findFirst().orElseThrow(() -> new IllegalArgumentException(
          "the workload has no batch %d; it has %s".formatted(b, batches.stream().map(Batch::batch).toList())));
    }
  }

  /** One batch size's files, relative to the workload folder (a given model file: its absolute path). */
  public record Batch(int batch, String modelSource, String modelSha256, String modelFile, boolean modelCopied,
      int height, int width, String imageNote, String images, String nchw, boolean preNms) {}

  private WorkloadFolder() {}

  /** Writes {@code batches}, measured in {@code profile}, into {@code dir} (created; must not exist yet). */
  public static Path write(Path dir, String model, String image, String scoreThreshold, List<WorkloadBatch> batches,
      String profile) throws IOException {
    Files.createDirectories(dir.getParent());
    Files.createDirectory(dir);
    List<Batch> entries = new ArrayList<>();
    for (WorkloadBatch w : batches) {
      String sub = "b" + w.batch();
      Files.createDirectory(dir.resolve(sub));
      boolean copied = ModelLoader.GENERATED.equals(model);
      String modelFile;
      if (copied) {
        modelFile = sub + "/model.pb";
        Files.write(dir.resolve(modelFile), w.model().graphDef().toByteArray());
      } else {
        modelFile = Path.of(model).toAbsolutePath().toString();
      }
      Files.write(dir.resolve(sub + "/images.u8"), w.images().pixels());
      writeFloats(dir.resolve(sub + "/input-nchw.f32"), w.nchw());
      ReferenceOutputs r = w.reference();
      if (r.hasPreNms()) {
        writeFloats(dir.resolve(sub + "/ref-raw-box-encodings.f32"), r.rawBoxEncodings());
        writeFloats(dir.resolve(sub + "/ref-class-scores.f32"), r.classScores());
      }
      Detections d = r.detections();
      writeFloats(dir.resolve(sub + "/ref-detection-boxes.f32"), d.boxes());
      writeFloats(dir.resolve(sub + "/ref-detection-scores.f32"), d.scores());
      writeFloats(dir.resolve(sub + "/ref-detection-classes.f32"), d.classes());
      writeFloats(dir.resolve(sub + "/ref-num-detections.f32"), d.numDetections());
      entries.add(new Batch(w.batch(), w.model().source(), w.model().sha256(), modelFile, copied, w.images().height(),
          w.images().width(), w.imageNote(), sub + "/images.u8", sub + "/input-nchw.f32", r.hasPreNms()));
    }
    Path manifest = dir.resolve(MANIFEST);
    Path tmp = dir.resolve(MANIFEST + ".partial");
    JSON.writeValue(tmp.toFile(), new Manifest(FORMAT, model, image, scoreThreshold, entries, profile));
    Files.move(tmp, manifest, StandardCopyOption.ATOMIC_MOVE);
    return manifest;
  }

  /**
   * Reads the manifest of the workload in {@code dir}.
   *
   * @throws IllegalArgumentException naming the folder when it holds no complete workload
   */
  public static Manifest manifest(Path dir) {
    Path file = dir.resolve(MANIFEST);
    if (!Files.isRegularFile(file)) {
      throw new IllegalArgumentException("%s holds no workload (no %s); give the workload folder a run wrote, or 'none'"
          .formatted(dir, MANIFEST));
    }
    try {
      Manifest m = JSON.readValue(file.toFile(), Manifest.class);
      if (m.format() != FORMAT) {
        throw new IllegalArgumentException("%s is workload format %d; this suite reads %d".formatted(file, m.format(), FORMAT));
      }
      return m;
    } catch (IOException e) {
      throw new IllegalArgumentException("cannot read workload manifest %s: %s".formatted(file, e.getMessage()), e);
    }
  }

  /** Reads one batch size's workload; the model's SHA-256 must be the one recorded. */
  public static WorkloadBatch read(Path dir, int batch) {
    return read(dir, manifest(dir), batch);
  }

  /** {@link #read(Path, int)} with the manifest already read from {@code dir}. */
  public static WorkloadBatch read(Path dir, Manifest manifest, int batch) {
    Batch b = manifest.batch(batch);
    try {
      LoadedModel model;
      if (b.modelCopied()) {
        byte[] bytes = Files.readAllBytes(dir.resolve(b.modelFile()));
        model = new LoadedModel(GraphDef.parseFrom(bytes), b.modelSource(), LoadedModel.sha256(bytes));
      } else {
        model = ModelLoader.load(Path.of(b.modelFile()));
      }
      if (!model.sha256().equals(b.modelSha256())) {
        throw new IllegalStateException("model %s has SHA-256 %s, but the workload in %s was made with %s: the file changed"
            .formatted(b.modelFile(), model.sha256(), dir, b.modelSha256()));
      }
      ImageBatch images = new ImageBatch(Files.readAllBytes(dir.resolve(b.images())), batch, b.height(), b.width());
      float[] nchw = readFloats(dir.resolve(b.nchw()));
      String sub = "b" + batch + "/";
      Detections detections = new Detections(batch, readFloats(dir.resolve(sub + "ref-detection-boxes.f32")),
          readFloats(dir.resolve(sub + "ref-detection-scores.f32")), readFloats(dir.resolve(sub + "ref-detection-classes.f32")),
          readFloats(dir.resolve(sub + "ref-num-detections.f32")));
      ReferenceOutputs reference = b.preNms()
          ? new ReferenceOutputs(readFloats(dir.resolve(sub + "ref-raw-box-encodings.f32")),
              readFloats(dir.resolve(sub + "ref-class-scores.f32")), detections)
          : new ReferenceOutputs(null, null, detections);
      return new WorkloadBatch(batch, model, images, b.imageNote(), nchw, reference);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read the batch-%d workload in %s".formatted(batch, dir), e);
    }
  }

  static void writeFloats(Path file, float[] values) throws IOException {
    ByteBuffer buffer = ByteBuffer.allocate(values.length * 4).order(ByteOrder.LITTLE_ENDIAN);
    buffer.asFloatBuffer().put(values);
    Files.write(file, buffer.array());
  }

  static float[] readFloats(Path file) throws IOException {
    byte[] bytes = Files.readAllBytes(Objects.requireNonNull(file));
    if (bytes.length % 4 != 0) {
      throw new IOException(file + " has " + bytes.length + " bytes, not a whole number of float32 values");
    }
    float[] out = new float[bytes.length / 4];
    ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN).asFloatBuffer().get(out);
    return out;
  }
}
