package dev.capstan.cli.client;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.Optional;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLException;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.TrustManager;
import javax.net.ssl.X509TrustManager;

/**
 * A client of the Capstan API server: JSON in and out, the token as {@code Authorization: Bearer}.
 * Every failure becomes a {@link ServerException} with one line a user can act on: the server
 * cannot be reached, the session is missing or expired (run {@code capstan login}), permission
 * denied (the server's message), or the server's error message with its status. Thread-safe.
 */
public final class ServerClient {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Duration TIMEOUT = Duration.ofSeconds(60);

  private final String server;
  private final URI base;
  private final Optional<String> token;
  private final HttpClient http;

  private ServerClient(String server, URI base, Optional<String> token, HttpClient http) {
    this.server = server;
    this.base = base;
    this.token = token;
    this.http = http;
  }

  /**
   * A client for {@code server} ({@code host:port}, or an {@code http://}/{@code https://} URL).
   * Without a scheme, {@code https} is used unless {@code plaintext}; {@code insecure} skips the
   * verification of the server's certificate.
   */
  public static ServerClient connect(
      String server, Optional<String> token, boolean insecure, boolean plaintext) {
    return new ServerClient(server, baseUri(server, plaintext), token, httpClient(insecure));
  }

  /** The server's base URI. */
  public static URI baseUri(String server, boolean plaintext) {
    String s = server.strip();
    if (s.isEmpty()) {
      throw new IllegalArgumentException("no server given");
    }
    if (!s.startsWith("http://") && !s.startsWith("https://")) {
      s = (plaintext ? "http://" : "https://") + s;
    }
    while (s.endsWith("/")) {
      s = s.substring(0, s.length() - 1);
    }
    try {
      URI uri = URI.create(s);
      if (uri.getHost() == null) {
        throw new IllegalArgumentException("server '" + server + "' is not host:port or a URL");
      }
      return uri;
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("server '" + server + "' is not host:port or a URL");
    }
  }

  /** The server as the user named it. */
  public String server() {
    return server;
  }

  /** {@code GET path}; the JSON answer. */
  public JsonNode get(String path) {
    return send("GET", path, Optional.empty());
  }

  /** {@code POST path} with {@code body}. */
  public JsonNode post(String path, Object body) {
    return send("POST", path, Optional.of(body));
  }

  /** {@code PUT path} with {@code body}. */
  public JsonNode put(String path, Object body) {
    return send("PUT", path, Optional.of(body));
  }

  /** {@code DELETE path}. */
  public JsonNode delete(String path) {
    return send("DELETE", path, Optional.empty());
  }

  /** {@code value} encoded for a path segment or query value. */
  public static String encode(String value) {
    return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
  }

  private JsonNode send(String method, String path, Optional<Object> body) {
    HttpRequest.Builder b =
        HttpRequest.newBuilder(URI.create(base + path))
            .timeout(TIMEOUT)
            .header("Accept", "application/json");
    try {
      if (body.isPresent()) {
        b.header("Content-Type", "application/json")
            .method(
                method, HttpRequest.BodyPublishers.ofByteArray(JSON.writeValueAsBytes(body.get())));
      } else {
        b.method(method, HttpRequest.BodyPublishers.noBody());
      }
    } catch (IOException e) {
      throw new IllegalStateException("serializing the request failed", e);
    }
    token.ifPresent(t -> b.header("Authorization", "Bearer " + t));
    HttpResponse<String> res;
    try {
      res = http.send(b.build(), HttpResponse.BodyHandlers.ofString());
    } catch (HttpConnectTimeoutException e) {
      throw unreachable("connection timed out");
    } catch (HttpTimeoutException e) {
      throw new ServerException(
          0,
          method
              + " "
              + path
              + " on "
              + server
              + " got no answer within "
              + TIMEOUT.toSeconds()
              + "s");
    } catch (ConnectException e) {
      throw unreachable("connection refused");
    } catch (SSLException e) {
      throw new ServerException(
          0,
          "TLS with the Capstan server at "
              + server
              + " failed ("
              + e.getMessage()
              + "); use --insecure to skip certificate verification, or --plaintext if it serves"
              + " plain HTTP");
    } catch (IOException e) {
      throw unreachable(e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new ServerException(0, "interrupted");
    }
    JsonNode answer = parse(res.body());
    int status = res.statusCode();
    if (status >= 200 && status < 300) {
      return answer;
    }
    String message = answer.path("message").asText("");
    if (message.isEmpty()) {
      message = res.body().isBlank() ? "(no message)" : res.body().strip();
      if (message.length() > 200) {
        message = message.substring(0, 200) + "...";
      }
    }
    throw switch (status) {
      case 401 ->
          new ServerException(
              401,
              "not logged in to "
                  + server
                  + " or the session expired ("
                  + message
                  + "): run capstan login "
                  + server,
              message);
      case 403 -> new ServerException(403, message);
      default -> new ServerException(status, message);
    };
  }

  private ServerException unreachable(String reason) {
    return new ServerException(
        0,
        "cannot reach the Capstan server at "
            + base
            + ": "
            + reason
            + " (is capstan server running? --core talks to the cluster directly)");
  }

  private static JsonNode parse(String body) {
    if (body == null || body.isBlank()) {
      return JSON.createObjectNode();
    }
    try {
      return JSON.readTree(body);
    } catch (IOException e) {
      return JSON.createObjectNode();
    }
  }

  private static HttpClient httpClient(boolean insecure) {
    HttpClient.Builder b =
        HttpClient.newBuilder()
            .connectTimeout(Duration.ofSeconds(10))
            .followRedirects(HttpClient.Redirect.NEVER);
    if (insecure) {
      // The JDK client checks host names unless told not to; --insecure means "do not verify".
      System.setProperty("jdk.internal.httpclient.disableHostnameVerification", "true");
      try {
        SSLContext context = SSLContext.getInstance("TLS");
        context.init(null, new TrustManager[] {new TrustAll()}, new SecureRandom());
        SSLParameters params = new SSLParameters();
        // No host name check either: --insecure means "do not verify the server".
        params.setEndpointIdentificationAlgorithm(null);
        b.sslContext(context).sslParameters(params);
      } catch (java.security.GeneralSecurityException e) {
        throw new IllegalStateException("setting up TLS failed", e);
      }
    }
    return b.build();
  }

  /** Accepts any certificate: only with {@code --insecure}. */
  private static final class TrustAll implements X509TrustManager {
    @Override
    public void checkClientTrusted(X509Certificate[] chain, String authType) {}

    @Override
    public void checkServerTrusted(X509Certificate[] chain, String authType) {}

    @Override
    public X509Certificate[] getAcceptedIssuers() {
      return new X509Certificate[0];
    }
  }
}
