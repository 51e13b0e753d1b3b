package org.ssdbench.ops;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.tensorflow.proto.AttrValue;
import org.tensorflow.proto.DataType;
import org.tensorflow.proto.GraphDef;

final class SignatureExtractorTest {
  private static SignatureTable worstCase;

  @BeforeAll
  static void extractFromTheGeneratedModel() {
    worstCase = ModelGraphs.defaultModelSignatures();
  }

  @Test
  void countsEveryMeasuredOpOfTheGeneratedModelAsTheReferenceDoes() {
    Map<OpKind, Integer> counts = worstCase.occurrencesByKind();
    assertThat(worstCase.traced()).isTrue();
    assertThat(counts.get(OpKind.NON_MAX_SUPPRESSION_V3)).isEqualTo(90);
    assertThat(counts.get(OpKind.CONV2D)).isEqualTo(55);
    assertThat(counts.get(OpKind.DEPTHWISE_CONV2D)).isEqualTo(21);
    assertThat(counts.get(OpKind.GATHER_V2)).isGreaterThanOrEqualTo(540);
    assertThat(counts.get(OpKind.CONCAT_V2)).isEqualTo(144);
    assertThat(counts.get(OpKind.WHERE)).isEqualTo(180);
    assertThat(counts.get(OpKind.MINIMUM)).isEqualTo(452);
    assertThat(counts.get(OpKind.MAXIMUM)).isEqualTo(360);
    assertThat(counts.get(OpKind.RESHAPE)).isEqualTo(371);
    assertThat(counts.get(OpKind.TOPK_V2)).isEqualTo(1);
  }

  @Test
  void worstCaseShapesAreTheOnesTheReferenceLists() {
    assertThat(worstCase.find("nmsv3:1917x4*1917/max100/iou0.6/score1E-8")).get()
        .extracting(SignatureStat::occurrences).isEqualTo(90);
    assertThat(worstCase.find("where:1917.bool/n1917")).get().extracting(SignatureStat::occurrences).isEqualTo(180);
    assertThat(worstCase.find("concatv2:1917x1^4/axis1")).get().extracting(SignatureStat::occurrences).isEqualTo(90);
    assertThat(worstCase.find("topkv2:9000/k9000")).isPresent();
    assertThat(worstCase.find("conv2d:1x300x300x3*3x3x3x32/s2/SAME")).isPresent();
  }

  @Test
  void everyTopSignatureCanBeRun() {
    assertThat(worstCase.top(DefaultSignatures.TOP)).allSatisfy(r -> assertThat(r.signature().isRunnable()).isTrue());
  }

  @Test
  void countsOpsInTheBatchLoopOncePerImage() {
    GraphDef batch2 = org.ssdbench.model.SsdGraphGenerator.generate(org.ssdbench.model.GeneratorOptions.defaults()
        .withScoreThreshold(DefaultSignatures.SCORE_THRESHOLD).withBatch(2));
    SignatureTable table = ModelGraphs.signatures(batch2, "batch 2");
    assertThat(table.occurrences(OpKind.NON_MAX_SUPPRESSION_V3)).isEqualTo(180);
    assertThat(table.find("conv2d:2x300x300x3*3x3x3x32/s2/SAME")).get().extracting(SignatureStat::occurrences).isEqualTo(1);
  }

  /** scores [6] > 0.5 -> Where -> Reshape [-1] -> Cast -> GatherV2 of [6,4] boxes: the FilterGreaterThan pattern. */
  private static GraphDef filterGraph() {
    GraphDefWriter w = new GraphDefWriter();
    w.placeholder("scores", TensorSpec.of(DType.F32, 6));
    w.constant("threshold", HostArray.scalar(0.5f), "");
    w.constant("boxes", new HostArray(TensorSpec.of(DType.F32, 6, 4), new float[24]), "");
    w.constant("flat", HostArray.vector(new long[] {-1}), "");
    w.constant("axis", HostArray.scalar(0), "");
    AttrValue f = GraphDefWriter.type(DataType.DT_FLOAT);
    w.node("Greater", "Greater", List.of("scores", "threshold"), Map.of("T", f), "");
    w.node("Where", "Where", List.of("Greater"), Map.of("T", GraphDefWriter.type(DataType.DT_BOOL)), "");
    w.node("Reshape", "Reshape", List.of("Where", "flat"), Map.of(
        "T", GraphDefWriter.type(DataType.DT_INT64), "Tshape", GraphDefWriter.type(DataType.DT_INT32)), "");
    w.node("Cast", "Cast", List.of("Reshape"), Map.of(
        "SrcT", GraphDefWriter.type(DataType.DT_INT64), "DstT", GraphDefWriter.type(DataType.DT_INT32)), "");
    w.node("Gather", "GatherV2", List.of("boxes", "Cast", "axis"), Map.of(
        "Tparams", f, "Tindices", GraphDefWriter.type(DataType.DT_INT32), "Taxis", GraphDefWriter.type(DataType.DT_INT32)), "");
    return w.build();
  }

  @Test
  void leavesDataDependentSizesUnknownWithoutATraceAndSaysSoInTheId() {
    SignatureTable table = SignatureExtractor.extract(filterGraph(), null, "filter");
    assertThat(table.traced()).isFalse();
    assertThat(table.of(OpKind.GATHER_V2)).singleElement()
        .satisfies(r -> assertThat(r.signature().id()).isEqualTo("gatherv2:6x4*?.i32/axis0"))
        .satisfies(r -> assertThat(r.signature().isRunnable()).isFalse());
    assertThat(table.top(OpKind.GATHER_V2, 3)).isEmpty();
  }

  @Test
  void takesDataDependentSizesFromTheTracedRun() {
    HostArray scores = new HostArray(TensorSpec.of(DType.F32, 6), new float[] {0.9f, 0.1f, 0.7f, 0.6f, 0.2f, 0.8f});
    SignatureTable table = SignatureExtractor.extract(
        filterGraph(), new TraceRequest(Map.of("scores", scores), List.of("Gather")), "filter");
    assertThat(table.find("gatherv2:6x4*4.i32/axis0")).get().extracting(SignatureStat::occurrences).isEqualTo(1);
    assertThat(table.find("where:6.bool/n4")).isPresent();
    assertThat(table.find("reshape:4x1.i64/to4")).isPresent();
  }
}
