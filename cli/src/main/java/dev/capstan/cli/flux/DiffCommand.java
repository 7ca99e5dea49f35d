package dev.capstan.cli.flux;

import dev.capstan.controller.api.flux.Kustomization;
import dev.capstan.controller.flux.KustomizationPreview;
import dev.capstan.engine.diff.DiffResult;
import dev.capstan.engine.diff.ResourceDiff;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code capstan diff kustomization NAME --path DIR}: builds the Kustomization from a local folder
 * and compares it with the cluster by server-side dry run, as {@code flux diff kustomization}:
 * {@code ✚} for objects that would be created, {@code ►} for drifted ones (with a unified diff),
 * {@code ►} ... {@code deleted} for objects that would be pruned. Exit code 1 when anything
 * differs, 0 when in sync. Writes nothing; Secret values are masked.
 */
@Command(
    name = "diff",
    mixinStandardHelpOptions = true,
    description = "Compare a Flux Kustomization built from a local folder with the cluster.",
    subcommands = {DiffCommand.Ks.class})
public final class DiffCommand {

  @Command(
      name = "kustomization",
      aliases = {"ks"},
      mixinStandardHelpOptions = true,
      description = "Diff a Kustomization against a local folder.")
  static final class Ks implements Callable<Integer> {
    @Spec CommandSpec spec;
    @Mixin FluxOptions options;

    @Parameters(index = "0", description = "Kustomization name.")
    String name;

    @Option(
        names = "--path",
        required = true,
        description = "Local folder standing in for spec.path.")
    Path path;

    @Override
    public Integer call() {
      if (!Files.isDirectory(path)) {
        throw new IllegalArgumentException("--path " + path + ": not a directory");
      }
      PrintWriter out = spec.commandLine().getOut();
      try (KubernetesClient client = options.connect()) {
        Kustomization ks =
            (Kustomization) FluxObjects.KUSTOMIZATION.require(client, options.namespace(), name);
        DiffResult diff =
            KustomizationPreview.diff(client, ks, KustomizationPreview.build(client, ks, path));
        boolean changed = false;
        for (ResourceDiff d : diff.resources()) {
          switch (d.status()) {
            case IN_SYNC -> {}
            case MISSING -> {
              out.println("✚ " + d.key() + " created");
              changed = true;
            }
            case EXTRA -> {
              out.println("► " + d.key() + " deleted");
              changed = true;
            }
            case OUT_OF_SYNC -> {
              out.println("► " + d.key() + " drifted");
              out.print(d.unifiedDiff().endsWith("\n") ? d.unifiedDiff() : d.unifiedDiff() + "\n");
              changed = true;
            }
          }
        }
        out.flush();
        return changed ? 1 : 0;
      }
    }
  }
}
