package dev.capstan.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.capstan.controller.api.CrdInstaller;
import dev.capstan.server.ServerClient.Response;
import dev.capstan.server.cache.ResourceCache;
import dev.capstan.testsupport.cluster.ControlPlane;
import dev.capstan.testsupport.cluster.TestNamespace;
import dev.capstan.testsupport.cluster.WithControlPlane;
import io.fabric8.kubernetes.client.Config;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import io.fabric8.kubernetes.client.jdkhttp.JdkHttpClientFactory;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.nio.file.Files;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.Test;

/**
 * A cluster that goes away while the server runs: the server reaches the test control plane through
 * a TCP relay of this test's own, which the test then shuts (the shared control plane keeps
 * running). Calls that need the Kubernetes API answer 503 JSON (code 14) saying it cannot be
 * reached, without a stack trace; reads served from the informer cache keep working.
 */
@WithControlPlane
class ClusterUnreachableIT {
  @Test
  void apiAnswers503WhenTheKubernetesApiCannotBeReached(KubernetesClient admin, TestNamespace ns)
      throws Exception {
    new CrdInstaller(admin).installCapstanCrds();
    TestResources.create(
        admin,
        ResourceCache.APPLICATIONS,
        ns.name(),
        "web",
        TestResources.applicationSpec(
            "default", Map.of("repoURL", "http://127.0.0.1:1/x.git", "path", "."), "x"));
    TestResources.create(
        admin,
        dev.capstan.server.api.Projects.APP_PROJECTS,
        ns.name(),
        "default",
        Map.of("sourceRepos", List.of("*")));
    Config direct = Config.fromKubeconfig(Files.readString(ControlPlane.shared().kubeconfig()));
    URI api = URI.create(direct.getMasterUrl());
    try (Relay relay = new Relay(api.getHost(), api.getPort())) {
      Config viaRelay = Config.fromKubeconfig(Files.readString(ControlPlane.shared().kubeconfig()));
      viaRelay.setMasterUrl("https://" + api.getHost() + ":" + relay.port());
      // As capstan server's own client (cli KubeClients): 3 retries.
      viaRelay.setRequestRetryBackoffLimit(3);
      try (KubernetesClient client =
              new KubernetesClientBuilder()
                  .withConfig(viaRelay)
                  .withHttpClientFactory(new JdkHttpClientFactory())
                  .build();
          CapstanServer server = ServerClient.startServer(client, ns.name())) {
        ServerClient capstan = ServerClient.of(server).withTimeout(Duration.ofSeconds(60));
        String token = capstan.loginAdmin(admin, ns.name());
        await()
            .atMost(Duration.ofSeconds(20))
            .until(
                () ->
                    capstan.call("GET", "/api/v1/applications/web/events", token, null).status()
                        == 200);

        relay.close();

        for (String[] request :
            List.of(
                new String[] {"GET", "/api/v1/applications/web/events"},
                new String[] {"GET", "/api/v1/applications/web?refresh=normal"},
                new String[] {"POST", "/api/v1/applications/web/sync"},
                new String[] {"DELETE", "/api/v1/applications/web"})) {
          long started = System.nanoTime();
          Response r = capstan.call(request[0], request[1], token, Map.of());
          // Reported, not asserted (no timed tests): how long a client waits for the 503.
          System.out.printf(
              "%s %s: %d after %d ms%n",
              request[0], request[1], r.status(), (System.nanoTime() - started) / 1_000_000);
          assertThat(r.status()).as(request[0] + " " + request[1] + ": " + r.raw()).isEqualTo(503);
          assertThat(r.body().path("code").asInt()).isEqualTo(14);
          assertThat(r.body().path("message").asText())
              .contains("the Kubernetes API cannot be reached");
          assertThat(r.raw()).doesNotContain("Exception").doesNotContain("\tat ");
        }
        Response create =
            capstan.call(
                "POST",
                "/api/v1/applications",
                token,
                Map.of(
                    "metadata",
                    Map.of("name", "new"),
                    "spec",
                    Map.of(
                        "source", Map.of("repoURL", "http://127.0.0.1:1/x.git"),
                        "destination", Map.of("server", "https://kubernetes.default.svc"))));
        assertThat(create.status()).as(create.raw()).isEqualTo(503);
        assertThat(create.body().path("message").asText())
            .contains("the Kubernetes API cannot be reached");
        // What the informer cache holds is still served.
        Response list = capstan.call("GET", "/api/v1/applications", token, null);
        assertThat(list.status()).isEqualTo(200);
        assertThat(list.body().path("items").size()).isEqualTo(1);
      }
    }
  }

  /**
   * A TCP relay on loopback to the API server; {@link #close} stops accepting and cuts every open
   * connection, so the server behind it looks gone.
   */
  static final class Relay implements AutoCloseable {
    private final ServerSocket listener;
    private final Set<Socket> open = ConcurrentHashMap.newKeySet();

    Relay(String host, int port) throws IOException {
      listener = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
      Thread.ofVirtual()
          .start(
              () -> {
                while (!listener.isClosed()) {
                  try {
                    Socket in = listener.accept();
                    Socket out = new Socket();
                    out.connect(new InetSocketAddress(host, port), 5000);
                    open.add(in);
                    open.add(out);
                    pipe(in, out);
                    pipe(out, in);
                  } catch (IOException e) {
                    // closed, or the upstream refused: the client sees the connection drop
                  }
                }
              });
    }

    int port() {
      return listener.getLocalPort();
    }

    private void pipe(Socket from, Socket to) {
      Thread.ofVirtual()
          .start(
              () -> {
                byte[] buf = new byte[16384];
                try (InputStream in = from.getInputStream();
                    OutputStream out = to.getOutputStream()) {
                  int n;
                  while ((n = in.read(buf)) >= 0) {
                    out.write(buf, 0, n);
                    out.flush();
                  }
                } catch (IOException e) {
                  // a side closed
                } finally {
                  closeQuietly(from);
                  closeQuietly(to);
                }
              });
    }

    private static void closeQuietly(Socket s) {
      try {
        s.close();
      } catch (IOException e) {
        // already closed
      }
    }

    @Override
    public void close() throws IOException {
      listener.close();
      open.forEach(Relay::closeQuietly);
    }
  }
}
