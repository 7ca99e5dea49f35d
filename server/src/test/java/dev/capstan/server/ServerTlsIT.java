package dev.capstan.server;

import static org.assertj.core.api.Assertions.assertThat;

import dev.capstan.controller.api.CrdInstaller;
import dev.capstan.testsupport.cluster.RepositoryRoot;
import dev.capstan.testsupport.cluster.TestNamespace;
import dev.capstan.testsupport.cluster.WithControlPlane;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.security.cert.CertificateFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;
import org.junit.jupiter.api.Test;

/**
 * {@code --tls-cert/--tls-key}: the server speaks HTTPS with a PEM certificate and key (the test
 * control plane's own serving certificate for 127.0.0.1, signed by its CA) and marks the session
 * cookie {@code Secure}.
 */
@WithControlPlane
class ServerTlsIT {

  @Test
  void servesHttpsWithPemFiles(KubernetesClient client, TestNamespace namespace) throws Exception {
    // The server watches Applications and the Flux kinds: their CRDs must exist.
    new CrdInstaller(client).installCapstanCrds();
    Path pki = RepositoryRoot.find().resolve("testenv/.cache/pki");
    ServerOptions options =
        ServerOptions.defaults(namespace.name(), Files.createTempDirectory("capstan-tls-it"))
            .withPort(0)
            .withTls(pki.resolve("apiserver.crt"), pki.resolve("apiserver.key"));
    try (CapstanServer server = CapstanServer.start(client, options)) {
      KeyStore trust = KeyStore.getInstance(KeyStore.getDefaultType());
      trust.load(null, null);
      try (InputStream ca = Files.newInputStream(pki.resolve("ca.crt"))) {
        trust.setCertificateEntry(
            "ca", CertificateFactory.getInstance("X.509").generateCertificate(ca));
      }
      TrustManagerFactory tmf =
          TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
      tmf.init(trust);
      SSLContext ssl = SSLContext.getInstance("TLS");
      ssl.init(null, tmf.getTrustManagers(), null);
      HttpClient https = HttpClient.newBuilder().sslContext(ssl).build();

      HttpResponse<String> health =
          https.send(
              HttpRequest.newBuilder(URI.create("https://127.0.0.1:" + server.port() + "/healthz"))
                  .build(),
              HttpResponse.BodyHandlers.ofString());
      assertThat(health.statusCode()).isEqualTo(200);

      String password = ServerClient.initialAdminPassword(client, namespace.name());
      HttpResponse<String> login =
          https.send(
              HttpRequest.newBuilder(
                      URI.create("https://127.0.0.1:" + server.port() + "/api/v1/session"))
                  .POST(
                      HttpRequest.BodyPublishers.ofString(
                          "{\"username\":\"admin\",\"password\":\"" + password + "\"}"))
                  .build(),
              HttpResponse.BodyHandlers.ofString());
      assertThat(login.statusCode()).isEqualTo(200);
      assertThat(login.headers().firstValue("set-cookie").orElseThrow())
          .contains("capstan.token=")
          .contains("HttpOnly")
          .contains("Secure");
    }
  }
}
