package dev.capstan.cli.app;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.capstan.cli.client.ServerClient;
import dev.capstan.cli.client.ServerException;
import dev.capstan.controller.api.argo.Application;
import dev.capstan.controller.api.argo.ApplicationStatus;
import dev.capstan.controller.api.argo.Operation;
import dev.capstan.engine.diff.DiffStatus;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.client.utils.KubernetesSerialization;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Predicate;

/**
 * {@code capstan app} through the Capstan API server, with the session of {@code capstan login} (or
 * {@code --auth-token}): Argo CD's REST paths, so the server's RBAC applies to every call. Waiting
 * polls the Application every half second.
 */
final class ServerBackend implements AppBackend {
  private static final KubernetesSerialization SERIALIZATION = new KubernetesSerialization();
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Duration POLL = Duration.ofMillis(500);

  private final ServerClient server;
  private final Optional<String> namespace;

  /**
   * @param namespace the Applications' namespace when the user named one ({@code -N}); otherwise
   *     the server's own namespace applies
   */
  ServerBackend(ServerClient server, Optional<String> namespace) {
    this.server = server;
    this.namespace = namespace;
  }

  @Override
  public List<Application> list(boolean allNamespaces) {
    String query =
        allNamespaces || namespace.isEmpty() ? "" : "?appNamespace=" + enc(namespace.get());
    JsonNode list = server.get("/api/v1/applications" + query);
    List<Application> out = new ArrayList<>();
    list.path("items").forEach(i -> out.add(application(i)));
    return out;
  }

  @Override
  public Application get(String name) {
    Optional<String> ns =
        name.contains("/") ? Optional.of(name.substring(0, name.indexOf('/'))) : namespace;
    String bare = ClusterOptions.nameOf(name);
    try {
      return application(
          server.get(
              "/api/v1/applications/"
                  + enc(bare)
                  + ns.map(n -> "?appNamespace=" + enc(n)).orElse("")));
    } catch (ServerException e) {
      if (e.status() == 404) {
        throw new ServerException(
            404, "application " + ns.map(n -> n + "/").orElse("") + bare + " not found");
      }
      throw e;
    }
  }

  @Override
  public Application requestRefresh(Application app, String kind) {
    return application(server.get(path(app, "") + "&refresh=" + enc(kind)));
  }

  @Override
  public Instant requestSync(Application app, Operation.SyncOperation sync) {
    Instant requested = ClusterBackend.now();
    Map<String, Object> body = new LinkedHashMap<>();
    if (!sync.revision().isEmpty()) {
      body.put("revision", sync.revision());
    }
    body.put("prune", sync.prune());
    body.put("dryRun", sync.dryRun());
    if (!sync.resources().isEmpty()) {
      body.put(
          "resources",
          sync.resources().stream()
              .map(
                  r ->
                      Map.of(
                          "group",
                          r.group(),
                          "kind",
                          r.kind(),
                          "name",
                          r.name(),
                          "namespace",
                          r.namespace()))
              .toList());
    }
    server.post(path(app, "/sync"), body);
    return requested;
  }

  @Override
  public Instant requestRollback(
      Application app, ApplicationStatus.RevisionHistory entry, boolean prune) {
    Instant requested = ClusterBackend.now();
    server.post(path(app, "/rollback"), Map.of("id", entry.id(), "prune", prune));
    return requested;
  }

  @Override
  public void delete(Application app, boolean cascade) {
    server.delete(path(app, "") + "&cascade=" + cascade);
  }

  @Override
  public Application setSpec(Application app, Map<String, Object> spec) {
    server.put(path(app, "/spec"), spec);
    return application(server.get(path(app, "")));
  }

  @Override
  public Application create(Application app, boolean upsert) {
    return application(
        server.post(
            "/api/v1/applications" + (upsert ? "?upsert=true" : ""),
            JSON.valueToTree(SERIALIZATION.convertValue(app, Map.class))));
  }

  @Override
  public Optional<Application> await(
      Application app, Predicate<Optional<Application>> test, Duration timeout) {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (true) {
      Optional<Application> now;
      try {
        now = Optional.of(application(server.get(path(app, ""))));
      } catch (ServerException e) {
        if (e.status() != 404) {
          throw e;
        }
        now = Optional.empty();
      }
      if (test.test(now)) {
        return now;
      }
      if (System.nanoTime() > deadline) {
        throw new TimeoutException();
      }
      try {
        Thread.sleep(POLL);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new TimeoutException();
      }
    }
  }

  @Override
  public List<ResourceChange> diff(Application app) {
    JsonNode items = server.get(path(app, "/managed-resources")).path("items");
    List<ResourceChange> out = new ArrayList<>();
    for (JsonNode i : items) {
      out.add(
          new ResourceChange(
              i.path("group").asText(""),
              i.path("kind").asText(""),
              i.path("namespace").asText(""),
              i.path("name").asText(""),
              label(i.path("status").asText("")),
              i.path("modified").asBoolean(false),
              i.path("diff").asText("")));
    }
    return out;
  }

  @Override
  public List<GenericKubernetesResource> manifests(Application app) {
    List<GenericKubernetesResource> out = new ArrayList<>();
    for (JsonNode m : server.get(path(app, "/manifests")).path("manifests")) {
      out.add(SERIALIZATION.unmarshal(m.asText(), GenericKubernetesResource.class));
    }
    return out;
  }

  /**
   * The engine's label of a status the server sends by name ({@code MISSING} → {@code Missing}).
   */
  private static String label(String status) {
    try {
      return DiffStatus.valueOf(status).toString();
    } catch (IllegalArgumentException e) {
      return status;
    }
  }

  /** {@code /api/v1/applications/<name><suffix>?appNamespace=<ns>}. */
  private static String path(Application app, String suffix) {
    return "/api/v1/applications/"
        + enc(app.getMetadata().getName())
        + suffix
        + "?appNamespace="
        + enc(app.getMetadata().getNamespace());
  }

  private static Application application(JsonNode node) {
    return SERIALIZATION.convertValue(JSON.convertValue(node, Map.class), Application.class);
  }

  private static String enc(String s) {
    return ServerClient.encode(s);
  }

  @Override
  public void close() {}
}
