package dev.capstan.cli.app;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code capstan app}: manage Argo CD Applications. */
@Command(
    name = "app",
    mixinStandardHelpOptions = true,
    description =
        "Manage Argo CD Applications, through the Capstan server after 'capstan login' (or"
            + " --server), else straight in the cluster (like 'argocd --core'; --core forces it).",
    subcommands = {
      AppListCommand.class,
      AppCreateCommand.class,
      AppSetCommand.class,
      AppGetCommand.class,
      AppSyncCommand.class,
      AppDiffCommand.class,
      AppHistoryCommand.class,
      AppRollbackCommand.class,
      AppWaitCommand.class,
      AppManifestsCommand.class,
      AppDeleteCommand.class
    })
public final class AppCommand implements Callable<Integer> {

  @Spec CommandSpec spec;

  @Override
  public Integer call() {
    spec.commandLine().usage(spec.commandLine().getOut());
    return 0;
  }
}
