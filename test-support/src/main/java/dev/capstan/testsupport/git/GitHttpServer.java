package dev.capstan.testsupport.git;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Function;
import java.util.zip.GZIPInputStream;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.transport.PacketLineOut;
import org.eclipse.jgit.transport.ReceivePack;
import org.eclipse.jgit.transport.RefAdvertiser.PacketLineOutRefAdvertiser;
import org.eclipse.jgit.transport.UploadPack;

/**
 * Git smart-HTTP server on {@code 127.0.0.1} with an ephemeral port, built on the JDK's {@code
 * com.sun.net.httpserver} and JGit's {@link UploadPack}/{@link ReceivePack} in stateless-RPC mode.
 * It speaks protocol v0 and, when the client sends {@code Git-Protocol: version=2}, protocol v2.
 * Fetch and push are served; the repository is named by the URL path ({@code /apps.git}).
 *
 * <p>Like GitHub, a client may fetch any commit reachable from a ref by its SHA ({@code
 * uploadpack.allowReachableSHA1InWant}); {@link #setAllowReachableShaInWant(boolean)} turns that
 * off to behave like a server that only sends advertised tips.
 *
 * <p>{@link #stop()} closes the listening socket so clients see "connection refused"; {@link
 * #start()} listens again on the same port. Thread-safety: all methods may be called from any
 * thread; requests are served concurrently.
 */
public final class GitHttpServer implements AutoCloseable {

  private static final String UPLOAD_PACK = "git-upload-pack";
  private static final String RECEIVE_PACK = "git-receive-pack";

  private final Function<String, Optional<Repository>> repositories;
  private final HttpAuth auth;
  private final ExecutorService executor;
  private final List<GitRequest> requests = new CopyOnWriteArrayList<>();
  private final int port;
  private volatile boolean allowReachableShaInWant = true;
  private HttpServer server;

  private GitHttpServer(Function<String, Optional<Repository>> repositories, HttpAuth auth) {
    this.repositories = repositories;
    this.auth = auth;
    this.executor =
        Executors.newCachedThreadPool(
            r -> {
              Thread t = new Thread(r, "git-http-fixture");
              t.setDaemon(true);
              return t;
            });
    this.server = listen(0);
    this.port = server.getAddress().getPort();
  }

  static GitHttpServer start(Function<String, Optional<Repository>> repositories, HttpAuth auth) {
    return new GitHttpServer(repositories, auth);
  }

  /** The port, stable across {@link #stop()} and {@link #start()}. */
  public int port() {
    return port;
  }

  /** The base URL, e.g. {@code http://127.0.0.1:41234}. */
  public String baseUrl() {
    return "http://127.0.0.1:" + port;
  }

  /** The clone URL of a repository, e.g. {@code http://127.0.0.1:41234/apps.git}. */
  public String url(FixtureRepository repository) {
    return baseUrl() + "/" + repository.name();
  }

  /** Every request served so far, in arrival order. */
  public List<GitRequest> requests() {
    return List.copyOf(requests);
  }

  /** Forgets the recorded requests. */
  public void clearRequests() {
    requests.clear();
  }

  /** Whether clients may fetch unadvertised commits reachable from a ref (default true). */
  public void setAllowReachableShaInWant(boolean allow) {
    this.allowReachableShaInWant = allow;
  }

  /** Whether the server is listening. */
  public synchronized boolean isRunning() {
    return server != null;
  }

  /** Stops listening; clients get "connection refused" until {@link #start()}. Idempotent. */
  public synchronized void stop() {
    if (server != null) {
      server.stop(0);
      server = null;
    }
  }

  /** Listens again on the same port. Idempotent. */
  public synchronized void start() {
    if (server == null) {
      server = listen(port);
    }
  }

  @Override
  public synchronized void close() {
    stop();
    executor.shutdownNow();
  }

