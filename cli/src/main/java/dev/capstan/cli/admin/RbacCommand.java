package dev.capstan.cli.admin;

import picocli.CommandLine.Command;

/** {@code capstan admin rbac}: policy checks. */
@Command(
    name = "rbac",
    mixinStandardHelpOptions = true,
    description = "Check RBAC policies.",
    subcommands = {RbacCanCommand.class})
public final class RbacCommand {}
