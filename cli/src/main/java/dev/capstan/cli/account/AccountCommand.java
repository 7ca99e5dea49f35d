package dev.capstan.cli.account;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code capstan account}: the account of the current session. */
@Command(
    name = "account",
    mixinStandardHelpOptions = true,
    description = "The account logged in to the Capstan server.",
    subcommands = {GetUserInfoCommand.class})
public final class AccountCommand implements Callable<Integer> {

  @Spec CommandSpec spec;

  @Override
  public Integer call() {
    spec.commandLine().usage(spec.commandLine().getOut());
    return 0;
  }
}
