package org.ssdbench.engine.trt;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import org.ssdbench.engine.Detections;
import org.ssdbench.model.GeneratorOptions;
import org.ssdbench.model.ImageBatch;
import org.ssdbench.model.LoadedModel;
import org.ssdbench.model.ModelLoader;
import org.ssdbench.model.SyntheticImage;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * The GPU check of TensorRT engine builds, in one JVM: starting from an empty cache folder, builds each precision
 * (pass 1, "first run": the timing cache starts empty and fills as precisions are built, or is emptied before each with
 * {@code --cold-each}), then deletes the engines and builds them again (pass 2, "warm": timing cache and INT8
 * calibration table present). Prints each build's time, level, timing cache, calibration, layers and size, and the GPU
 * memory in use after each engine is built and after it is closed; writes {@code trt-builds.csv} and
 * {@code int8-agreement.csv} (INT8 against TF on the CPU and against the FP32 engine) into {@code --out}.
 *
 * <p>Exits 0 when every build succeeded and the memory in use after closing engines did not grow by more than
 * {@code --max-growth-mib} from the first close to the last, 1 otherwise, 2 when TensorRT cannot run here.
 *
 * <pre>{@code
 * java -cp 'app/*' org.ssdbench.engine.trt.TrtBuildCheck --out /tmp/trt-check --precision fp32,fp16,int8
 * }</pre>
 */
@Command(name = "trt-build-check", mixinStandardHelpOptions = true,
    description = "Build every TensorRT precision cold, then warm; print build times and GPU memory; write trt-builds.csv.")
public final class TrtBuildCheck implements Callable<Integer> {
  @Option(names = "--out", required = true, description = "Folder for trt-builds.csv, int8-agreement.csv and the cache.")
  Path out;

  @Option(names = "--precision", split = ",", defaultValue = "fp32,fp16,int8",
      description = "Precisions, in build order (default: ${DEFAULT-VALUE}).")
  List<String> precisions;

  @Option(names = "--builder-level", defaultValue = "-1",
      description = "Builder optimization level 0 to 5; default: TensorRT's (3), and 2 for INT8.")
  int builderLevel;

  @Option(names = "--model", defaultValue = "generated", description = "'generated' or a frozen_inference_graph.pb.")
  String model;

  @Option(names = "--calibration-images", description = "Folder of JPEG/PNG photos to calibrate INT8 on.")
  Path calibrationImages;

  @Option(names = "--cold-each", description = "Empty the timing cache before each build of pass 1.")
  boolean coldEach;

  @Option(names = "--no-warm", description = "Skip pass 2 (rebuild with the timing cache present).")
  boolean noWarm;

  @Option(names = "--seed-timing-cache", paramLabel = "FILE",
      description = "Copy this timing cache (e.g. a run's cache/trt/timing-*.cache, with its .json) into the empty cache"
          + " before pass 1: every build is then warm, and the memory check takes minutes instead of the cold builds'.")
  Path seedTimingCache;

  @Option(names = "--max-growth-mib", defaultValue = "256",
      description = "Allowed growth of GPU memory in use after closing engines, first to last (default: ${DEFAULT-VALUE}).")
  long maxGrowthMib;

  public static void main(String[] args) {
    System.exit(new CommandLine(new TrtBuildCheck()).execute(args));
  }

