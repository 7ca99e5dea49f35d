package dev.capstan.cli.install;

import io.fabric8.kubernetes.client.Config;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.fabric8.kubernetes.client.jdkhttp.JdkHttpClientFactory;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code capstan install}: installs Capstan's CRDs and configuration into the cluster of the
 * current kubeconfig context. Safe to run again: it changes only what differs, and says so.
 */
@Command(
    name = "install",
    mixinStandardHelpOptions = true,
    description = {
      "Install Capstan into a cluster: the Application, AppProject, GitRepository and Kustomization"
          + " CRDs, the namespace, the capstan-cm and capstan-rbac-cm config maps, the default"
          + " AppProject, and the controller's ServiceAccount, ClusterRole and ClusterRoleBinding.",
      "CRDs and RBAC are server-side applied (field manager 'capstan'); the config maps and the"
          + " default AppProject are created once and then left to you. Running it again changes"
          + " nothing that is already in place."
    })
public final class InstallCommand implements Callable<Integer> {

  /** Output formats of {@code -o}. */
  enum Output {
    table,
    yaml
  }

  private static final int CONNECT_RETRIES = 2;
  private static final String VERSION_WARNING_LOGGER =
      "org.slf4j.simpleLogger.log.io.fabric8.kubernetes.client.dsl.internal.VersionUsageUtils";

  @Spec CommandSpec spec;

  @Option(
      names = {"-n", "--namespace"},
      defaultValue = InstallPlan.DEFAULT_NAMESPACE,
      description = "Namespace to install into (default: ${DEFAULT-VALUE}).")
  String namespace;

  @Option(
      names = "--dry-run",
      description =
          "Report what would change, checked by the API server, without changing anything.")
  boolean dryRun;

  @Option(
      names = {"-o", "--output"},
      defaultValue = "table",
      description =
          "table: install and report (default); yaml: print the manifests and touch no cluster.")
  Output output;

  @Option(
      names = "--kubeconfig",
      description =
          "Kubeconfig file; default: the KUBECONFIG environment variable, then ~/.kube/config."
              + " Its current context is used.")
  Path kubeconfig;

  @Option(
      names = "--timeout",
      defaultValue = "60s",
      converter = DurationConverter.class,
      description =
          "How long to wait for each CRD to become Established (default: ${DEFAULT-VALUE}).")
  Duration timeout;

  @Override
  public Integer call() {
    PrintWriter out = spec.commandLine().getOut();
    InstallPlan plan = InstallPlan.forNamespace(namespace);
    if (output == Output.yaml) {
      ManifestYaml.write(plan, out);
      return 0;
    }
    // fabric8 warns on every use of a v1alpha1 kind; Argo CD's kinds are v1alpha1 by design.
    System.setProperty(VERSION_WARNING_LOGGER, System.getProperty(VERSION_WARNING_LOGGER, "error"));
    try (KubernetesClient client = connect()) {
      InstallResult result = new Installer(client, timeout).install(plan, dryRun);
      InstallTable.render(result, out);
      return 0;
    }
  }

  private KubernetesClient connect() {
    Config config;
    try {
      if (kubeconfig != null) {
        if (!Files.isRegularFile(kubeconfig)) {
          throw new InstallException("--kubeconfig " + kubeconfig + ": no such file");
        }
        config = Config.fromKubeconfig(kubeconfig.toFile());
      } else {
        config = Config.autoConfigure(null);
      }
    } catch (KubernetesClientException e) {
      throw new InstallException("reading the kubeconfig failed: " + e.getMessage(), e);
    }
    // A command line reports an unreachable cluster quickly instead of retrying for a minute.
    config.setRequestRetryBackoffLimit(CONNECT_RETRIES);
    // The JDK's HTTP client: no Netty, so no native-memory warnings on current JDKs.
    return new KubernetesClientBuilder()
        .withConfig(config)
        .withHttpClientFactory(new JdkHttpClientFactory())
        .build();
  }

  /**
   * Parses {@code --timeout} in Go's duration format, as kubectl does ({@code 90s}, {@code 2m}).
   */
  static final class DurationConverter implements picocli.CommandLine.ITypeConverter<Duration> {
    @Override
    public Duration convert(String value) {
      try {
        return dev.capstan.controller.api.flux.GoDuration.parse(value);
      } catch (IllegalArgumentException e) {
        throw new picocli.CommandLine.TypeConversionException(
            e.getMessage() + " (use e.g. 90s or 2m)");
      }
    }
  }
}
