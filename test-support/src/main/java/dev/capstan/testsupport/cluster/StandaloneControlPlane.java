package dev.capstan.testsupport.cluster;

import io.fabric8.kubernetes.client.Config;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import io.fabric8.kubernetes.client.jdkhttp.JdkHttpClientFactory;
import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import java.util.stream.Stream;

/**
 * A control plane of its own for one test class: etcd and kube-apiserver only (no controller
 * manager, scheduler or kwok), from the binaries and certificates of this checkout's testenv, in a
 * run directory of its own on ports of its own. It exists for tests that must do to a control plane
 * what nobody may do to the shared one: {@link #stopApiServer()} and {@link #startApiServer()} stop
 * and start kube-apiserver on the same port against the same etcd, so every object survives the
 * restart, as in a real API server restart or upgrade.
 *
 * <pre>{@code
 * try (StandaloneControlPlane cp = StandaloneControlPlane.start();
 *     KubernetesClient client = cp.newClient()) {
 *   ...
 *   cp.stopApiServer();    // connections refused from here on
 *   cp.startApiServer();   // same port, same data; returns once /readyz says ok
 * }
 * }</pre>
 *
 * <p>What it lacks because only two components run: no namespace deletion, garbage collection,
 * ServiceAccount tokens, Deployments that roll out or Pods that run. CRDs are established (that is
 * kube-apiserver's own work). The binaries are hard-linked into the run directory, so {@code
 * testenv/up} and {@code testenv/down}, which stop every process running this checkout's testenv
 * binaries, never touch it, and it never touches the shared control plane. {@link #close()} stops
 * both processes and deletes the run directory; a JVM shutdown hook does the same if a test forgot.
 *
 * <p>Needs {@code testenv/.cache} (binaries and keys): built by {@code testenv/build} when missing;
 * the keys come from the first {@code testenv/up} of the checkout. {@code -Dcapstan.testenv.dir}
 * (or {@code CAPSTAN_TESTENV_DIR}) names another checkout's {@code testenv} directory to take them
 * from (a fresh clone reusing the main work tree's build).
 */
public final class StandaloneControlPlane implements AutoCloseable {

  private static final Duration START_TIMEOUT =
      Duration.ofSeconds(Long.getLong("capstan.standalone.startTimeoutSeconds", 180));
  private static final Duration BUILD_TIMEOUT = Duration.ofMinutes(60);

  private final Path runDir;
  private final Path bin;
  private final Path pki;
  private final int etcdPort;
  private final int etcdPeerPort;
  private final int apiServerPort;
  private final Path kubeconfig;
  private final Thread shutdownHook;
  private Process etcd;
  private Process apiServer;

  private StandaloneControlPlane(Path runDir, Path bin, Path pki) {
    this.runDir = runDir;
    this.bin = bin;
    this.pki = pki;
    this.etcdPort = freePort();
    this.etcdPeerPort = freePort();
    this.apiServerPort = freePort();
    this.kubeconfig = runDir.resolve("kubeconfig");
    this.shutdownHook = new Thread(this::stopAll, "capstan-standalone-control-plane-stop");
  }

  /**
   * Starts etcd and kube-apiserver in a new directory under {@code target/} of the working
   * directory and returns once the API server is ready.
   *
   * @throws ControlPlaneException when the binaries or keys are missing, or a component does not
   *     start (the message ends with the tail of its log)
   */
  public static StandaloneControlPlane start() {
    Path root = RepositoryRoot.find();
    String testenv =
        System.getProperty("capstan.testenv.dir", System.getenv("CAPSTAN_TESTENV_DIR"));
    Path cache =
        testenv == null || testenv.isBlank()
            ? root.resolve("testenv/.cache")
            : Path.of(testenv).resolve(".cache");
    Path sourceBin = cache.resolve("bin");
    if (!Files.isExecutable(sourceBin.resolve("kube-apiserver"))
        || !Files.isExecutable(sourceBin.resolve("etcd"))) {
      new TestenvScripts(root, Path.of(System.getProperty("user.dir"), "target", "testenv"))
          .build(BUILD_TIMEOUT);
    }
    Path pki = cache.resolve("pki");
    if (!Files.isRegularFile(pki.resolve(".complete-v2"))) {
      throw new ControlPlaneException(
          "no testenv keys in " + pki + ": run testenv/up once in this checkout to make them");
    }
    try {
      Path base = Files.createDirectories(Path.of(System.getProperty("user.dir"), "target"));
      Path runDir = Files.createTempDirectory(base, "standalone-control-plane-");
      Path bin = Files.createDirectories(runDir.resolve("bin"));
      Files.createDirectories(runDir.resolve("logs"));
      for (String name : List.of("etcd", "kube-apiserver")) {
        link(sourceBin.resolve(name), bin.resolve(name));
      }
      StandaloneControlPlane cp = new StandaloneControlPlane(runDir, bin, pki);
      Runtime.getRuntime().addShutdownHook(cp.shutdownHook);
      try {
        cp.startEtcd();
        cp.writeKubeconfig();
        cp.startApiServer();
      } catch (RuntimeException e) {
        cp.close();
        throw e;
      }
      return cp;
    } catch (IOException e) {
      throw new ControlPlaneException(
          "standalone control plane could not be set up: " + e.getMessage(), e);
    }
  }

