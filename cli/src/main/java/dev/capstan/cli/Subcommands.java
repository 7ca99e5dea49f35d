package dev.capstan.cli;

import dev.capstan.cli.admin.AdminCommand;
import dev.capstan.cli.app.AppCommand;
import dev.capstan.cli.build.BuildCommand;
import dev.capstan.cli.controller.ControllerCommand;
import dev.capstan.cli.install.InstallCommand;
import dev.capstan.cli.server.ServerCommand;
import java.util.List;

/** The registry of top-level subcommands; each feature adds its command object here. */
final class Subcommands {
  private Subcommands() {}

  static List<Object> all() {
    List<Object> all =
        new java.util.ArrayList<>(
            List.of(
                // Flux: 'build' also takes 'build kustomization NAME --path DIR'
                dev.capstan.cli.flux.FluxCommands.buildWithKustomization(new BuildCommand()),
                new InstallCommand(),
                new AppCommand(),
                new ControllerCommand(),
                new ServerCommand(),
                new AdminCommand(),
                new dev.capstan.cli.login.LoginCommand(),
                new dev.capstan.cli.login.LogoutCommand(),
                new dev.capstan.cli.account.AccountCommand()));
    all.addAll(dev.capstan.cli.flux.FluxCommands.all());
    return all;
  }
}
