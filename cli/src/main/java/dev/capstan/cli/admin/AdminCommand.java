package dev.capstan.cli.admin;

import picocli.CommandLine.Command;

/** {@code capstan admin}: the parent of the administration commands. */
@Command(
    name = "admin",
    mixinStandardHelpOptions = true,
    description = "Administer the Capstan server.",
    subcommands = {InitialPasswordCommand.class, RbacCommand.class})
public final class AdminCommand {}
