package dev.capstan.bench;

import java.nio.file.Path;
import picocli.CommandLine.Option;

/** Flags every benchmark has. */
public final class CommonOptions {
  @Option(
      names = "--results",
      defaultValue = "bench/results",
      description = "Directory the Markdown report is written to (default ${DEFAULT-VALUE}).")
  public Path results;

  @Option(
      names = "--trials",
      defaultValue = "5",
      description = "Timed repetitions (default ${DEFAULT-VALUE}).")
  public int trials;
}
