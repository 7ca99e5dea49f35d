package dev.capstan.cli.login;

import dev.capstan.cli.client.CliConfig;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code capstan logout [SERVER]}: forgets the session with a server (the current one by default),
 * so that commands go straight to the cluster again. The token itself stays valid until it expires,
 * as with {@code argocd logout}.
 */
@Command(
    name = "logout",
    mixinStandardHelpOptions = true,
    description = "Forget the session with a Capstan server.")
public final class LogoutCommand implements Callable<Integer> {

  @Spec CommandSpec spec;

  @Parameters(index = "0", arity = "0..1", description = "Server (default: the current one).")
  String server;

  @Option(
      names = "--config",
      description = "CLI config file; default: CAPSTAN_CONFIG, then ~/.config/capstan/config.")
  Path config;

  @Override
  public Integer call() {
    PrintWriter out = spec.commandLine().getOut();
    Path file = CliConfig.path(Optional.ofNullable(config));
    CliConfig current = CliConfig.read(file);
    String target = server != null ? server : current.currentServer();
    if (target.isEmpty() || current.server(target).isEmpty()) {
      throw new IllegalArgumentException(
          target.isEmpty() ? "not logged in to any server" : "not logged in to " + target);
    }
    current.without(target).write(file);
    out.println("Logged out from '" + target + "'");
    out.flush();
    return 0;
  }
}
