package dev.capstan.cli.flux;

import dev.capstan.controller.api.flux.Kustomization;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.io.PrintWriter;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code capstan tree kustomization NAME}: the objects a Kustomization manages, from its inventory,
 * as {@code flux tree kustomization}; a managed Kustomization's own inventory is shown below it.
 */
@Command(
    name = "tree",
    mixinStandardHelpOptions = true,
    description = "Print the objects a Flux Kustomization manages.",
    subcommands = {TreeCommand.Ks.class})
public final class TreeCommand {

  @Command(
      name = "kustomization",
      aliases = {"ks"},
      mixinStandardHelpOptions = true,
      description = "Print a Kustomization's inventory as a tree.")
  static final class Ks implements Callable<Integer> {
    @Spec CommandSpec spec;
    @Mixin FluxOptions options;

    @Parameters(index = "0", description = "Kustomization name.")
    String name;

    @Override
    public Integer call() {
      PrintWriter out = spec.commandLine().getOut();
      try (KubernetesClient client = options.connect()) {
        Kustomization ks =
            (Kustomization) FluxObjects.KUSTOMIZATION.require(client, options.namespace(), name);
        out.println("Kustomization/" + options.namespace() + "/" + name);
        print(client, ks, "", out, 0);
        out.flush();
        return 0;
      }
    }

    private static void print(
        KubernetesClient client, Kustomization ks, String indent, PrintWriter out, int depth) {
      List<dev.capstan.controller.api.flux.KustomizationStatus.InventoryEntry> entries =
          ks.getStatus() == null || ks.getStatus().inventory() == null
              ? List.of()
              : ks.getStatus().inventory().entries();
      for (int i = 0; i < entries.size(); i++) {
        boolean last = i == entries.size() - 1;
        var parsed =
            dev.capstan.engine.inventory.InventoryEntry.parse(
                entries.get(i).id(), entries.get(i).v());
        if (parsed.isEmpty()) {
          continue;
        }
        var key = parsed.get().key();
        out.println(
            indent
                + (last ? "└── " : "├── ")
                + key.kind()
                + "/"
                + (key.namespace().isEmpty() ? "" : key.namespace() + "/")
                + key.name());
        if (key.kind().equals("Kustomization")
            && key.group().equals(Kustomization.GROUP)
            && depth < 10) {
          Kustomization child =
              client
                  .resources(Kustomization.class)
                  .inNamespace(key.namespace())
                  .withName(key.name())
                  .get();
          if (child != null) {
            print(client, child, indent + (last ? "    " : "│   "), out, depth + 1);
          }
        }
      }
    }
  }
}