  /** The admin kubeconfig (client certificate of testenv's admin, {@code system:masters}). */
  public Path kubeconfig() {
    return kubeconfig;
  }

  /** {@code https://127.0.0.1:<port>}, the same across restarts. */
  public String apiServerUrl() {
    return "https://127.0.0.1:" + apiServerPort;
  }

  /** A new cluster-admin client on the JDK's HTTP client; the caller closes it. */
  public KubernetesClient newClient() {
    try {
      Config config = Config.fromKubeconfig(Files.readString(kubeconfig));
      return new KubernetesClientBuilder()
          .withConfig(config)
          .withHttpClientFactory(new JdkHttpClientFactory())
          .build();
    } catch (IOException e) {
      throw new ControlPlaneException("kubeconfig " + kubeconfig + " unreadable", e);
    }
  }

  /** Whether kube-apiserver is running (it may not be ready yet). */
  public synchronized boolean apiServerRunning() {
    return apiServer != null && apiServer.isAlive();
  }

  /**
   * Kills kube-apiserver (SIGKILL, as a crash or an OOM kill would: open connections are cut, no
   * graceful shutdown) and waits until it is gone. Etcd and its data stay.
   */
  public synchronized void stopApiServer() {
    if (apiServer == null) {
      return;
    }
    apiServer.destroyForcibly();
    try {
      if (!apiServer.waitFor(30, TimeUnit.SECONDS)) {
        throw new ControlPlaneException("kube-apiserver did not exit within 30 s of SIGKILL");
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new ControlPlaneException("interrupted while stopping kube-apiserver", e);
    }
    apiServer = null;
  }

  /**
   * Starts kube-apiserver on its port against the same etcd and returns once {@code /readyz} says
   * ok.
   *
   * @throws ControlPlaneException when it does not become ready within the start timeout
   */
  public synchronized void startApiServer() {
    if (apiServerRunning()) {
      return;
    }
    List<String> command =
        List.of(
            bin.resolve("kube-apiserver").toString(),
            "--etcd-servers=http://127.0.0.1:" + etcdPort,
            "--bind-address=127.0.0.1",
            "--advertise-address=127.0.0.1",
            "--secure-port=" + apiServerPort,
            "--tls-cert-file=" + pki.resolve("apiserver.crt"),
            "--tls-private-key-file=" + pki.resolve("apiserver.key"),
            "--client-ca-file=" + pki.resolve("ca.crt"),
            "--requestheader-client-ca-file=" + pki.resolve("front-proxy-ca.crt"),
            "--requestheader-allowed-names=front-proxy-client",
            "--requestheader-username-headers=X-Remote-User",
            "--requestheader-group-headers=X-Remote-Group",
            "--requestheader-extra-headers-prefix=X-Remote-Extra-",
            "--proxy-client-cert-file=" + pki.resolve("front-proxy-client.crt"),
            "--proxy-client-key-file=" + pki.resolve("front-proxy-client.key"),
            "--service-cluster-ip-range=10.96.0.0/16",
            "--authorization-mode=Node,RBAC",
            "--service-account-issuer=https://kubernetes.default.svc.cluster.local",
            "--service-account-key-file=" + pki.resolve("sa.pub"),
            "--service-account-signing-key-file=" + pki.resolve("sa.key"),
            "--allow-privileged=true",
            "--enable-priority-and-fairness=false",
            "--endpoint-reconciler-type=none",
            "--profiling=false",
            "--cert-dir=" + runDir.resolve("apiserver-certs"),
            "--v=1");
    apiServer = launch("kube-apiserver", command);
    awaitUp("kube-apiserver", apiServer, this::apiServerReady);
  }

  /** Stops both components and deletes the run directory (etcd data and logs included). */
  @Override
  public void close() {
    stopAll();
    try {
      Runtime.getRuntime().removeShutdownHook(shutdownHook);
    } catch (IllegalStateException e) {
      // the JVM is shutting down already; the hook runs stopAll, which is idempotent
    }
    deleteTree(runDir);
  }

  private synchronized void stopAll() {
    for (Process p : new Process[] {apiServer, etcd}) {
      if (p != null && p.isAlive()) {
        p.destroy();
        try {
          if (!p.waitFor(10, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            p.waitFor(10, TimeUnit.SECONDS);
          }
        } catch (InterruptedException e) {
          p.destroyForcibly();
          Thread.currentThread().interrupt();
        }
      }
    }
    apiServer = null;
    etcd = null;
  }

  private void startEtcd() {
    etcd =
        launch(
            "etcd",
            List.of(
                bin.resolve("etcd").toString(),
                "--data-dir",
                runDir.resolve("etcd").toString(),
                "--client-port",
                Integer.toString(etcdPort),
                "--peer-port",
                Integer.toString(etcdPeerPort),
                "--quota-backend-mib",
                "512"));
    awaitUp("etcd", etcd, this::etcdHealthy);
  }

  private Process launch(String name, List<String> command) {
    Path log = runDir.resolve("logs").resolve(name + ".log");
    ProcessBuilder builder = new ProcessBuilder(command);
    builder.redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")));
    builder.redirectErrorStream(true);
    builder.redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
    try {
      return builder.start();
    } catch (IOException e) {
      throw new ControlPlaneException(name + " could not be started: " + e.getMessage(), e);
    }
  }

  private void awaitUp(String name, Process process, BooleanSupplier ready) {
    Instant deadline = Instant.now().plus(START_TIMEOUT);
    while (!ready.getAsBoolean()) {
      if (!process.isAlive()) {
        throw new ControlPlaneException(
            name + " exited (" + process.exitValue() + ") before it was ready; " + logTail(name));
      }
      if (Instant.now().isAfter(deadline)) {
        throw new ControlPlaneException(
            name + " was not ready within " + START_TIMEOUT.toSeconds() + " s; " + logTail(name));
      }
      try {
        Thread.sleep(200);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new ControlPlaneException("interrupted while waiting for " + name, e);
      }
    }
  }

  private boolean etcdHealthy() {
    try (HttpClient http = HttpClient.newHttpClient()) {
      HttpResponse<String> r =
          http.send(
              HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + etcdPort + "/health"))
                  .timeout(Duration.ofSeconds(5))
                  .build(),
              HttpResponse.BodyHandlers.ofString());
      return r.body().contains("\"health\":\"true\"");
    } catch (IOException e) {
      return false;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    }
  }

