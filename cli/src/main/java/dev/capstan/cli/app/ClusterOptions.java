package dev.capstan.cli.app;

import dev.capstan.cli.client.CliConfig;
import dev.capstan.cli.client.ServerClient;
import dev.capstan.controller.api.argo.Application;
import io.fabric8.kubernetes.client.Config;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.fabric8.kubernetes.client.jdkhttp.JdkHttpClientFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import picocli.CommandLine.Option;

/**
 * The options every {@code capstan app} command shares: where Applications are ({@code
 * -N/--app-namespace}) and how to reach them: straight in the cluster ({@code --kubeconfig}, {@code
 * --core}) or through the Capstan server ({@code --server}, {@code --auth-token}, {@code
 * --insecure}, {@code --plaintext}, {@code --config}).
 *
 * <p>The server is used when one is named by {@code --server} or {@code CAPSTAN_SERVER}, when a
 * token is given by {@code --auth-token} or {@code CAPSTAN_AUTH_TOKEN}, or when {@code capstan
 * login} left a current server in the config file. {@code --core} forces the cluster, as {@code
 * argocd --core} does, and so does an explicit {@code --kubeconfig} unless a server is named too.
 */
public final class ClusterOptions {

  /** Where Applications live unless told otherwise (Argo CD's {@code argocd}). */
  public static final String DEFAULT_NAMESPACE = "argocd";

  private static final String VERSION_WARNING_LOGGER =
      "org.slf4j.simpleLogger.log.io.fabric8.kubernetes.client.dsl.internal.VersionUsageUtils";

  @Option(
      names = "--kubeconfig",
      description = "Kubeconfig file; default: KUBECONFIG, then ~/.kube/config (current context).")
  Path kubeconfig;

  @Option(
      names = {"-N", "--app-namespace"},
      description =
          "Namespace of the Applications (default: "
              + DEFAULT_NAMESPACE
              + " in the cluster, the server's own through a server); NAME may also be given as"
              + " NAMESPACE/NAME.")
  void namespace(String ns) {
    this.namespace = ns;
    this.namespaceGiven = true;
  }

  String namespace = DEFAULT_NAMESPACE;
  private boolean namespaceGiven;

  @Option(
      names = "--core",
      description = "Talk to the cluster directly, even when logged in to a server.")
  boolean core;

  @Option(
      names = "--server",
      description = "Capstan server (host:port or URL); default: CAPSTAN_SERVER, then the login's.")
  String server;

  @Option(
      names = "--auth-token",
      description = "Token for the server; default: CAPSTAN_AUTH_TOKEN, then the login's.")
  String authToken;

  @Option(names = "--insecure", description = "Do not verify the server's TLS certificate.")
  boolean insecure;

  @Option(names = "--plaintext", description = "The server speaks plain HTTP.")
  boolean plaintext;

  @Option(
      names = "--config",
      description = "CLI config file; default: CAPSTAN_CONFIG, then ~/.config/capstan/config.")
  Path config;

  /** Where the commands go: the server or the cluster (see the class comment). */
  AppBackend open() {
    Optional<String> serverName = Optional.ofNullable(server).or(() -> env("CAPSTAN_SERVER"));
    Optional<String> token = Optional.ofNullable(authToken).or(() -> env("CAPSTAN_AUTH_TOKEN"));
    if (core) {
      if (server != null || authToken != null) {
        throw new IllegalArgumentException(
            "--core cannot be combined with --server or --auth-token");
      }
      return new ClusterBackend(connect(), this);
    }
    if (serverName.isEmpty() && kubeconfig != null && authToken == null) {
      return new ClusterBackend(connect(), this);
    }
    CliConfig file = CliConfig.read(CliConfig.path(Optional.ofNullable(config)));
    Optional<CliConfig.ServerEntry> entry =
        serverName.isPresent() ? file.server(serverName.get()) : file.current();
    if (serverName.isEmpty() && entry.isEmpty()) {
      if (token.isPresent()) {
        throw new IllegalArgumentException(
            "--auth-token needs a server: give --server or run capstan login SERVER");
      }
      return new ClusterBackend(connect(), this);
    }
    String name = serverName.orElseGet(() -> entry.orElseThrow().server());
    Optional<String> sessionToken =
        token.or(() -> entry.map(CliConfig.ServerEntry::token).filter(t -> !t.isEmpty()));
    if (sessionToken.isEmpty()) {
      throw new IllegalArgumentException(
          "not logged in to " + name + ": run capstan login " + name + " (or give --auth-token)");
    }
    boolean tlsOff = insecure || entry.map(CliConfig.ServerEntry::insecure).orElse(false);
    boolean plain = plaintext || entry.map(CliConfig.ServerEntry::plaintext).orElse(false);
    return new ServerBackend(
        ServerClient.connect(name, sessionToken, tlsOff, plain),
        namespaceGiven ? Optional.of(namespace) : Optional.empty());
  }

  private static Optional<String> env(String name) {
    return Optional.ofNullable(System.getenv(name)).filter(s -> !s.isBlank());
  }

  /** A client for the current context of the kubeconfig. */
  public KubernetesClient connect() {
    System.setProperty(VERSION_WARNING_LOGGER, System.getProperty(VERSION_WARNING_LOGGER, "error"));
    Config config;
    try {
      if (kubeconfig != null) {
        if (!Files.isRegularFile(kubeconfig)) {
          throw new IllegalArgumentException("--kubeconfig " + kubeconfig + ": no such file");
        }
        config = Config.fromKubeconfig(kubeconfig.toFile());
      } else {
        config = Config.autoConfigure(null);
      }
    } catch (KubernetesClientException e) {
      throw new IllegalArgumentException("reading the kubeconfig failed: " + e.getMessage(), e);
    }
    config.setRequestRetryBackoffLimit(2);
    return new KubernetesClientBuilder()
        .withConfig(config)
        .withHttpClientFactory(new JdkHttpClientFactory())
        .build();
  }

  /**
   * The namespace the user chose for {@code name}: its {@code ns/} prefix or {@code -N}; empty when
   * neither was given (the default then depends on where the command goes).
   */
  Optional<String> chosenNamespace(String name) {
    int slash = name.indexOf('/');
    if (slash >= 0) {
      return Optional.of(name.substring(0, slash));
    }
    return namespaceGiven ? Optional.of(namespace) : Optional.empty();
  }

  /** The namespace of {@code name} ({@code ns/name} wins over {@code -N}). */
  public String namespaceOf(String name) {
    int slash = name.indexOf('/');
    return slash < 0 ? namespace : name.substring(0, slash);
  }

  /** The bare name of {@code name}. */
  public static String nameOf(String name) {
    int slash = name.indexOf('/');
    return slash < 0 ? name : name.substring(slash + 1);
  }

  /** The Application, or a user error naming it. */
  public Application require(KubernetesClient client, String name) {
    try {
      Application app =
          client
              .resources(Application.class)
              .inNamespace(namespaceOf(name))
              .withName(nameOf(name))
              .get();
      if (app == null) {
        throw new IllegalArgumentException(
            "application " + namespaceOf(name) + "/" + nameOf(name) + " not found");
      }
      return app;
    } catch (KubernetesClientException e) {
      throw new IllegalArgumentException(
          "reading Application/"
              + namespaceOf(name)
              + "/"
              + nameOf(name)
              + " failed: "
              + e.getMessage(),
          e);
    }
  }
}
