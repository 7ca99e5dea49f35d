package dev.capstan.testsupport.cluster;

import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import io.fabric8.kubernetes.client.http.BasicBuilder;
import io.fabric8.kubernetes.client.http.HttpRequest;
import io.fabric8.kubernetes.client.http.Interceptor;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A client of the same control plane as another, which records every request it sends (method,
 * path, query), for tests that count what a controller costs the API server. Hand {@link #client()}
 * to the code under test; {@link #sent()} is the live, thread-safe record (clear it to start
 * counting). Close it to close the client.
 */
public final class RecordingClient implements AutoCloseable {

  /** One request sent: its method, path and query ({@code ""} when it has none). */
  public record Sent(String method, String path, String query) {
    public Sent {
      query = query == null ? "" : query;
    }

    /** A watch request (an informer's long poll). */
    public boolean isWatch() {
      return query.contains("watch=");
    }

    /** A watch or an informer's list (from a resourceVersion). */
    public boolean isWatchOrList() {
      return isWatch() || query.contains("resourceVersion=");
    }
  }

  private final List<Sent> sent = new CopyOnWriteArrayList<>();
  private final KubernetesClient client;

  /** A recording client with {@code base}'s configuration. */
  public RecordingClient(KubernetesClient base) {
    Interceptor recorder =
        new Interceptor() {
          @Override
          public void before(BasicBuilder builder, HttpRequest request, RequestTags tags) {
            sent.add(new Sent(request.method(), request.uri().getPath(), request.uri().getQuery()));
          }
        };
    this.client =
        new KubernetesClientBuilder()
            .withConfig(base.getConfiguration())
            .withHttpClientBuilderConsumer(
                b -> b.addOrReplaceInterceptor("capstan-recording", recorder))
            .build();
  }

  /** The client whose requests are recorded. */
  public KubernetesClient client() {
    return client;
  }

  /** The requests sent so far, in order; live and thread-safe. */
  public List<Sent> sent() {
    return sent;
  }

  @Override
  public void close() {
    client.close();
  }
}