  /** Asks {@code /readyz} with the admin certificate, through curl as testenv/up does. */
  private boolean apiServerReady() {
    ProcessBuilder curl =
        new ProcessBuilder(
            "curl",
            "-s",
            "--max-time",
            "5",
            "--cacert",
            pki.resolve("ca.crt").toString(),
            "--cert",
            pki.resolve("admin.crt").toString(),
            "--key",
            pki.resolve("admin.key").toString(),
            apiServerUrl() + "/readyz");
    curl.redirectErrorStream(true);
    try {
      Process p = curl.start();
      String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
      return p.waitFor(10, TimeUnit.SECONDS) && p.exitValue() == 0 && out.strip().equals("ok");
    } catch (IOException e) {
      throw new ControlPlaneException("curl is needed to check kube-apiserver: " + e.getMessage());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    }
  }

  private void writeKubeconfig() throws IOException {
    Files.writeString(
        kubeconfig,
        """
        apiVersion: v1
        kind: Config
        clusters:
        - name: capstan-standalone
          cluster:
            server: %s
            certificate-authority: %s
        users:
        - name: admin
          user:
            client-certificate: %s
            client-key: %s
        contexts:
        - name: capstan-standalone
          context:
            cluster: capstan-standalone
            user: admin
            namespace: default
        current-context: capstan-standalone
        """
            .formatted(
                apiServerUrl(),
                pki.resolve("ca.crt"),
                pki.resolve("admin.crt"),
                pki.resolve("admin.key")));
  }

  private String logTail(String name) {
    Path log = runDir.resolve("logs").resolve(name + ".log");
    try {
      List<String> lines = Files.readAllLines(log, StandardCharsets.UTF_8);
      return "its log "
          + log
          + " ends with:\n"
          + String.join("\n", lines.subList(Math.max(0, lines.size() - 30), lines.size()));
    } catch (IOException e) {
      return "its log " + log + " is unreadable";
    }
  }

  private static void link(Path source, Path target) throws IOException {
    try {
      Files.createLink(target, source);
    } catch (IOException | UnsupportedOperationException e) {
      Files.copy(source, target);
      target.toFile().setExecutable(true);
    }
  }

  private static int freePort() {
    try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      return socket.getLocalPort();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static void deleteTree(Path root) {
    if (!Files.exists(root)) {
      return;
    }
    try (Stream<Path> walk = Files.walk(root)) {
      List<Path> all = new ArrayList<>(walk.toList());
      all.sort(Comparator.reverseOrder());
      for (Path p : all) {
        Files.deleteIfExists(p);
      }
    } catch (IOException e) {
      // best effort: target/ is cleaned by the next mvn clean
    }
  }

  @Override
  public String toString() {
    return "StandaloneControlPlane[" + apiServerUrl() + ", " + runDir + "]";
  }
}
