package dev.capstan.bench.controller;

import static org.assertj.core.api.Assertions.assertThat;

import dev.capstan.bench.CommonOptions;
import dev.capstan.bench.controller.ScaleRun.Outcome;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ScaleRunTest {
  private static final Instant STARTED = Instant.parse("2026-11-26T05:01:09Z");

  @Test
  void fluxReportHasAnObjectsColumnAndSaysWhenTheLastRoundTimedOut(@TempDir Path dir)
      throws Exception {
    ScaleRun run =
        new ScaleRun(
            new ScaleRun.Kind(
                "scale-flux",
                "kustomize.toolkit.fluxcd.io/v1",
                "Kustomization",
                "ready",
                k -> true),
            Duration.ofSeconds(900));
    String report =
        publish(
            run,
            dir,
            4,
            List.of(
                new Outcome(100, 100, 30.2, 366, 150, 21.04),
                new Outcome(200, 150, 900.4, 400, 160, 95.5)));
    assertThat(report)
        .startsWith("# title\n\nRun 2026-11-26T05:01:09Z on ")
        .contains("\n\nThe method.\n\n")
        .contains(
            "| n | objects | ready | seconds | Kustomizations/s | peak RSS MiB | peak heap MiB |"
                + " controller CPU s |\n"
                + "| ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |\n"
                + "| 100 | 400 | 100 | 30.2 | 3.3 | 366 | 150 | 21.0 |\n"
                + "| 200 | 800 | 150 | 900.4 | 0.2 | 400 | 160 | 95.5 |\n")
        .contains("Timed out: only 150 of 200 were Ready after 900 s.")
        .contains("RESULT scale-flux status=timeout n=200 seconds=900.4 peak_rss_mib=400")
        .contains("controller_cpu_s=95.5");
  }

  @Test
  void argoReportHasNoObjectsColumn(@TempDir Path dir) throws Exception {
    ScaleRun run =
        new ScaleRun(
            new ScaleRun.Kind(
                "scale-argo", "argoproj.io/v1alpha1", "Application", "synced", a -> true),
            Duration.ofSeconds(900));
    String report = publish(run, dir, 1, List.of(new Outcome(100, 100, 15.0, 235, 62, 9.96)));
    assertThat(report)
        .contains(
            "| n | synced | seconds | Applications/s | peak RSS MiB | peak heap MiB | controller CPU s"
                + " |\n"
                + "| ---: | ---: | ---: | ---: | ---: | ---: | ---: |\n"
                + "| 100 | 100 | 15.0 | 6.7 | 235 | 62 | 10.0 |\n")
        .doesNotContain("Timed out")
        .contains(
            "RESULT scale-argo n=100 seconds=15 peak_rss_mib=235 peak_heap_mib=62"
                + " controller_cpu_s=10 ");
  }

  private static String publish(ScaleRun run, Path dir, int objectsPerUnit, List<Outcome> outcomes)
      throws Exception {
    CommonOptions common = new CommonOptions();
    common.results = dir;
    PrintStream out = System.out;
    ByteArrayOutputStream printed = new ByteArrayOutputStream();
    System.setOut(new PrintStream(printed, true, StandardCharsets.UTF_8));
    try {
      run.publish(common, "title", STARTED, "1.0 1.0 1.0", "The method.", objectsPerUnit, outcomes);
    } finally {
      System.setOut(out);
    }
    try (var files = Files.list(dir)) {
      return Files.readString(files.findFirst().orElseThrow());
    }
  }
}
