package dev.capstan.cli;

import dev.capstan.cli.build.BuildCommand;
import dev.capstan.cli.install.InstallCommand;
import dev.capstan.cli.app.AppCommand;
import dev.capstan.cli.controller.ControllerCommand;
import java.util.List;

/** The registry of top-level subcommands; each feature adds its command object here. */
final class Subcommands {
  private Subcommands() {}

  static List<Object> all() {
    return List.of(new BuildCommand(), new InstallCommand(), new AppCommand(), new ControllerCommand());
  }
}
