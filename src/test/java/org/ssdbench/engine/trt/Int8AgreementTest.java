package org.ssdbench.engine.trt;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.ssdbench.engine.Detections;
import org.ssdbench.report.csv.CsvTable;

final class Int8AgreementTest {
  @TempDir Path dir;

  /** One image with two detections: class 1 at the given box and score, class 2 fixed. */
  private static Detections two(float ymin, float score) {
    float[] boxes = new float[Detections.MAX * 4];
    float[] scores = new float[Detections.MAX];
    float[] classes = new float[Detections.MAX];
    boxes[0] = ymin;
    boxes[1] = 0.1f;
    boxes[2] = 0.5f;
    boxes[3] = 0.5f;
    scores[0] = score;
    classes[0] = 1;
    boxes[4] = 0.6f;
    boxes[5] = 0.6f;
    boxes[6] = 0.9f;
    boxes[7] = 0.9f;
    scores[1] = 0.5f;
    classes[1] = 2;
    return new Detections(1, boxes, scores, classes, new float[] {2});
  }

  @Test
  void countsMatchesMeanIouAndScoreDifferenceAgainstEachReference() throws Exception {
    Detections tf = two(0.1f, 0.9f);
    Detections moved = two(0.14f, 0.8f); // IoU 0.9 with tf's first box

    var rows = Int8Agreement.compare("tf-cpu", tf, moved);
    Int8Agreement.write(dir.resolve("int8-agreement.csv"), rows);

    assertThat(rows).hasSize(1);
    assertThat(rows.get(0).match().matched()).isEqualTo(2);
    assertThat(rows.get(0).match().meanIou()).isCloseTo((0.9 + 1.0) / 2, org.assertj.core.data.Offset.offset(1e-3));
    assertThat(rows.get(0).match().worstScoreDiff()).isCloseTo(0.1, org.assertj.core.data.Offset.offset(1e-4));
    CsvTable table = CsvTable.read(dir.resolve("int8-agreement.csv"));
    assertThat(table.header()).isEqualTo(Int8Agreement.HEADER);
    assertThat(table.rows().get(0)).containsExactly("tf-cpu", "0", "2", "2", "2", "0.9500", "0.1000");
  }

  @Test
  void aBoxMovedPastTheIouLimitIsNotMatched() {
    var rows = Int8Agreement.compare("trt-fp32", two(0.1f, 0.9f), two(0.4f, 0.9f));
    assertThat(rows.get(0).match().matched()).isEqualTo(1);
    assertThat(rows.get(0).toString()).contains("1 of 2 matched");
  }
}
