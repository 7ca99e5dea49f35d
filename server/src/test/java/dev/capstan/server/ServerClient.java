package dev.capstan.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.capstan.server.auth.SecretBootstrap;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * What the server integration tests send to a running {@link CapstanServer} over plain HTTP on
 * loopback: JSON calls with an optional bearer token, logins, and the application event stream.
 *
 * <p>Thread-safe: it holds only the address, the timeout and a shared {@link HttpClient}.
 */
public final class ServerClient {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final HttpClient HTTP = HttpClient.newHttpClient();

  private final int port;
  private final Duration timeout;

  /** A call's answer: the status, the body as JSON (a text node when it is not JSON) and raw. */
  public record Response(int status, JsonNode body, String raw, HttpHeaders headers) {}

  private ServerClient(int port, Duration timeout) {
    this.port = port;
    this.timeout = timeout;
  }

  /**
   * Starts a server as the ITs run it: watching {@code namespace}, on a free loopback port, with a
   * fresh temporary work directory.
   */
  public static CapstanServer startServer(KubernetesClient client, String namespace)
      throws IOException {
    return CapstanServer.start(
        client,
        ServerOptions.defaults(namespace, Files.createTempDirectory("capstan-server-it"))
            .withPort(0));
  }

  /** A client of {@code server} whose requests time out after 30 seconds. */
  public static ServerClient of(CapstanServer server) {
    return new ServerClient(server.port(), Duration.ofSeconds(30));
  }

  /** The same client with another request timeout. */
  public ServerClient withTimeout(Duration requestTimeout) {
    return new ServerClient(port, requestTimeout);
  }

  /** A request to {@code path} (with its query) on the server, with this client's timeout. */
  public HttpRequest.Builder request(String path) {
    return HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path)).timeout(timeout);
  }

  /** Sends a built request and reads the answer as text. */
  public HttpResponse<String> send(HttpRequest.Builder request) throws Exception {
    return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
  }

  /**
   * Sends {@code method path}; {@code token} goes in a bearer header unless null; {@code body} is
   * sent as is when a String, as JSON otherwise, and nothing when null.
   */
  public HttpResponse<String> send(String method, String path, String token, Object body)
      throws Exception {
    HttpRequest.Builder b =
        request(path)
            .method(
                method,
                body == null
                    ? HttpRequest.BodyPublishers.noBody()
                    : HttpRequest.BodyPublishers.ofString(
                        body instanceof String s ? s : JSON.writeValueAsString(body)));
    if (token != null) {
      b.header("Authorization", "Bearer " + token);
    }
    if (body != null) {
      b.header("Content-Type", "application/json");
    }
    return send(b);
  }

  /** {@link #send(String, String, String, Object)}, with the body read as JSON. */
  public Response call(String method, String path, String token, Object body) throws Exception {
    return response(send(method, path, token, body));
  }

  /** {@link #send(HttpRequest.Builder)}, with the body read as JSON. */
  public Response call(HttpRequest.Builder request) throws Exception {
    return response(send(request));
  }

  private static Response response(HttpResponse<String> res) {
    JsonNode node;
    try {
      node = res.body().isEmpty() ? JSON.createObjectNode() : JSON.readTree(res.body());
    } catch (IOException e) {
      node = JSON.getNodeFactory().textNode(res.body());
    }
    return new Response(res.statusCode(), node, res.body(), res.headers());
  }

  /** Logs in and returns the session token; fails the test unless the server answers 200. */
  public String login(String user, String password) throws Exception {
    Response r =
        call("POST", "/api/v1/session", null, Map.of("username", user, "password", password));
    assertThat(r.status()).as(r.raw()).isEqualTo(200);
    return r.body().path("token").asText();
  }

  /** Logs in as {@code admin} with the initial password the server wrote into {@code namespace}. */
  public String loginAdmin(KubernetesClient client, String namespace) throws Exception {
    return login("admin", initialAdminPassword(client, namespace));
  }

  /**
   * Retries a login for up to 10 seconds, until an account change (a new password, a new account)
   * has reached the server; returns the session token.
   */
  public String awaitLogin(String user, String password) {
    return await()
        .atMost(Duration.ofSeconds(10))
        .until(
            () -> {
              Response r =
                  call(
                      "POST",
                      "/api/v1/session",
                      null,
                      Map.of("username", user, "password", password));
              return r.status() == 200 ? r.body().path("token").asText() : null;
            },
            t -> t != null);
  }

  /** Opens the server-sent event stream at {@code path}; close it to stop reading. */
  public EventStream stream(String path, String token) throws Exception {
    HttpResponse<InputStream> res =
        HTTP.send(
            HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .header("Authorization", "Bearer " + token)
                .build(),
            HttpResponse.BodyHandlers.ofInputStream());
    return new EventStream(res);
  }

  /** The initial {@code admin} password the server stored in {@code namespace}. */
  public static String initialAdminPassword(KubernetesClient client, String namespace) {
    return SecretBootstrap.decode(
            client
                .secrets()
                .inNamespace(namespace)
                .withName(SecretBootstrap.INITIAL_ADMIN_SECRET)
                .get())
        .get("password");
  }

  /** The {@code metadata.name} of every entry of a list answer's {@code items}. */
  public static List<String> names(JsonNode list) {
    List<String> out = new ArrayList<>();
    list.path("items").forEach(i -> out.add(i.path("metadata").path("name").asText()));
    return out;
  }

  /**
   * An open server-sent event stream; a virtual thread collects the JSON of every {@code data:}
   * line into {@link #events()} until {@link #close()}.
   */
  public static final class EventStream implements AutoCloseable {
    private final HttpResponse<InputStream> response;
    private final List<JsonNode> events = new CopyOnWriteArrayList<>();
    private final Thread reader;

    private EventStream(HttpResponse<InputStream> response) {
      this.response = response;
      this.reader = Thread.ofVirtual().start(this::read);
    }

    /** The HTTP status of the stream's answer. */
    public int status() {
      return response.statusCode();
    }

    /** The headers of the stream's answer. */
    public HttpHeaders headers() {
      return response.headers();
    }

    /** The events received so far, in order; a live, thread-safe view. */
    public List<JsonNode> events() {
      return events;
    }

    private void read() {
      try (BufferedReader r =
          new BufferedReader(new InputStreamReader(response.body(), StandardCharsets.UTF_8))) {
        String line;
        while ((line = r.readLine()) != null) {
          if (line.startsWith("data:")) {
            events.add(JSON.readTree(line.substring(5).strip()));
          }
        }
      } catch (IOException e) {
        // the stream was closed
      }
    }

    @Override
    public void close() {
      try {
        response.body().close();
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      } finally {
        reader.interrupt();
      }
    }
  }
}
