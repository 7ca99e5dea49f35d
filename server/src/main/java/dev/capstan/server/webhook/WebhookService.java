package dev.capstan.server.webhook;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.capstan.server.api.ApiException;
import dev.capstan.server.api.Json;
import dev.capstan.server.cache.ResourceCache;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.fabric8.kubernetes.client.dsl.base.PatchContext;
import io.fabric8.kubernetes.client.dsl.base.PatchType;
import io.helidon.http.HeaderNames;
import io.helidon.webserver.http.HttpRules;
import io.helidon.webserver.http.HttpService;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;
import java.io.IOException;
import java.io.InputStream;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * {@code POST /api/webhook}: a Git host's push notification. Open without a session (the
 * authentication filter lets it through); {@link WebhookParser} authenticates it with the
 * provider's shared secret. A push sets {@code argocd.argoproj.io/refresh: normal} on every cached
 * Application and {@code reconcile.fluxcd.io/requestedAt} on every cached GitRepository that {@link
 * Matching} says follow the pushed repository and ref, and answers {@code {"refreshed": [...]}}
 * ({@code <namespace>/<name>} for Applications, {@code <namespace>/GitRepository/<name>} for
 * GitRepositories), plus {@code failed} for patches the Kubernetes API refused and {@code pending}
 * for patches still running when the answer is sent ({@link RefreshRunner}: a few at a time, the
 * answer after at most {@link #ANSWER_WITHIN}). Thread-safe.
 */
public final class WebhookService implements HttpService {
  static final String ARGO_REFRESH = "argocd.argoproj.io/refresh";
  static final String FLUX_REQUESTED_AT = "reconcile.fluxcd.io/requestedAt";
  private static final System.Logger LOG = System.getLogger(WebhookService.class.getName());
  private static final ObjectMapper MAPPER = new ObjectMapper();

  /** How many refresh patches run at once. */
  static final int PARALLELISM = 8;

  /**
   * How long a push waits for its patches before answering: well under GitHub's 10 s delivery
   * timeout.
   */
  static final Duration ANSWER_WITHIN = Duration.ofSeconds(5);

  private final KubernetesClient client;
  private final ResourceCache applications;
  private final ResourceCache gitRepositories;
  private final Function<String, Optional<String>> secrets;
  private final Clock clock;
  private final RefreshRunner runner = new RefreshRunner(PARALLELISM, ANSWER_WITHIN);

  /**
   * {@code secrets} reads a key of {@code capstan-secret} at request time, so a changed secret
   * applies at once.
   */
  public WebhookService(
      KubernetesClient client,
      ResourceCache applications,
      ResourceCache gitRepositories,
      Function<String, Optional<String>> secrets,
      Clock clock) {
    this.client = client;
    this.applications = applications;
    this.gitRepositories = gitRepositories;
    this.secrets = secrets;
    this.clock = clock;
  }

  @Override
  public void routing(HttpRules rules) {
    rules.post("/", this::handle);
  }

  private void handle(ServerRequest req, ServerResponse res) {
    byte[] body = body(req);
    WebhookParser.Outcome outcome =
        WebhookParser.parse(
            name -> req.headers().first(HeaderNames.create(name.toLowerCase(Locale.ROOT), name)),
            body,
            secrets);
    switch (outcome) {
      case WebhookParser.Ignored ignored ->
          Json.ok(
              res,
              Map.of(
                  "message",
                  "event \""
                      + ignored.event()
                      + "\" from "
                      + ignored.provider()
                      + " needs no action",
                  "refreshed",
                  List.of()));
      case WebhookParser.Push push -> Json.ok(res, refresh(push.event()));
    }
  }

  /**
   * Annotates what the push concerns, {@link #PARALLELISM} patches at a time, and returns the
   * response body once all are done or after {@link #ANSWER_WITHIN}; patches still running then are
   * listed under {@code pending} and finish in the background.
   */
  Map<String, Object> refresh(PushEvent event) {
    List<RefreshRunner.Task> tasks = new ArrayList<>();
    for (GenericKubernetesResource app : applications.list()) {
      if (Matching.applicationMatches(spec(app), event)) {
        String id = app.getMetadata().getNamespace() + "/" + app.getMetadata().getName();
        tasks.add(new RefreshRunner.Task(id, () -> annotate(app, ARGO_REFRESH, "normal")));
      }
    }
    String now = clock.instant().toString();
    for (GenericKubernetesResource repo : gitRepositories.list()) {
      if (Matching.gitRepositoryMatches(spec(repo), event)) {
        String id =
            repo.getMetadata().getNamespace() + "/GitRepository/" + repo.getMetadata().getName();
        tasks.add(new RefreshRunner.Task(id, () -> annotate(repo, FLUX_REQUESTED_AT, now)));
      }
    }
    RefreshRunner.Outcome outcome = runner.run(tasks);
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("refreshed", outcome.refreshed());
    if (!outcome.failed().isEmpty()) {
      out.put("failed", outcome.failed());
    }
    if (!outcome.pending().isEmpty()) {
      out.put("pending", outcome.pending());
    }
    LOG.log(
        System.Logger.Level.INFO,
        event.provider()
            + " push "
            + event.refs()
            + ": refreshed "
            + outcome.refreshed()
            + (outcome.failed().isEmpty() ? "" : ", failed " + outcome.failed())
            + (outcome.pending().isEmpty() ? "" : ", still refreshing " + outcome.pending()));
    return out;
  }

  private boolean annotate(GenericKubernetesResource o, String key, String value) {
    try {
      client
          .genericKubernetesResources(o.getApiVersion(), o.getKind())
          .inNamespace(o.getMetadata().getNamespace())
          .withName(o.getMetadata().getName())
          .patch(
              PatchContext.of(PatchType.JSON_MERGE),
              MAPPER.writeValueAsString(
                  Map.of("metadata", Map.of("annotations", Map.of(key, value)))));
      return true;
    } catch (KubernetesClientException e) {
      LOG.log(
          System.Logger.Level.WARNING,
          "webhook: annotating "
              + o.getKind()
              + " "
              + o.getMetadata().getNamespace()
              + "/"
              + o.getMetadata().getName()
              + " failed: "
              + e.getCode()
              + " "
              + e.getMessage());
      return false;
    } catch (JsonProcessingException | RuntimeException e) {
      LOG.log(
          System.Logger.Level.WARNING,
          "webhook: annotating "
              + o.getKind()
              + " "
              + o.getMetadata().getNamespace()
              + "/"
              + o.getMetadata().getName()
              + " failed: "
              + e);
      return false;
    }
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> spec(GenericKubernetesResource o) {
    return o.getAdditionalProperties().get("spec") instanceof Map<?, ?> m
        ? (Map<String, Object>) m
        : null;
  }

  private static byte[] body(ServerRequest req) {
    if (!req.content().hasEntity()) {
      return new byte[0];
    }
    byte[] bytes;
    try (InputStream in = req.content().inputStream()) {
      bytes = in.readNBytes(Json.MAX_BODY + 1);
    } catch (IOException e) {
      throw ApiException.invalid("reading the request body failed");
    } catch (io.helidon.http.RequestException e) {
      if (e.status().code() == 413) {
        throw new ApiException(
            413, 8, "webhook payload is larger than " + Json.MAX_BODY + " bytes");
      }
      throw e;
    }
    if (bytes.length > Json.MAX_BODY) {
      throw new ApiException(413, 8, "webhook payload is larger than " + Json.MAX_BODY + " bytes");
    }
    return bytes;
  }
}
