package org.ssdbench.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.ssdbench.engine.Detections;
import org.ssdbench.report.doc.Block;
import org.ssdbench.results.DetectionsCsv;
import org.ssdbench.results.RunFolder;

final class AgreementSectionTest {
  /** One image with the given boxes (class 1, score 0.9 each). */
  private static Detections image(float[]... boxes) {
    float[] b = new float[Detections.MAX * 4];
    float[] s = new float[Detections.MAX];
    float[] c = new float[Detections.MAX];
    for (int i = 0; i < boxes.length; i++) {
      System.arraycopy(boxes[i], 0, b, i * 4, 4);
      s[i] = 0.9f - 0.1f * i;
      c[i] = 1;
    }
    return new Detections(1, b, s, c, new float[] {boxes.length});
  }

  @Test
  void matchesEachInt8ConfigurationAgainstTheFp32OneOfTheSameForm(@TempDir Path dir) throws Exception {
    RunFolder run = new RunFolder(dir);
    float[] a = {0.1f, 0.1f, 0.4f, 0.4f};
    float[] b = {0.5f, 0.5f, 0.9f, 0.9f};
    DetectionsCsv.append(dir, "trt-fp32-graph", 1, image(a, b));
    DetectionsCsv.append(dir, "trt-int8-graph", 1, image(a));
    DetectionsCsv.append(dir, "trt-int8-graph", 1, image(a)); // a second fork: same lines, not added again
    DetectionsCsv.append(dir, "tf-cpu", 1, image(a, b));

    List<Block> blocks = AgreementSection.blocks(run);

    assertThat(blocks).hasSize(3);
    Block.Table table = (Block.Table) blocks.get(2);
    assertThat(table.rows()).containsExactly(List.of("trt-int8-graph", "trt-fp32-graph", "1", "0", "2", "1", "1",
        "1.0000", "0.0000"));
    assertThat(((Block.Paragraph) blocks.get(1)).text()).contains("--calibration-images");
  }

  @Test
  void detectionsSurviveTheirCsv(@TempDir Path dir) throws Exception {
    Detections d = image(new float[] {0.1f, 0.2f, 0.3f, 0.4f}, new float[] {0.5f, 0.5f, 0.75f, 0.8f});
    DetectionsCsv.append(dir, "trt-int8-u8-graph", 1, d);

    Detections back = DetectionsCsv.read(dir.resolve(DetectionsCsv.FILE))
        .get(new DetectionsCsv.Key("trt-int8-u8-graph", 1));

    assertThat(back.count(0)).isEqualTo(2);
    assertThat(back.box(0, 1)).containsExactly(0.5f, 0.5f, 0.75f, 0.8f);
    assertThat(back.score(0, 1)).isCloseTo(d.score(0, 1), org.assertj.core.data.Offset.offset(1e-6f));
    assertThat(back.classId(0, 0)).isEqualTo(1);
  }

  @Test
  void prefersTheFp32ConfigurationOfTheSameFormAndOtherwiseTakesAny() {
    Detections none = image();
    Map<DetectionsCsv.Key, Detections> run = Map.of(new DetectionsCsv.Key("trt-fp32-u8-graph", 1), none,
        new DetectionsCsv.Key("trt-fp32-graph", 1), none, new DetectionsCsv.Key("trt-fp32", 1), none);
    assertThat(AgreementSection.fp32For("trt-int8-u8-graph", 1, run)).contains("trt-fp32-u8-graph");
    assertThat(AgreementSection.fp32For("trt-int8-nmsfp16-graph", 1, run)).contains("trt-fp32-graph");
    assertThat(AgreementSection.fp32For("trt-int8-graph-l5", 1, Map.of(new DetectionsCsv.Key("trt-fp32", 1), none))).contains("trt-fp32");
    assertThat(AgreementSection.fp32For("trt-int8-graph", 8, run)).isEmpty();
  }

  @Test
  void aQuickRunsLevelSuffixPairsTheEnginesOfTheSameLevel() {
    Detections none = image();
    Map<DetectionsCsv.Key, Detections> quick = Map.of(new DetectionsCsv.Key("trt-fp32-l1", 1), none,
        new DetectionsCsv.Key("trt-fp32-graph-l1", 1), none, new DetectionsCsv.Key("trt-fp32-graph", 1), none);
    assertThat(AgreementSection.fp32For("trt-int8-graph-l1", 1, quick)).contains("trt-fp32-graph-l1");
    assertThat(AgreementSection.fp32For("trt-int8-u8-graph-l1", 1, quick)).contains("trt-fp32-graph-l1");
    assertThat(AgreementSection.fp32For("trt-int8-l1", 1, quick)).contains("trt-fp32-l1");
    assertThat(AgreementSection.fp32For("trt-int8-graph-l5", 1, quick)).contains("trt-fp32-graph");
  }

  @Test
  void int8WithoutAnFp32EngineIsPointedToTheGateTableWithTheCalibrationCaveat(@TempDir Path dir) throws Exception {
    DetectionsCsv.append(dir, "trt-int8-u8-graph-l1", 1, image(new float[] {0.1f, 0.1f, 0.4f, 0.4f}));
    DetectionsCsv.append(dir, "tf-cpu", 1, image(new float[] {0.1f, 0.1f, 0.4f, 0.4f}));

    List<Block> blocks = AgreementSection.blocks(new RunFolder(dir));

    assertThat(blocks).hasSize(2);
    assertThat(((Block.Paragraph) blocks.get(1)).text()).contains("No FP32 engine ran in this run for trt-int8-u8-graph-l1")
        .contains("correctness gate").contains("--calibration-images");
  }

  @Test
  void noSectionWithoutInt8(@TempDir Path dir) throws Exception {
    DetectionsCsv.append(dir, "trt-fp16-graph", 1, image(new float[] {0.1f, 0.1f, 0.4f, 0.4f}));
    assertThat(AgreementSection.blocks(new RunFolder(dir))).isEmpty();
    assertThat(AgreementSection.blocks(new RunFolder(dir.resolve("empty")))).isEmpty();
  }

  @Test
  void theCaveatSaysWhichImagesTheEnginesCalibratedOn(@TempDir Path dir) throws Exception {
    float[] a = {0.1f, 0.1f, 0.4f, 0.4f};
    DetectionsCsv.append(dir, "trt-fp32-graph", 1, image(a));
    DetectionsCsv.append(dir, "trt-int8-graph", 1, image(a));
    java.nio.file.Files.writeString(dir.resolve("trt-builds.csv"), String.join("\n",
        "config,precision,batch,builder_level,build,build_ms,timing_cache,calibration,layers",
        "trt-fp32-graph,fp32,1,3,cold,50000,new,-,131",
        "trt-int8-graph,int8,1,2,cold,140000,loaded,calibrated on photos (32),96", ""));

    String text = AgreementSection.blocks(new RunFolder(dir)).get(1).toString();

    assertThat(text).contains(org.ssdbench.engine.trt.Int8Agreement.CAVEAT_PHOTOS)
        .doesNotContain("the default calibration images are generated");
  }
}
