package dev.capstan.cli.flux;

import dev.capstan.controller.api.flux.Kustomization;
import dev.capstan.controller.flux.KustomizationPreview;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code capstan build kustomization NAME --path DIR}: the objects the Kustomization would apply if
 * {@code spec.path} held the local folder, as {@code flux build kustomization}: its overrides,
 * {@code commonMetadata}, {@code postBuild} variables from the cluster, and the ownership labels.
 * Registered as a subcommand of {@code capstan build}, so {@code capstan build DIR} is unchanged (a
 * folder literally named {@code kustomization} must be given as {@code ./kustomization}).
 */
@Command(
    name = "kustomization",
    aliases = {"ks"},
    mixinStandardHelpOptions = true,
    description =
        "Build a Flux Kustomization from a local folder (like 'flux build kustomization').")
public final class BuildKustomizationCommand implements Callable<Integer> {

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
      List<GenericKubernetesResource> objects = KustomizationPreview.build(client, ks, path);
      for (GenericKubernetesResource o : objects) {
        String yaml = client.getKubernetesSerialization().asYaml(o);
        out.print(yaml.startsWith("---") ? yaml : "---\n" + yaml);
      }
      out.flush();
      return 0;
    }
  }
}
