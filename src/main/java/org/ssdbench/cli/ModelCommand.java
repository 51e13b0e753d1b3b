package org.ssdbench.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.ssdbench.model.GeneratorOptions;
import org.ssdbench.model.GraphDescriber;
import org.ssdbench.model.LoadedModel;
import org.ssdbench.model.ModelLoader;
import org.ssdbench.model.NmsVersion;
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
 * }</pre>
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

  @Override
  public Integer call() throws IOException {
    PrintWriter out = spec.commandLine().getOut();
    LoadedModel loaded = load();
    if (write != null) {
      out.println(writeGraph(loaded));
    }
    if (describe || write == null) {
      out.print(DescriptionTable.format(GraphDescriber.describe(loaded)));
    }
    out.flush();
    return 0;
  }

  private LoadedModel load() {
    if (model != null) {
      return ModelLoader.load(model);
    }
    return ModelLoader.generate(new GeneratorOptions(seed, batch, 300, 300, scoreThreshold,
        nmsV2 ? NmsVersion.V2 : NmsVersion.V3));
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
