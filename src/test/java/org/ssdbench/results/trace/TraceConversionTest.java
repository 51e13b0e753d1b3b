package org.ssdbench.results.trace;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.ssdbench.results.PlacementCounts;
import org.ssdbench.results.RunFolder;
import org.tensorflow.proto.DeviceStepStats;
import org.tensorflow.proto.GraphDef;
import org.tensorflow.proto.NodeDef;
import org.tensorflow.proto.NodeExecStats;
import org.tensorflow.proto.RunMetadata;
import org.tensorflow.proto.StepStats;

/** Step stats shaped like a GPU run's (launch lane, per-stream lanes, stream:all, memcpy) turned into the run's files. */
final class TraceConversionTest {
  private static final String GPU = "/job:localhost/replica:0/task:0/device:GPU:0";
  private static final String CPU = "/job:localhost/replica:0/task:0/device:CPU:0";

  /** Host lanes carry wall-clock microseconds; the GPU tracer's lanes start near zero. */
  private static final long WALL = 1_795_597_191_597_000L;

  private static NodeExecStats stats(String node, String label, long start, long dur) {
    return NodeExecStats.newBuilder().setNodeName(node).setTimelineLabel(label).setAllStartMicros(start)
        .setAllEndRelMicros(dur).build();
  }

  private static RunMetadata gpuRun() {
    StepStats steps = StepStats.newBuilder()
        .addDevStats(DeviceStepStats.newBuilder().setDevice(GPU)
            .addNodeStats(stats("conv/Conv2D", "conv/Conv2D = Conv2D(image, w)", WALL + 10, 5)))
        .addDevStats(DeviceStepStats.newBuilder().setDevice("/device:GPU:0/stream:7")
            .addNodeStats(stats("conv/Conv2D:Conv2D", "", 1010, 80)))
        .addDevStats(DeviceStepStats.newBuilder().setDevice("/device:GPU:0/stream:all")
            .addNodeStats(stats("conv/Conv2D:Conv2D", "", 1010, 80))
            .addNodeStats(stats("gather/GatherV2:GatherV2", "", 1100, 20)))
        .addDevStats(DeviceStepStats.newBuilder().setDevice("/device:GPU:0/stream:14<MemcpyH2D>")
            .addNodeStats(stats("edge_1_nms:MemcpyHtoD", "MemcpyH2D kind_src:pageable size:4096", 200, 3)))
        .addDevStats(DeviceStepStats.newBuilder().setDevice("/device:GPU:0/memcpy")
            .addNodeStats(stats("edge_1_nms:MemcpyHtoD", "MEMCPYHtoD 4096 bytes", 1200, 3))
            .addNodeStats(stats("edge_2_nms:MemcpyDtoH", "MEMCPYDtoH 4096 bytes", 1300, 4))
            .addNodeStats(stats("edge_3_nms:MemcpyDtoH", "MEMCPYDtoH 64 bytes", 1400, 2)))
        .addDevStats(DeviceStepStats.newBuilder().setDevice(CPU)
            .addNodeStats(stats("nms/NonMaxSuppressionV3", "nms/NonMaxSuppressionV3 = NonMaxSuppressionV3(a, b)", WALL + 250, 40))
            .addNodeStats(stats("nms/NonMaxSuppressionV3_1", "nms/NonMaxSuppressionV3_1 = NonMaxSuppressionV3(a, b)", WALL + 350, 30))
            .addNodeStats(stats("head/BiasAdd", "head/BiasAdd = _FusedConv2D(x, w, b)", WALL, 9)))
        .build();
    return RunMetadata.newBuilder().setStepStats(steps).build();
  }

  private static GraphDef graph() {
    return GraphDef.newBuilder()
        .addNode(NodeDef.newBuilder().setName("conv/Conv2D").setOp("Conv2D"))
        .addNode(NodeDef.newBuilder().setName("gather/GatherV2").setOp("GatherV2"))
        .build();
  }

  private static List<TraceEvent> events() {
    return new TracedRun("tf-gpu", graph(), gpuRun()).events();
  }

