package dev.capstan.cli.flux;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code capstan get kustomizations|sources git [NAME] [-A] [-n NS]}: the flux CLI's tables ({@code
 * NAME REVISION SUSPENDED READY MESSAGE}, with {@code NAMESPACE} first under {@code -A}).
 */
@Command(
    name = "get",
    mixinStandardHelpOptions = true,
    description = "List Flux Kustomizations or Git sources and their status.",
    subcommands = {GetCommand.Kustomizations.class, GetCommand.Sources.class})
public final class GetCommand {

  static int print(
      CommandSpec spec, FluxOptions options, boolean all, FluxObjects kind, String name) {
    PrintWriter out = spec.commandLine().getOut();
    try (KubernetesClient client = options.connect()) {
      List<HasMetadata> items =
          name == null
              ? kind.list(client, options.namespace(), all)
              : List.of(kind.require(client, options.namespace(), name));
      if (items.isEmpty()) {
        spec.commandLine()
            .getErr()
            .println(
                "no "
                    + kind.kind
                    + " objects found in "
                    + (all ? "any namespace" : options.namespace() + " namespace"));
        spec.commandLine().getErr().flush();
        return 0;
      }
      List<String> header =
          new ArrayList<>(List.of("NAME", "REVISION", "SUSPENDED", "READY", "MESSAGE"));
      if (all) {
        header.addFirst("NAMESPACE");
      }
      FluxTable table = new FluxTable(header);
      for (HasMetadata o : items) {
        var ready = FluxObjects.condition(o, "Ready");
        List<String> row =
            new ArrayList<>(
                List.of(
                    o.getMetadata().getName(),
                    FluxObjects.revision(o),
                    Boolean.toString(FluxObjects.suspended(o)),
                    ready.map(c -> c.status()).orElse("Unknown"),
                    ready
                        .map(c -> c.message().replaceAll("\\s*\\R\\s*", " "))
                        .orElse("waiting to be reconciled")));
        if (all) {
          row.addFirst(o.getMetadata().getNamespace());
        }
        table.row(row);
      }
      table.print(out);
      return 0;
    }
  }

  @Command(
      name = "kustomizations",
      aliases = {"kustomization", "ks"},
      mixinStandardHelpOptions = true,
      description = "List Kustomizations and their status.")
  static final class Kustomizations implements Callable<Integer> {
    @Spec CommandSpec spec;
    @Mixin FluxOptions options;

    @Option(
        names = {"-A", "--all-namespaces"},
        description = "List in every namespace.")
    boolean all;

    @Parameters(arity = "0..1", description = "Only this Kustomization.")
    String name;

    @Override
    public Integer call() {
      return print(spec, options, all, FluxObjects.KUSTOMIZATION, name);
    }
  }

  @Command(
      name = "sources",
      aliases = {"source"},
      mixinStandardHelpOptions = true,
      description = "List sources.",
      subcommands = {Sources.Git.class})
  static final class Sources {
    @Command(
        name = "git",
        mixinStandardHelpOptions = true,
        description = "List GitRepositories and their status.")
    static final class Git implements Callable<Integer> {
      @Spec CommandSpec spec;
      @Mixin FluxOptions options;

      @Option(
          names = {"-A", "--all-namespaces"},
          description = "List in every namespace.")
      boolean all;

      @Parameters(arity = "0..1", description = "Only this GitRepository.")
      String name;

      @Override
      public Integer call() {
        return print(spec, options, all, FluxObjects.GIT_REPOSITORY, name);
      }
    }
  }
}
