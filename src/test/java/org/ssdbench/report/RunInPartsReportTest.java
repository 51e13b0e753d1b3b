package org.ssdbench.report;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.ssdbench.results.RunFolder;
import org.ssdbench.testing.Fixtures;

/** A run whose TensorRT configurations came in two parts (jmh-trt.json, jmh-trt-2.json) reports as one run. */
final class RunInPartsReportTest {
  @TempDir Path dir;

  @BeforeAll
  static void headless() {
    System.setProperty("java.awt.headless", "true");
  }

  @Test
  void theSameResultsInTwoTensorRtFilesGiveTheSameResultsCsvAndLadder() throws Exception {
    Path whole = Fixtures.copyOfRun("h200-run", dir.resolve("whole"));
    Path parts = Fixtures.copyOfRun("h200-run", dir.resolve("parts"));
    ObjectMapper json = new ObjectMapper();
    JsonNode all = json.readTree(parts.resolve("jmh-trt.json").toFile());
    ArrayNode first = json.createArrayNode();
    ArrayNode second = json.createArrayNode();
    for (JsonNode r : all) {
      (r.path("params").path("config").asText().startsWith("trt-int8") ? second : first).add(r);
    }
    assertThat(first).isNotEmpty();
    assertThat(second).isNotEmpty();
    json.writeValue(parts.resolve("jmh-trt.json").toFile(), first);
    json.writeValue(parts.resolve("jmh-trt-2.json").toFile(), second);

    new ReportWriter(false).write(new RunFolder(whole));
    new ReportWriter(false).write(new RunFolder(parts));

    // the same rows; the second part's come after the first's
    assertThat(Files.readAllLines(parts.resolve("report/results.csv")))
        .containsExactlyInAnyOrderElementsOf(Files.readAllLines(whole.resolve("report/results.csv")));
    String md = Files.readString(parts.resolve("report/report.md"));
    assertThat(md.substring(md.indexOf("## Optimization ladder"), md.indexOf("## Per-op")))
        .isEqualTo(Files.readString(whole.resolve("report/report.md")).transform(
            w -> w.substring(w.indexOf("## Optimization ladder"), w.indexOf("## Per-op"))));
  }
}
