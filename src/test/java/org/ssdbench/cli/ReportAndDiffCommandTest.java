package org.ssdbench.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.ssdbench.testing.Fixtures;

final class ReportAndDiffCommandTest {
  @TempDir Path dir;

  @BeforeAll
  static void headless() {
    System.setProperty("java.awt.headless", "true");
  }

  @Test
  void reportPrintsEveryFileAndRefusesASecondRunWithoutForce() throws IOException {
    Path run = Fixtures.copyOfRun("h100-run", dir);

    Result first = execute("report", run.toString(), "--plots", dir.resolve("plots").toString());
    Result second = execute("report", run.toString());
    Result forced = execute("report", run.toString(), "--force");

    assertThat(first.code).isZero();
    assertThat(first.out)
        .contains("Wrote CSV to " + run.resolve("report/results.csv"))
        .contains("Wrote chart to " + run.resolve("report/speedup.png"))
        .contains("Wrote report to " + run.resolve("report/report.html"))
        .contains("Wrote chart to " + dir.resolve("plots/h100-run-speedup.svg"));
    assertThat(second.code).isEqualTo(1);
    assertThat(second.err).contains("already exists").contains("--force");
    assertThat(forced.code).isZero();
  }

  @Test
  void diffPrintsTheTableAndWritesCsvAndChart() throws IOException {
    Path a = Fixtures.copyOfRun("h100-run", dir);
    Path b = Fixtures.copyOfRun("h200-run", dir);
    Path out = dir.resolve("diff");

    Result result = execute("diff", a.toString(), b.toString(), "--out", out.toString(), "--threshold", "0.03");
    Result again = execute("diff", a.toString(), b.toString(), "--out", out.toString());

    assertThat(result.code).isZero();
    assertThat(result.out)
        .contains("B/A [95% CI]")
        .contains("H100 80GB HBM3")
        .contains("faster")
        .contains("p sees the spread within each run only")
        .contains("~")
        .contains("Wrote CSV to " + out.resolve("diff.csv"))
        .contains("Wrote chart to " + out.resolve("diff.png"));
    assertThat(Files.readAllLines(out.resolve("diff.csv")).get(0)).startsWith("benchmark,name,params,mode,unit");
    assertThat(out.resolve("diff.svg")).isNotEmptyFile();
    assertThat(again.code).isEqualTo(1);
    assertThat(again.err).contains("--force");
  }

  @Test
  void reportWithoutChartsWritesTheTablesAndSaysSo() throws IOException {
    Path run = Fixtures.copyOfRun("h100-run", dir);

    Result result = execute("report", run.toString(), "--no-charts", "--plots", dir.resolve("plots").toString());

    assertThat(result.code).isZero();
    assertThat(result.out).contains("Wrote report to " + run.resolve("report/report.md")).doesNotContain("Wrote chart");
    try (var files = Files.list(run.resolve("report"))) {
      assertThat(files.map(p -> p.getFileName().toString())).noneMatch(n -> n.endsWith(".png") || n.endsWith(".svg"));
    }
    assertThat(Files.readString(run.resolve("report/report.md")))
        .contains("Note: No charts in this report: --no-charts was given. Draw them with: report " + run + " --force")
        .doesNotContain("![");
  }

  @Test
  void reportNamesABrokenJmhFileWithoutAStackTrace() throws IOException {
    Path run = Files.createDirectories(dir.resolve("broken"));
    Files.copy(Fixtures.resource("jmh/truncated.json"), run.resolve("jmh-e2e.json"));

    Result result = execute("report", run.toString());

    assertThat(result.code).isEqualTo(1);
    assertThat(result.err).contains("jmh-e2e.json").contains("line ").doesNotContain("\tat ");
  }

  @Test
  void bothCommandsAreRegistered() {
    assertThat(Main.commandNames()).contains("report", "diff");
  }

  private record Result(int code, String out, String err) {}

  private static Result execute(String... args) {
    var cli = Main.commandLine();
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    PrintStream oldOut = System.out;
    PrintStream oldErr = System.err;
    System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
    System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
    try {
      int code = cli.execute(args);
      return new Result(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    } finally {
      System.setOut(oldOut);
      System.setErr(oldErr);
    }
  }
}
