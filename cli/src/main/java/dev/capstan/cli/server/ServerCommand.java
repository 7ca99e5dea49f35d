package dev.capstan.cli.server;

import dev.capstan.server.CapstanServer;
import dev.capstan.server.ServerOptions;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code capstan server}: runs the API server (JSON API, SSE, UI files, /healthz, /metrics) with
 * the current kubeconfig until interrupted. On first start it creates {@code capstan-secret} and
 * the initial admin password ({@code capstan admin initial-password}).
 */
@Command(
    name = "server",
    mixinStandardHelpOptions = true,
    description = "Run the Capstan API server.")
public final class ServerCommand implements Callable<Integer> {

  @Spec CommandSpec spec;

  @Option(
      names = "--kubeconfig",
      description = "Kubeconfig file; default: KUBECONFIG, then ~/.kube/config.")
  Path kubeconfig;

  @Option(
      names = "--port",
      defaultValue = "8080",
      description = "Port (default: ${DEFAULT-VALUE}).")
  int port;

  @Option(names = "--tls-cert", description = "PEM certificate chain; with --tls-key, serve HTTPS.")
  Path tlsCert;

  @Option(names = "--tls-key", description = "PEM private key.")
  Path tlsKey;

  @Option(
      names = {"-n", "--namespace"},
      defaultValue = "capstan",
      description =
          "The server's namespace: capstan-cm, capstan-rbac-cm, capstan-secret and its Applications (default: ${DEFAULT-VALUE}).")
  String namespace;

  @Option(
      names = "--application-namespaces",
      split = ",",
      description = "Further namespaces whose Applications are served ('*' globs).")
  List<String> applicationNamespaces = new ArrayList<>();

  @Option(
      names = "--session-ttl",
      defaultValue = "24h",
      description = "Login token lifetime, e.g. 24h, 30m (default: ${DEFAULT-VALUE}).")
  String sessionTtl;

  @Option(
      names = "--cache-dir",
      description =
          "Where Git snapshots for manifests/diffs are kept (default: a new temporary directory).")
  Path cacheDir;

  @Override
  public Integer call() throws IOException, InterruptedException {
    PrintWriter out = spec.commandLine().getOut();
    if ((tlsCert == null) != (tlsKey == null)) {
      throw new IllegalArgumentException("--tls-cert and --tls-key go together");
    }
    for (Path p : new Path[] {tlsCert, tlsKey}) {
      if (p != null && !Files.isReadable(p)) {
        throw new IllegalArgumentException(p + ": cannot read");
      }
    }
    Duration ttl = dev.capstan.controller.api.flux.GoDuration.parse(sessionTtl);
    Path cache =
        cacheDir != null
            ? Files.createDirectories(cacheDir)
            : Files.createTempDirectory("capstan-server-git");
    ServerOptions options =
        ServerOptions.defaults(namespace, cache)
            .withPort(port)
            .withApplicationNamespaces(applicationNamespaces)
            .withSessionTtl(ttl);
    if (tlsCert != null) {
      options = options.withTls(tlsCert, tlsKey);
    }
    KubernetesClient client = connect();
    CapstanServer server = CapstanServer.start(client, options);
    CountDownLatch stop = new CountDownLatch(1);
    Runtime.getRuntime()
        .addShutdownHook(
            new Thread(
                () -> {
                  server.close();
                  client.close();
                  stop.countDown();
                }));
    out.println(
        "capstan server: namespace "
            + namespace
            + ", listening on "
            + (tlsCert != null ? "https" : "http")
            + "://0.0.0.0:"
            + server.port()
            + (server.bootstrap().createdAdminPassword()
                ? "; initial admin password created (capstan admin initial-password -n "
                    + namespace
                    + ")"
                : ""));
    out.flush();
    stop.await();
    return 0;
  }

  private KubernetesClient connect() {
    return KubeClients.connect(kubeconfig);
  }
}
