package org.ssdbench.ops;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.ssdbench.model.ExportLayout;
import org.ssdbench.model.GeneratorOptions;
import org.ssdbench.model.NmsVersion;
import org.ssdbench.model.SsdGraphGenerator;
import org.tensorflow.proto.GraphDef;

/**
 * Signature extraction as {@code ops --signatures --model FILE} does it (one traced CPU run) on the exporter layouts after
 * 2019: the NMS op of whichever version the model has is listed, 90 times per image.
 */
final class LayoutSignaturesTest {
  @ParameterizedTest
  @CsvSource({
      "2019, V5, NON_MAX_SUPPRESSION_V5, nmsv5:, /iou0.6/score0.3/sigma0",
      "2019, V4, NON_MAX_SUPPRESSION_V4, nmsv4:, /iou0.6/score0.3/pad1",
      "2019-dynamic, V5, NON_MAX_SUPPRESSION_V5, nmsv5:, /iou0.6/score0.3/sigma0"})
  void listsTheNmsOpOfTheModelsVersion(String layout, String nms, OpKind kind, String prefix, String suffix) {
    GraphDef graph = SsdGraphGenerator.generate(GeneratorOptions.defaults().withLayout(ExportLayout.byName(layout))
        .withNms(NmsVersion.byName(nms)));
    SignatureTable table = ModelGraphs.signatures(graph, layout);
    assertThat(table.traced()).isTrue();
    assertThat(table.occurrences(kind)).isEqualTo(90);
    assertThat(table.of(kind)).isNotEmpty().allSatisfy(r -> assertThat(r.signature().id()).startsWith(prefix).endsWith(suffix)
        .doesNotContain("?"));
    assertThat(table.occurrences(OpKind.CONV2D)).isEqualTo(55);
  }
}