  private HttpServer listen(int onPort) {
    try {
      HttpServer s =
          HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), onPort), 50);
      s.setExecutor(executor);
      s.createContext("/", this::handle);
      s.start();
      return s;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot listen on 127.0.0.1:" + onPort, e);
    }
  }

  private void handle(HttpExchange exchange) throws IOException {
    try (exchange) {
      String path = exchange.getRequestURI().getPath();
      String query = Optional.ofNullable(exchange.getRequestURI().getRawQuery()).orElse("");
      String method = exchange.getRequestMethod();
      if (!auth.accepts(
          Optional.ofNullable(exchange.getRequestHeaders().getFirst("Authorization")))) {
        exchange.getResponseHeaders().set("WWW-Authenticate", auth.challenge());
        // Logged before responding, so a client that has its answer always finds it logged.
        requests.add(new GitRequest("http", trimRepo(path), "", "unauthorized", 401));
        respond(exchange, 401, "authentication required\n");
        return;
      }
      if (method.equals("GET") && path.endsWith("/info/refs")) {
        String service = queryParameter(query, "service").orElse("");
        String repo = path.substring(0, path.length() - "/info/refs".length());
        advertise(exchange, repo, service);
      } else if (method.equals("POST") && path.endsWith("/" + UPLOAD_PACK)) {
        uploadPack(exchange, path.substring(0, path.length() - UPLOAD_PACK.length() - 1));
      } else if (method.equals("POST") && path.endsWith("/" + RECEIVE_PACK)) {
        receivePack(exchange, path.substring(0, path.length() - RECEIVE_PACK.length() - 1));
      } else {
        respond(exchange, 404, "not found\n");
      }
    } catch (IOException | RuntimeException e) {
      // The client sees a broken response; nothing else to do for a test server.
    }
  }

  private void advertise(HttpExchange exchange, String repoPath, String service)
      throws IOException {
    Optional<Repository> repo = repositories.apply(repoPath);
    if (repo.isEmpty() || !(service.equals(UPLOAD_PACK) || service.equals(RECEIVE_PACK))) {
      requests.add(new GitRequest("http", trimRepo(repoPath), service, "advertise", 404));
      respond(exchange, 404, "repository not found\n");
      return;
    }
    requests.add(new GitRequest("http", trimRepo(repoPath), service, "advertise", 200));
    exchange
        .getResponseHeaders()
        .set("Content-Type", "application/x-" + service + "-advertisement");
    exchange.getResponseHeaders().set("Cache-Control", "no-cache");
    exchange.sendResponseHeaders(200, 0);
    try (OutputStream out = exchange.getResponseBody()) {
      PacketLineOut pck = new PacketLineOut(out);
      PacketLineOutRefAdvertiser advertiser = new PacketLineOutRefAdvertiser(pck);
      if (service.equals(UPLOAD_PACK)) {
        UploadPack up = newUploadPack(repo.get(), exchange);
        up.sendAdvertisedRefs(advertiser, service);
      } else {
        pck.writeString("# service=" + service + "\n");
        pck.end();
        ReceivePack rp = new ReceivePack(repo.get());
        rp.setBiDirectionalPipe(false);
        rp.sendAdvertisedRefs(advertiser);
      }
    }
  }

  private void uploadPack(HttpExchange exchange, String repoPath) throws IOException {
    Optional<Repository> repo = repositories.apply(repoPath);
    if (repo.isEmpty()) {
      respond(exchange, 404, "repository not found\n");
      return;
    }
    BufferedInputStream in = new BufferedInputStream(requestBody(exchange));
    String command = peekCommand(in);
    requests.add(new GitRequest("http", trimRepo(repoPath), UPLOAD_PACK, command, 200));
    exchange.getResponseHeaders().set("Content-Type", "application/x-git-upload-pack-result");
    exchange.getResponseHeaders().set("Cache-Control", "no-cache");
    exchange.sendResponseHeaders(200, 0);
    try (OutputStream out = exchange.getResponseBody()) {
      newUploadPack(repo.get(), exchange).upload(in, out, null);
    }
  }

  private void receivePack(HttpExchange exchange, String repoPath) throws IOException {
    Optional<Repository> repo = repositories.apply(repoPath);
    if (repo.isEmpty()) {
      respond(exchange, 404, "repository not found\n");
      return;
    }
    InputStream in = requestBody(exchange);
    requests.add(new GitRequest("http", trimRepo(repoPath), RECEIVE_PACK, "v0", 200));
    exchange.getResponseHeaders().set("Content-Type", "application/x-git-receive-pack-result");
    exchange.getResponseHeaders().set("Cache-Control", "no-cache");
    exchange.sendResponseHeaders(200, 0);
    try (OutputStream out = exchange.getResponseBody()) {
      ReceivePack rp = new ReceivePack(repo.get());
      rp.setBiDirectionalPipe(false);
      rp.receive(in, out, null);
    }
  }

  private UploadPack newUploadPack(Repository repository, HttpExchange exchange) {
    UploadPack up = new UploadPack(repository);
    up.setBiDirectionalPipe(false);
    up.setRequestPolicy(
        allowReachableShaInWant
            ? UploadPack.RequestPolicy.REACHABLE_COMMIT
            : UploadPack.RequestPolicy.ADVERTISED);
    String protocol = exchange.getRequestHeaders().getFirst("Git-Protocol");
    if (protocol != null && !protocol.isBlank()) {
      up.setExtraParameters(List.of(protocol.split(":")));
    }
    return up;
  }

  private static InputStream requestBody(HttpExchange exchange) throws IOException {
    String encoding = exchange.getRequestHeaders().getFirst("Content-Encoding");
    InputStream body = exchange.getRequestBody();
    return encoding != null && encoding.contains("gzip") ? new GZIPInputStream(body) : body;
  }

  /**
   * Reads the first pkt-line's protocol-v2 {@code command=} without consuming it; {@code v0}
   * otherwise.
   */
  private static String peekCommand(BufferedInputStream in) throws IOException {
    in.mark(128);
    byte[] head = in.readNBytes(4);
    String line = "";
    if (head.length == 4) {
      try {
        int length = Integer.parseInt(new String(head, StandardCharsets.US_ASCII), 16);
        if (length > 4 && length <= 124) {
          line = new String(in.readNBytes(length - 4), StandardCharsets.UTF_8).strip();
        }
      } catch (NumberFormatException e) {
        line = "";
      }
    }
    in.reset();
    return line.startsWith("command=") ? line.substring("command=".length()) : "v0";
  }

  private static Optional<String> queryParameter(String rawQuery, String name) {
    for (String pair : rawQuery.split("&")) {
      int eq = pair.indexOf('=');
      if (eq > 0 && pair.substring(0, eq).equals(name)) {
        return Optional.of(URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
      }
    }
    return Optional.empty();
  }

  private static String trimRepo(String repoPath) {
    return repoPath.replaceAll("^/+", "");
  }

  private static void respond(HttpExchange exchange, int status, String body) throws IOException {
    byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
    exchange.getResponseHeaders().set("Content-Type", "text/plain; charset=utf-8");
    exchange.sendResponseHeaders(status, bytes.length);
    try (OutputStream out = exchange.getResponseBody()) {
      out.write(bytes);
    }
  }
}