  @Test
  void lanesAreToldApartByDeviceName() {
    assertThat(Lane.of(CPU)).isEqualTo(Lane.CPU);
    assertThat(Lane.of(GPU)).isEqualTo(Lane.GPU_LAUNCH);
    assertThat(Lane.of("/device:GPU:0/stream:all")).isEqualTo(Lane.GPU_KERNEL);
    assertThat(Lane.of("/device:GPU:0/stream:7")).isEqualTo(Lane.GPU_STREAM);
    assertThat(Lane.of("/device:GPU:0/memcpy")).isEqualTo(Lane.COPY);
    assertThat(Lane.of("/device:GPU:0/stream:14<MemcpyH2D>")).isEqualTo(Lane.GPU_STREAM);
  }

  @Test
  void opTypesComeFromTheGraphOrTheLabel() {
    assertThat(events()).extracting(TraceEvent::opType).contains("Conv2D", "GatherV2", "NonMaxSuppressionV3");
    assertThat(events()).extracting(TraceEvent::node).doesNotContain("conv/Conv2D:Conv2D");
  }

  @Test
  void fusedKernelsAreNamedAfterWhatRanNotTheGraphNode() {
    assertThat(events()).filteredOn(e -> e.node().equals("head/BiasAdd")).extracting(TraceEvent::opType)
        .containsExactly("_FusedConv2D");
  }

  @Test
  void kernelsAreNamedAfterWhatRanThoughTheirLabelStartsWithTheAllocatorsMemoryUse() {
    // TF 2.18's CPU label for a 1x1 convolution fused with its batch norm and ReLU6; the graph calls the node Relu6.
    String label = "[mklcpu 8.3MB 8.3MB] expand/Relu6 = _MklNativeFusedConv2D(project/add_1, expand/Conv2D/merged_input)";
    RunMetadata run = RunMetadata.newBuilder().setStepStats(StepStats.newBuilder()
        .addDevStats(DeviceStepStats.newBuilder().setDevice(CPU).addNodeStats(stats("expand/Relu6", label, WALL, 250))))
        .build();
    GraphDef graph = GraphDef.newBuilder().addNode(NodeDef.newBuilder().setName("expand/Relu6").setOp("Relu6")).build();

    assertThat(new TracedRun("tf-cpu", graph, run).events()).singleElement()
        .satisfies(e -> assertThat(e.opType()).isEqualTo("_MklNativeFusedConv2D"));
    // a GPU launch: Grappler folded the batch norm's scale into the convolution, which kept the Mul node's name
    assertThat(StepStatsReader.labelledOp("[GPU_0_bfc 6.1MB 6.1MB] Conv/BatchNorm/batchnorm/mul_1 = Conv2D(sub, w)"))
        .contains("Conv2D");
    assertThat(StepStatsReader.labelledOp("MEMCPYHtoD 4096 bytes")).isEmpty();
  }

  @Test
  void aWrittenTraceReadsBackAsTheSameEventsAndOpTable(@TempDir Path dir) throws Exception {
    Path file = dir.resolve("tf-gpu.trace.json");
    ChromeTrace.write(events(), "tf-gpu", file);

    List<TraceEvent> read = ChromeTrace.read(file);

    assertThat(read).usingRecursiveFieldByFieldElementComparator().containsExactlyElementsOf(events());
    assertThat(OpTable.of("tf-gpu", read)).isEqualTo(OpTable.of("tf-gpu", events()));
  }

  @Test
  void rebuildingATracesTablesGivesFusedConvolutionsTheOpThatRan(@TempDir Path dir) throws Exception {
    // As a run before the oneDNN label fix wrote it: the fused convolution filed under the graph node's op, Relu6.
    String label = "[mklcpu 2.8MB 2.8MB] Conv/Relu6 = _MklNativeFusedConv2D(Preprocessor/sub, Conv/Conv2D/merged_input)";
    List<TraceEvent> old = List.of(
        new TraceEvent(CPU, Lane.CPU, "Conv/Relu6", "Relu6", label, 0, 330, 1),
        new TraceEvent(CPU, Lane.CPU, "head/Relu6", "Relu6", "head/Relu6 = Relu6(head/add)", 400, 20, 1));
    RunFolder run = new RunFolder(dir);
    ChromeTrace.write(old, "tf-cpu", run.trace("tf-cpu"));

    List<OpTable> tables = TraceTables.rewrite(run);

    assertThat(tables).singleElement().satisfies(t -> assertThat(t.rows())
        .containsExactlyInAnyOrder(new OpTable.Row("_MklNativeFusedConv2D", Lane.CPU, 1, 330), new OpTable.Row("Relu6", Lane.CPU, 1, 20)));
    assertThat(java.nio.file.Files.readString(run.opTable("tf-cpu"))).contains("_MklNativeFusedConv2D,CPU,1,330.0");
    assertThat(java.nio.file.Files.readString(run.copies())).contains("tf-cpu,0,0,420.0");
  }

