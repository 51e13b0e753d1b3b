package org.ssdbench.results;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.ssdbench.engine.CorrectnessGate;
import org.ssdbench.engine.DetectionMatch;
import org.ssdbench.engine.GateCriteria;

final class GateCsvTest {
  private static CorrectnessGate.Report report(String config, GateCriteria criteria, boolean passed, int matched) {
    return new CorrectnessGate.Report(config, criteria, passed,
        List.of(new DetectionMatch(0, 7, 6, matched, 0.88984, 0.02141, List.of())), List.of());
  }

  @Test
  void forksThatFindTheSameLeaveOneLineAndADisagreementLeavesItsOwn(@TempDir Path run) throws Exception {
    CorrectnessGate.Report int8 = report("trt-int8-graph", GateCriteria.measuredOnly("TensorRT INT8"), true, 4);

    GateCsv.append(run, int8, 1);
    GateCsv.append(run, int8, 1);
    GateCsv.append(run, report("trt-fp16-graph", GateCriteria.tensorRtFp16(), false, 3), 1);
    GateCsv.append(run, report("trt-int8-graph", GateCriteria.measuredOnly("TensorRT INT8"), true, 5), 1);

    List<String> lines = Files.readAllLines(run.resolve(GateCsv.FILE));
    assertThat(lines).hasSize(4);
    assertThat(lines.get(0)).isEqualTo(String.join(",", GateCsv.HEADER));
    assertThat(lines.get(1)).startsWith("trt-int8-graph,1,").endsWith(",false,true,0,7,6,4,0.8898,0.0214,0");
    assertThat(lines.get(2)).startsWith("trt-fp16-graph,1,").contains(",true,false,0,7,6,3,");
    assertThat(lines.get(3)).contains(",0,7,6,5,");
  }

  @Test
  void missesAreTheUnmatchedTheGateCounted(@TempDir Path run) throws Exception {
    DetectionMatch oneMissing = new DetectionMatch(0, 7, 5, 5, 0.99, 0.001,
        List.of("reference detection #0 (class 3, score 0.9500, ...) has no match in the candidate"));
    GateCsv.append(run, new CorrectnessGate.Report("trt-fp16-graph", GateCriteria.tensorRtFp16(), false,
        List.of(oneMissing), List.of()), 1);

    // 2 reference detections unmatched, 1 a miss: the other lies at the score cut
    assertThat(Files.readAllLines(run.resolve(GateCsv.FILE)).get(1)).endsWith(",0,7,5,5,0.9900,0.0010,1");
    assertThat(oneMissing.unmatchedAtTheCut()).isOne();
  }

  @Test
  void aCriteriaTextWithCommasStaysOneCell(@TempDir Path run) throws Exception {
    GateCsv.append(run, report("tf-gpu", GateCriteria.tensorFlow(), true, 7), 1);

    List<List<String>> rows = org.ssdbench.report.csv.CsvTable.read(run.resolve(GateCsv.FILE)).rows();
    assertThat(rows).hasSize(1);
    assertThat(rows.get(0)).hasSize(GateCsv.HEADER.size());
    assertThat(rows.get(0).get(2)).isEqualTo(GateCriteria.tensorFlow().toString());
  }
}
