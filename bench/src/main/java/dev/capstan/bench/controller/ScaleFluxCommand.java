package dev.capstan.bench.controller;

import dev.capstan.bench.CommonOptions;
import dev.capstan.bench.report.BenchReport;
import dev.capstan.bench.report.Machine;
import java.time.Instant;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/** {@code scale-flux}: not written yet; reports itself unavailable rather than a number. */
@Command(name = "scale-flux", mixinStandardHelpOptions = true, description = "scale-flux (not available yet).")
public final class ScaleFluxCommand implements Callable<Integer> {
  @Mixin CommonOptions common;

  @Override
  public Integer call() {
    BenchReport report = new BenchReport("scale-flux", "scale-flux");
    String reason = "the harness for this benchmark is not written yet";
    report.paragraph("Not available yet: " + reason + ". Machine: " + Machine.current().describe() + ".");
    report.result("status", "unavailable");
    report.publish(common.results, Instant.now(), System.out);
    return 0;
  }
}
