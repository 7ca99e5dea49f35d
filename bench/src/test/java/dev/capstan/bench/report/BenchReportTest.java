package dev.capstan.bench.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BenchReportTest {

  @Test
  void tableRendersMarkdownWithAlignedNumericColumnsAndEscapedPipes() {
    String table =
        new MarkdownTable("input", "ms").numeric(1).row("a|b", 1.5).row("c", 20).render();
    assertThat(table)
        .isEqualTo(
            """
        | input | ms |
        | --- | ---: |
        | a\\|b | 1.5 |
        | c | 20 |
        """);
  }

  @Test
  void rowWithWrongCellCountIsRejected() {
    assertThatThrownBy(() -> new MarkdownTable("a", "b").row("x"))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void millisecondsKeepPrecisionThatSuitsTheirSize() {
    assertThat(MarkdownTable.ms(0.12345)).isEqualTo("0.123");
    assertThat(MarkdownTable.ms(12.345)).isEqualTo("12.3");
    assertThat(MarkdownTable.ms(1234.4)).isEqualTo("1234");
    assertThat(MarkdownTable.ms(Double.NaN)).isEqualTo("n/a");
  }

  @Test
  void resultLineListsKeysInOrderWithTrimmedNumbers() {
    BenchReport r =
        new BenchReport("render", "t")
            .result("speedup", 25.0)
            .result("capstan_p50_ms", 2.4)
            .result("kubectl_p50_ms", 221.456)
            .result("identical", "all");
    assertThat(r.resultLine())
        .isEqualTo(
            "RESULT render speedup=25 capstan_p50_ms=2.4 kubectl_p50_ms=221.5 identical=all");
  }

  @Test
  void badKeysAndSpacedValuesAreRejected() {
    BenchReport r = new BenchReport("x", "t");
    assertThatThrownBy(() -> r.result("Bad-Key", 1)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> r.result("k", "two words"))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void publishWritesTheDatedFileAndPrintsTheResultLineLast(@TempDir Path dir) throws Exception {
    BenchReport r = new BenchReport("limit", "Limit").paragraph("text").result("n", 100);
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    Path file =
        r.publish(
            dir,
            Instant.parse("2026-11-26T04:00:00Z"),
            new PrintStream(bytes, true, StandardCharsets.UTF_8));
    assertThat(file).isEqualTo(dir.resolve("limit-2026-11-26.md"));
    assertThat(Files.readString(file))
        .isEqualTo("# Limit\n\ntext\n\n```\nRESULT limit n=100\n```\n");
    String printed = bytes.toString(StandardCharsets.UTF_8);
    assertThat(printed.strip().lines().reduce((a, b) -> b)).contains("RESULT limit n=100");
  }

  @Test
  void latestResultReadsTheNewestDatedReport(@TempDir Path dir) throws Exception {
    Files.writeString(
        dir.resolve("scale-flux-2026-11-25.md"), "```\nRESULT scale-flux n=100 seconds=90\n```\n");
    Files.writeString(
        dir.resolve("scale-flux-2026-11-26.md"),
        "```\nRESULT scale-flux n=100 seconds=45.5\n```\n");
    Files.writeString(
        dir.resolve("scale-flux-controller.log"), "RESULT scale-flux n=1 seconds=1\n");
    assertThat(LatestResult.find(dir, "scale-flux"))
        .hasValueSatisfying(
            m -> {
              assertThat(m).containsEntry("n", "100").containsEntry("seconds", "45.5");
            });
    assertThat(LatestResult.find(dir, "scale-argo")).isEmpty();
  }

  @Test
  void latestResultIgnoresAnUnavailableRun(@TempDir Path dir) throws Exception {
    Files.writeString(
        dir.resolve("scale-flux-2026-11-26.md"),
        "```\nRESULT scale-flux status=unavailable\n```\n");
    assertThat(LatestResult.find(dir, "scale-flux")).isEmpty();
  }
}
