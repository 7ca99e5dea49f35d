package dev.capstan.bench;

import dev.capstan.bench.controller.LatencyCommand;
import dev.capstan.bench.controller.PeersCommand;
import dev.capstan.bench.controller.ScaleArgoCommand;
import dev.capstan.bench.controller.ScaleFluxCommand;
import dev.capstan.bench.limit.LimitCommand;
import dev.capstan.bench.render.RenderCommand;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * {@code bench/run <name> [flags]}: Capstan's benchmarks. Each prints a Markdown report, writes it
 * to {@code bench/results/<name>-<date>.md} and ends with {@code RESULT <name> key=value ...}.
 * Benchmarks never fail because a machine is slow; the exit code is non-zero only when a benchmark
 * could not run at all (bad flags, missing tools).
 */
@Command(
    name = "bench/run",
    mixinStandardHelpOptions = true,
    description = "Capstan benchmarks (see docs/bench.md).",
    subcommands = {
      RenderCommand.class,
      LimitCommand.class,
      ScaleFluxCommand.class,
      ScaleArgoCommand.class,
      LatencyCommand.class,
      PeersCommand.class
    })
public final class BenchCommand implements Runnable {

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Override
  public void run() {
    spec.commandLine().usage(System.out);
  }

  public static void main(String[] args) {
    System.exit(new CommandLine(new BenchCommand()).execute(args));
  }
}
