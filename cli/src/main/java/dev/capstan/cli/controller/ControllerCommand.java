package dev.capstan.cli.controller;

import dev.capstan.controller.argo.ArgoController;
import dev.capstan.controller.argo.ControllerSettings;
import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.client.Config;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.fabric8.kubernetes.client.jdkhttp.JdkHttpClientFactory;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code capstan controller}: runs the Argo CD application controller with the current kubeconfig
 * until interrupted. Settings: flags, then {@code capstan-cm} ({@code timeout.reconciliation},
 * {@code timeout.reconciliation.jitter}, {@code resource.customizations.health.*}) in the
 * controller's namespace.
 */
@Command(
    name = "controller",
    mixinStandardHelpOptions = true,
    description = "Run the Argo CD application controller (out of cluster, current kubeconfig).")
public final class ControllerCommand implements Callable<Integer> {

  @Spec CommandSpec spec;

  @Option(
      names = "--kubeconfig",
      description = "Kubeconfig file; default: KUBECONFIG, then ~/.kube/config.")
  Path kubeconfig;

  @Option(
      names = {"-n", "--namespace"},
      defaultValue = "argocd",
      description =
          "The controller's namespace: its Applications, AppProjects, repository Secrets, capstan-cm and Lease (default: ${DEFAULT-VALUE}).")
  String namespace;

  @Option(
      names = "--application-namespaces",
      split = ",",
      description =
          "Further namespaces whose Applications are reconciled ('*' for all), as Argo CD's --application-namespaces.")
  List<String> applicationNamespaces = new ArrayList<>();

  @Option(
      names = "--concurrency",
      defaultValue = "10",
      description = "Applications reconciled at once (default: ${DEFAULT-VALUE}).")
  int concurrency;

  @Option(
      names = "--metrics-port",
      defaultValue = "8082",
      description = "Port of /metrics; -1 for none (default: ${DEFAULT-VALUE}).")
  int metricsPort;

  @Option(
      names = "--reconciliation",
      description =
          "Git poll interval (e.g. 180s); default: capstan-cm timeout.reconciliation, else 180s.")
  String reconciliation;

  @Option(
      names = "--leader-elect",
      negatable = true,
      defaultValue = "true",
      fallbackValue = "true",
      description =
          "Reconcile only while holding the Lease capstan-controller (default: ${DEFAULT-VALUE}).")
  boolean leaderElect;

  @Option(
      names = "--cache-dir",
      description = "Where Git snapshots are kept (default: a new temporary directory).")
  Path cacheDir;

  // Flux dialect (see docs/flux-dialect.md): GitRepositories and Kustomizations in all namespaces.
  @Option(
      names = "--flux",
      negatable = true,
      defaultValue = "true",
      fallbackValue = "true",
      description =
          "Also reconcile Flux GitRepositories and Kustomizations in all namespaces while leading (default: ${DEFAULT-VALUE}).")
  boolean flux;

  @Override
  public Integer call() throws IOException, InterruptedException {
    PrintWriter out = spec.commandLine().getOut();
    Path cache =
        cacheDir != null
            ? Files.createDirectories(cacheDir)
            : Files.createTempDirectory("capstan-git");
    KubernetesClient client = connect();
    ControllerSettings settings =
        ControllerSettings.defaults(namespace, cache)
            .withApplicationNamespaces(applicationNamespaces)
            .withWorkers(concurrency)
            .withMetricsPort(metricsPort)
            .withLeaderElection(leaderElect)
            .withConfigMap(configMap(client));
    if (reconciliation != null) {
      settings =
          settings.withReconciliation(
              dev.capstan.controller.api.flux.GoDuration.parse(reconciliation), settings.jitter());
    }
    CountDownLatch stop = new CountDownLatch(1);
    ArgoController controller = ArgoController.start(client, settings);
    AutoCloseable fluxController =
        flux
            ? dev.capstan.cli.flux.FluxLauncher.startWhenLeading(
                client, cache.resolve("flux"), controller::isLeading, controller.registry())
            : () -> {};
    Runtime.getRuntime()
        .addShutdownHook(
            new Thread(
                () -> {
                  try {
                    fluxController.close();
                  } catch (Exception e) {
                    // shutting down: nothing left to report to
                  }
                  controller.close();
                  client.close();
                  stop.countDown();
                }));
    out.println(
        "capstan controller: namespace "
            + namespace
            + (applicationNamespaces.isEmpty()
                ? ""
                : ", applications also in " + applicationNamespaces)
            + ", "
            + concurrency
            + " workers, Git polled every "
            + settings.reconciliation().toSeconds()
            + "s"
            + controller.metricsPort().map(p -> ", metrics on :" + p + "/metrics").orElse("")
            + (leaderElect
                ? ", leader election on Lease " + namespace + "/" + ArgoController.LEASE
                : "")
            + (flux ? ", Flux GitRepositories and Kustomizations in all namespaces" : ""));
    out.flush();
    stop.await();
    return 0;
  }

  private Map<String, String> configMap(KubernetesClient client) {
    try {
      ConfigMap cm =
          client.configMaps().inNamespace(namespace).withName(ArgoController.CONFIG_MAP).get();
      return cm == null || cm.getData() == null ? Map.of() : cm.getData();
    } catch (KubernetesClientException e) {
      throw new IllegalArgumentException(
          "reading " + namespace + "/" + ArgoController.CONFIG_MAP + " failed: " + e.getMessage(),
          e);
    }
  }

  private KubernetesClient connect() {
    Config config;
    if (kubeconfig != null) {
      if (!Files.isRegularFile(kubeconfig)) {
        throw new IllegalArgumentException("--kubeconfig " + kubeconfig + ": no such file");
      }
      config = Config.fromKubeconfig(kubeconfig.toFile());
    } else {
      config = Config.autoConfigure(null);
    }
    return new KubernetesClientBuilder()
        .withConfig(config)
        .withHttpClientFactory(new JdkHttpClientFactory())
        .build();
  }
}