  @Test
  void rebuildingTablesWithoutTracesNamesTheFolder(@TempDir Path dir) {
    assertThatThrownBy(() -> TraceTables.rewrite(new RunFolder(dir)))
        .isInstanceOf(java.io.IOException.class).hasMessageContaining(dir.toString()).hasMessageContaining("trace.json");
  }

  @Test
  void hostEventsStartAtZeroOnTheirOwnClock() {
    assertThat(events()).filteredOn(e -> e.lane() == Lane.CPU).extracting(TraceEvent::startMicros)
        .containsExactlyInAnyOrder(250.0, 350.0, 0.0);
  }

  @Test
  void opTableCountsKernelTimeOnceAndCopiesByDirection() {
    OpTable table = OpTable.of("tf-gpu", events());
    assertThat(table.top(2)).extracting(OpTable.Row::opType).containsExactly("Conv2D", "NonMaxSuppressionV3");
    OpTable.Row conv = table.top(1).get(0);
    assertThat(conv.lane()).isEqualTo(Lane.GPU_KERNEL);
    assertThat(conv.count()).isEqualTo(1);
    assertThat(conv.totalMicros()).isEqualTo(80.0);
    OpTable.Row nms = table.top(2).get(1);
    assertThat(nms.count()).isEqualTo(2);
    assertThat(nms.totalMicros()).isEqualTo(70.0);
    assertThat(table.hostToDevice()).isEqualTo(1);
    assertThat(table.deviceToHost()).isEqualTo(2);
    // GPU lanes end at 1402 us on their own clock, host lanes at 390 us after the first host event.
    assertThat(table.wallMicros()).isEqualTo(1402.0);
  }

  @Test
  void chromeTraceHasTheFieldsChromesFormatNeeds(@TempDir Path dir) throws Exception {
    Path file = dir.resolve("tf-gpu.trace.json");
    ChromeTrace.write(events(), "tf-gpu", file);
    JsonNode root = new ObjectMapper().readTree(file.toFile());
    JsonNode traceEvents = root.get("traceEvents");
    assertThat(traceEvents.isArray()).isTrue();
    int complete = 0;
    for (JsonNode e : traceEvents) {
      assertThat(e.has("ph") && e.has("pid") && e.has("tid") && e.has("name")).isTrue();
      if (e.get("ph").asText().equals("X")) {
        complete++;
        assertThat(e.get("ts").isNumber()).isTrue();
        assertThat(e.get("dur").asDouble()).isNotNegative();
      } else {
        assertThat(e.get("ph").asText()).isEqualTo("M");
      }
    }
    assertThat(complete).isEqualTo(events().size());
    assertThat(traceEvents.findValuesAsText("name")).contains("process_name", "Conv2D", "NonMaxSuppressionV3");
    assertThat(traceEvents.get(0).get("args").get("name").asText()).contains("GPU launch");
  }

  @Test
  void placementCountsSeparateTransfersFromNodes() {
    GraphDef gpu = GraphDef.newBuilder()
        .addNode(NodeDef.newBuilder().setName("a").setOp("Conv2D").setDevice(GPU))
        .addNode(NodeDef.newBuilder().setName("b").setOp("_Send").setDevice(GPU))
        .build();
    GraphDef cpu = GraphDef.newBuilder()
        .addNode(NodeDef.newBuilder().setName("c").setOp("NonMaxSuppressionV3").setDevice(CPU))
        .addNode(NodeDef.newBuilder().setName("d").setOp("_Recv").setDevice(CPU))
        .addNode(NodeDef.newBuilder().setName("e").setOp("Where").setDevice(CPU))
        .build();
    PlacementCounts counts = PlacementCounts.of("tf-gpu", List.of(gpu, cpu));
    assertThat(counts.nodesByDevice()).containsEntry("GPU:0", 1).containsEntry("CPU:0", 2);
    assertThat(counts.transfersByDevice()).containsEntry("GPU:0", 1).containsEntry("CPU:0", 1);
  }
}
