package org.ssdbench.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openjdk.jmh.results.format.ResultFormatType;
import org.openjdk.jmh.runner.BenchmarkList;
import org.openjdk.jmh.runner.BenchmarkListEntry;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.format.OutputFormatFactory;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.openjdk.jmh.runner.options.TimeValue;
import org.openjdk.jmh.runner.options.VerboseMode;
import org.ssdbench.model.GeneratorOptions;
import org.ssdbench.model.LoadedModel;
import org.ssdbench.model.ModelLoader;
import org.ssdbench.results.WorkloadBatch;
import org.ssdbench.results.WorkloadFolder;
import org.tensorflow.proto.NodeDef;

/**
 * A fork reads the run folder's workload instead of building its own: here the folder holds a graph with other weights
 * (seed 7) than the one a fork would generate (seed 42), so only a fork that read the folder times it.
 */
final class WorkloadFolderTest {
  @TempDir static Path dir;
  static Path workload;
  static LoadedModel seven;

  @BeforeAll
  static void writeAWorkloadOfAnotherSeed() throws Exception {
    seven = ModelLoader.generate(GeneratorOptions.defaults().withSeed(7));
    WorkloadBatch w = new ModelRequest(ModelRequest.GENERATED, 1, 0.3f, ModelRequest.SYNTHETIC).workload(seven);
    workload = dir.resolve("run").resolve(WorkloadFolder.DIR);
    WorkloadFolder.write(workload, ModelRequest.GENERATED, ModelRequest.SYNTHETIC, "0.3", List.of(w), "quick");
  }

  private static EndToEndBenchmark bench(Path folder) {
    EndToEndBenchmark b = new EndToEndBenchmark();
    b.config = "tf-cpu";
    b.batch = 1;
    b.model = ModelRequest.GENERATED;
    b.scoreThreshold = 0.3f;
    b.image = ModelRequest.SYNTHETIC;
    b.workload = folder.toString();
    return b;
  }

  @Test
  void aForkReadsTheFoldersModelInsteadOfGeneratingIt() {
    WorkloadBatch read = bench(workload).loadWorkload();
    assertThat(read.model().sha256()).isEqualTo(seven.sha256());
    assertThat(read.model().source()).contains("seed=7");
  }

  @Test
  void aModelFileChangedSinceTheWorkloadWasWrittenIsRefused() throws Exception {
    Path copy = dir.resolve("changed").resolve(WorkloadFolder.DIR);
    Files.createDirectories(copy.resolve("b1"));
    try (var files = Files.walk(workload)) {
      for (Path p : files.filter(Files::isRegularFile).toList()) {
        Files.copy(p, copy.resolve(workload.relativize(p).toString()));
      }
    }
    Files.write(copy.resolve("b1/model.pb"), seven.graphDef().toBuilder()
        .addNode(NodeDef.newBuilder().setName("extra").setOp("NoOp")).build().toByteArray());
    assertThatThrownBy(() -> bench(copy).loadWorkload())
        .hasMessageContaining("the file changed").hasMessageContaining(seven.sha256());
  }

  @Test
  void aFolderWithoutAWorkloadIsNamed() {
    assertThatThrownBy(() -> bench(dir).loadWorkload())
        .hasMessageContaining(dir.toString()).hasMessageContaining("holds no workload");
  }

  @Test
  void everyEndToEndBenchmarkForksWithTheSameArgumentsAndUnitAsTheJmhJsonRecords() throws Exception {
    Path json = dir.resolve("jmh-e2e.json");
    new Runner(new OptionsBuilder()
        .include(EndToEndBenchmark.class.getName() + ".infer$")
        .param("config", "tf-cpu")
        .param("workload", workload.toString())
        .forks(1)
        .warmupIterations(0)
        .measurementIterations(1).measurementTime(TimeValue.seconds(1))
        .shouldFailOnError(true)
        .verbosity(VerboseMode.SILENT)
        .resultFormat(ResultFormatType.JSON)
        .result(json.toString())
        .build()).run();

    JsonNode result = new ObjectMapper().readTree(json.toFile()).get(0);
    List<String> forkArgs = new ArrayList<>();
    result.get("jvmArgs").forEach(a -> forkArgs.add(a.asText()));
    assertThat(forkArgs).containsExactly("-Xmx8g", "-Djava.awt.headless=true");
    assertThat(result.get("primaryMetric").get("scoreUnit").asText()).isEqualTo("ms/op");
    assertThat(result.get("mode").asText()).isEqualTo("sample");
    assertThat(result.get("params").get("workload").asText()).isEqualTo(workload.toString());

    // The TensorRT benchmark cannot run here, but what JMH would fork it with is in the same generated list.
    BenchmarkListEntry tf = entry("EndToEndBenchmark.infer");
    BenchmarkListEntry trt = entry("TensorRtBenchmark.infer");
    assertThat(trt.getJvmArgs().get()).containsExactlyElementsOf(forkArgs);
    assertThat(trt.getTimeUnit()).isEqualTo(tf.getTimeUnit());
    assertThat(trt.getMode()).isEqualTo(tf.getMode());
    assertThat(trt.getForks()).isEqualTo(tf.getForks());
  }

  private static BenchmarkListEntry entry(String name) {
    return BenchmarkList.defaultList()
        .getAll(OutputFormatFactory.createFormatInstance(System.out, VerboseMode.SILENT), List.of()).stream()
        .filter(e -> e.getUsername().endsWith(name)).findFirst().orElseThrow();
  }
}
