package dev.capstan.cli.app;

import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.client.utils.KubernetesSerialization;
import java.io.PrintWriter;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code capstan app manifests NAME}: the desired objects rendered from Git, as YAML. */
@Command(
    name = "manifests",
    mixinStandardHelpOptions = true,
    description = "Print an Application's manifests rendered from Git.")
public final class AppManifestsCommand implements Callable<Integer> {

  @Spec CommandSpec spec;
  @Mixin ClusterOptions cluster;

  @Parameters(index = "0", description = "Application name (or NAMESPACE/NAME).")
  String name;

  @Override
  public Integer call() {
    PrintWriter out = spec.commandLine().getOut();
    try (AppBackend backend = cluster.open()) {
      var app = backend.get(name);
      KubernetesSerialization yaml = new KubernetesSerialization();
      for (GenericKubernetesResource o : backend.manifests(app)) {
        String text = yaml.asYaml(o);
        out.print(text.startsWith("---") ? text : "---\n" + text);
      }
    }
    out.flush();
    return 0;
  }
}
