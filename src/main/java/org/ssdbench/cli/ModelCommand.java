package org.ssdbench.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.ssdbench.model.GeneratorOptions;
import org.ssdbench.model.GraphDescriber;
import org.ssdbench.model.LoadedModel;
import org.ssdbench.model.ExportLayout;
import org.ssdbench.model.ModelLoader;
import org.ssdbench.model.NmsVersion;
import org.ssdbench.model.SsdGraphRoles;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code model}: generates the SSD MobileNet V2 graph (or loads a real one with {@code --model}), describes it next to
 * the reference export's figures and writes it as a .pb.
 *
 * <pre>{@code
 * java -jar benchmarks.jar model --describe
 * java -jar benchmarks.jar model --write target/ssd.pb --score-threshold 1e-8
 * java -jar benchmarks.jar model --describe --model frozen_inference_graph.pb
 * java -jar benchmarks.jar model --write target/ssd-2019.pb --layout 2019
 * }</pre>
 *
 * <p>The description names the exporter layout the graph was recognised as (and the facts that matched), the score
 * threshold the graph applies (read from it, which is what counts for a loaded file), and whether the TensorRT
 * configurations can convert it.
 */
@Command(name = "model", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
    description = "Generate, load, describe or write the SSD MobileNet V2 frozen graph.")
final class ModelCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Option(names = "--describe", description = "Print the graph's figures next to the reference export's.")
  boolean describe;

  @Option(names = "--write", paramLabel = "PATH", description = "Write the GraphDef (.pb) to PATH.")
  Path write;

  @Option(names = "--model", paramLabel = "PATH",
      description = "Load this frozen_inference_graph.pb instead of generating a graph.")
  Path model;

  @Option(names = "--seed", defaultValue = "42", description = "Seed of the synthetic weights (default: ${DEFAULT-VALUE}).")
  long seed;

  @Option(names = "--batch", defaultValue = "1", description = "Images per run, fixed in image_tensor (default: ${DEFAULT-VALUE}).")
  int batch;

  @Option(names = "--score-threshold", defaultValue = "0.3",
      description = "NMS score threshold: 0.3 as the zoo config, 1e-8 for the worst case (default: ${DEFAULT-VALUE}).")
  float scoreThreshold;

  @Option(names = "--nms-v2", description = "Emit NonMaxSuppressionV2 (no score threshold input) as the 2018 export did.")
  boolean nmsV2;

  @Option(names = "--layout", defaultValue = "2018", paramLabel = "LAYOUT",
      description = "Exporter layout to imitate: 2018 (the zoo file), 2019 (exporter after 2019, fixed batch: FusedBatchNormV3, "
          + "Identity/StopGradient in the postprocessor, extra outputs, unrolled loops) or 2019-dynamic (same, input "
          + "[?,?,?,3] with while loops) (default: ${DEFAULT-VALUE}).")
  String layout;

  @Option(names = "--nms", paramLabel = "VERSION",
      description = "NonMaxSuppression op: V2, V3, V4 or V5 (default: V3 for layout 2018, V5 for the later layouts).")
  String nms;

  @Option(names = "--soft-nms-sigma", defaultValue = "0", paramLabel = "SIGMA",
      description = "Soft-NMS sigma of NonMaxSuppressionV5 (0 = hard NMS; TensorRT cannot convert other values) "
          + "(default: ${DEFAULT-VALUE}).")
  float softNmsSigma;

  @Override
  public Integer call() throws IOException {
    PrintWriter out = spec.commandLine().getOut();
    LoadedModel loaded = load();
    if (write != null) {
      out.println(writeGraph(loaded));
    }
    if (describe || write == null) {
      out.print(DescriptionTable.format(GraphDescriber.describe(loaded)));
      out.print(recognition(loaded));
    }
    out.flush();
    return 0;
  }

  /** Layout, graph threshold and TensorRT convertibility, one line each. */
  static String recognition(LoadedModel loaded) {
    SsdGraphRoles.Layout l = GraphDescriber.layout(loaded);
    String threshold = loaded.scoreThreshold()
        .map(t -> "%s (read from %s)".formatted(t.value(), t.origin())).orElse("none found in the graph");
    var missing = GraphDescriber.missingForTensorRt(loaded);
    String trt = missing.isEmpty() ? "convertible" : "not convertible, missing " + String.join("; ", missing);
    return "%nLayout: %s (matched: %s)%nScore threshold: %s%nTensorRT: %s%n".formatted(
        l.name(), String.join(", ", l.matched()), threshold, trt);
  }

  private LoadedModel load() {
    if (model != null) {
      return ModelLoader.load(model);
    }
    return ModelLoader.generate(generatorOptions());
  }

  private GeneratorOptions generatorOptions() {
    ExportLayout exportLayout;
    NmsVersion version;
    try {
      exportLayout = ExportLayout.byName(layout);
      if (nmsV2 && nms != null && !nms.equalsIgnoreCase("V2")) {
        throw new IllegalArgumentException("--nms-v2 contradicts --nms " + nms + "; give one of them");
      }
      version = nmsV2 ? NmsVersion.V2 : nms != null ? NmsVersion.byName(nms) : exportLayout.defaultNms();
      return new GeneratorOptions(seed, batch, 300, 300, scoreThreshold, version, exportLayout, softNmsSigma);
    } catch (IllegalArgumentException e) {
      throw new ParameterException(spec.commandLine(), e.getMessage(), e);
    }
  }

  private String writeGraph(LoadedModel loaded) throws IOException {
    Path parent = write.toAbsolutePath().getParent();
    if (parent != null) {
      Files.createDirectories(parent);
    }
    byte[] bytes = loaded.graphDef().toByteArray();
    Files.write(write, bytes);
    return "Wrote graph to %s (%d bytes, sha256 %s)".formatted(write, bytes.length, loaded.sha256());
  }
}
