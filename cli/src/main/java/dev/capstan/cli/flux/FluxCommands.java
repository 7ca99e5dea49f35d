package dev.capstan.cli.flux;

import java.util.List;
import picocli.CommandLine;

/**
 * The Flux dialect's commands for {@code Subcommands}, and {@code build kustomization} layered onto
 * {@code build}.
 */
public final class FluxCommands {

  private FluxCommands() {}

  /** The top-level Flux commands. */
  public static List<Object> all() {
    return List.of(
        new GetCommand(),
        new ReconcileCommand(),
        new SuspendCommand.Suspend(),
        new SuspendCommand.Resume(),
        new DiffCommand(),
        new EventsCommand(),
        new TreeCommand(),
        new LogsCommand());
  }

  /**
   * {@code build} with a {@code kustomization} subcommand: {@code capstan build DIR} works as
   * before, {@code capstan build kustomization NAME --path DIR} builds a Flux Kustomization.
   */
  public static CommandLine buildWithKustomization(Object buildCommand) {
    return new CommandLine(buildCommand).addSubcommand(new BuildKustomizationCommand());
  }
}