  @Override
  public Integer call() {
    String missing = TensorRtAvailability.check();
    if (!missing.isEmpty()) {
      System.out.println("SKIP: TensorRT cannot run here: " + missing);
      return 2;
    }
    List<Precision> wanted = precisions.stream().map(Precision::parse).toList();
    CalibrationSet calibration = CalibrationSet.of(calibrationImages);
    Path cacheDir = out.resolve("cache");
    emptyFolder(cacheDir);
    if (seedTimingCache != null) {
      System.out.println("Timing cache seeded from " + seed(seedTimingCache, cacheDir));
    }
    System.setProperty(TrtBuildsCsv.RUN_DIR_PROPERTY, out.toAbsolutePath().toString());
    deleteIfExists(out.resolve(TrtBuildsCsv.FILE));

    LoadedModel source = ModelLoader.resolve(model, GeneratorOptions.defaults().withBatch(1));
    NetworkDescription description = SsdGraphConverter.convert(source.graphDef(), source.source());
    ImageBatch images = SyntheticImage.create(GeneratorOptions.DEFAULT_SEED, 1, description.height(), description.width());
    Detections tf;
    try (TfCpuReference reference = new TfCpuReference(source.graphDef())) {
      tf = reference.run(images).detections();
    }
    EngineCache engines = new EngineCache(cacheDir);
    System.out.printf("TensorRT %s on %s (compute %s); cache %s; calibration %s%n", TrtRuntime.version(),
        GpuInfo.current().name(), GpuInfo.current().computeCapability(), cacheDir, calibration.id());
    System.out.println("GPU memory at start: " + DeviceMemory.now());

    boolean ok = true;
    List<Long> afterClose = new ArrayList<>();
    Map<Precision, Detections> detections = new EnumMap<>(Precision.class);
    BuildCaches caches = BuildCaches.in(cacheDir, source.sha256(), GpuInfo.current(), TrtRuntime.version(), calibration);
    for (String pass : noWarm ? List.of("pass 1 (first run)") : List.of("pass 1 (first run)", "pass 2 (warm rebuild)")) {
      System.out.printf("%n== %s%n", pass);
      if (pass.startsWith("pass 2")) {
        deleteEngines(cacheDir);
      }
      for (Precision p : wanted) {
        if (pass.startsWith("pass 1") && coldEach) {
          caches.timingFile().delete();
        }
        var config = new TrtInferenceEngine.Config(p, 1, false, null, true,
            TrtInferenceEngine.Config.levelFor(p, builderLevel));
        try (TrtInferenceEngine engine = new TrtInferenceEngine(description, source.sha256(), config, engines, calibration)) {
          System.out.println("  " + engine.build().summary());
          detections.put(p, engine.detect(images));
          System.out.println("    GPU memory with the engine open: " + DeviceMemory.now());
        } catch (RuntimeException e) {
          ok = false;
          System.out.println("  FAILED " + p.id() + ": " + e);
          e.printStackTrace(System.out);
        }
        DeviceMemory closed = DeviceMemory.now();
        afterClose.add(closed.usedBytes());
        System.out.println("    GPU memory after closing it:     " + closed);
      }
    }
    ok &= int8Agreement(tf, detections);
    long growth = afterClose.isEmpty() ? 0 : afterClose.get(afterClose.size() - 1) - afterClose.get(0);
    boolean stable = growth <= maxGrowthMib * 1048576L;
    System.out.printf(Locale.ROOT, "%nGPU memory in use after closing engines: %s MiB; from first to last %+.0f MiB (limit %d): %s%n",
        afterClose.stream().map(b -> String.format(Locale.ROOT, "%.0f", b / 1048576.0)).toList(), growth / 1048576.0,
        maxGrowthMib, stable ? "does not grow" : "GROWS");
    System.out.println("Wrote " + out.resolve(TrtBuildsCsv.FILE));
    System.out.println(ok && stable ? "\nBUILD CHECK PASSED" : "\nBUILD CHECK FAILED");
    return ok && stable ? 0 : 1;
  }

  /**
   * Copies {@code timingCache} and its sidecar ({@code <name>.json}, which says which GPU and TensorRT it belongs to)
   * into {@code cacheDir} under the same names; a cache of another GPU or version is then rejected and rebuilt as in
   * any run. Returns the copied file.
   */
  static Path seed(Path timingCache, Path cacheDir) {
    if (!Files.isRegularFile(timingCache)) {
      throw new IllegalArgumentException("--seed-timing-cache: " + timingCache + " is not a file; give a run's "
          + "cache/trt/timing-<gpu>-cc<x.y>-trt<version>.cache");
    }
    try {
      Files.createDirectories(cacheDir);
      Path copy = Files.copy(timingCache, cacheDir.resolve(timingCache.getFileName()),
          java.nio.file.StandardCopyOption.REPLACE_EXISTING);
      Path sidecar = timingCache.resolveSibling(timingCache.getFileName() + ".json");
      if (Files.isRegularFile(sidecar)) {
        Files.copy(sidecar, cacheDir.resolve(sidecar.getFileName()), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
      }
      return copy;
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException("cannot seed the timing cache from " + timingCache, e);
    }
  }

  private boolean int8Agreement(Detections tf, Map<Precision, Detections> detections) {
    Detections int8 = detections.get(Precision.INT8);
    if (int8 == null) {
      return !precisions.contains("int8");
    }
    List<Int8Agreement.Row> rows = new ArrayList<>();
    if (tf != null) {
      rows.addAll(Int8Agreement.compare("tf-cpu", tf, int8));
    }
    if (detections.containsKey(Precision.FP32)) {
      rows.addAll(Int8Agreement.compare("trt-fp32", detections.get(Precision.FP32), int8));
    }
    System.out.println();
    rows.forEach(r -> System.out.println(r));
    System.out.println(calibrationImages == null ? Int8Agreement.CAVEAT : Int8Agreement.CAVEAT_PHOTOS);
    Path file = out.resolve("int8-agreement.csv");
    Int8Agreement.write(file, rows);
    System.out.println("Wrote " + file);
    return true;
  }

  private static void emptyFolder(Path dir) {
    try {
      Files.createDirectories(dir);
      try (Stream<Path> files = Files.list(dir)) {
        for (Path f : files.toList()) {
          Files.deleteIfExists(f);
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot empty " + dir, e);
    }
  }

  /** Deletes the engines and their key sidecars, keeping the timing cache and calibration table. */
  private static void deleteEngines(Path dir) {
    try (Stream<Path> files = Files.list(dir)) {
      for (Path f : files.toList()) {
        String name = f.getFileName().toString();
        if (name.endsWith(".engine")) {
          Files.deleteIfExists(f);
          Files.deleteIfExists(f.resolveSibling(name.replaceFirst("\\.engine$", ".json")));
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot delete engines in " + dir, e);
    }
  }

  private static void deleteIfExists(Path file) {
    try {
      Files.deleteIfExists(file);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot delete " + file, e);
    }
  }
}
