package dev.capstan.server.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.capstan.controller.api.argo.Application;
import dev.capstan.controller.argo.ApplicationPreview;
import dev.capstan.engine.diff.DiffResult;
import dev.capstan.server.cache.ResourceCache;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.fabric8.kubernetes.client.dsl.base.PatchContext;
import io.fabric8.kubernetes.client.dsl.base.PatchType;
import io.helidon.webserver.http.HttpRules;
import io.helidon.webserver.http.HttpService;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Predicate;

/**
 * {@code /api/v1/applications}: Argo CD's application API over the informer cache. Reads come from
 * the cache; a sync or rollback writes the Application's {@code operation} and a refresh its {@code
 * argocd.argoproj.io/refresh} annotation, for the controller to act on. Every call is checked
 * against RBAC with object {@code <project>/<name>} (or {@code <project>/<namespace>/<name>} for
 * Applications outside the server's namespace), and lists show only what the caller may get.
 */
public final class ApplicationService implements HttpService {
  static final String REFRESH = "argocd.argoproj.io/refresh";

  private final KubernetesClient client;
  private final ResourceCache apps;
  private final String namespace;
  private final Predicate<String> servedNamespaces;
  private final ApplicationPreview preview;
  private final ReentrantLock previewLock = new ReentrantLock();

  public ApplicationService(
      KubernetesClient client,
      ResourceCache apps,
      String namespace,
      Predicate<String> servedNamespaces,
      ApplicationPreview preview) {
    this.client = client;
    this.apps = apps;
    this.namespace = namespace;
    this.servedNamespaces = servedNamespaces;
    this.preview = preview;
  }

  @Override
  public void routing(HttpRules rules) {
    rules
        .get("/", this::list)
        .get("/{name}", this::get)
        .get("/{name}/resource-tree", this::tree)
        .get("/{name}/managed-resources", this::managed)
        .get("/{name}/events", this::events)
        .get("/{name}/manifests", this::manifests)
        .post("/{name}/sync", this::sync)
        .post("/{name}/rollback", this::rollback);
  }

  /**
   * The RBAC object of an Application: {@code project/name}, or {@code project/namespace/name}
   * outside the server's namespace.
   */
  String rbacObject(GenericKubernetesResource app) {
    String project = project(app);
    String ns = app.getMetadata().getNamespace();
    return ns.equals(namespace)
        ? project + "/" + app.getMetadata().getName()
        : project + "/" + ns + "/" + app.getMetadata().getName();
  }

  static String project(GenericKubernetesResource app) {
    Object p = app.get("spec", "project");
    return p instanceof String s && !s.isEmpty() ? s : "default";
  }

  private void list(ServerRequest req, ServerResponse res) {
    Caller caller = Authentication.caller(req);
    var q = req.query();
    Optional<String> name = q.first("name").asOptional().filter(s -> !s.isEmpty());
    name.ifPresent(n -> Names.objectName("application name", n));
    List<String> projects = new ArrayList<>(q.all("projects", List::of));
    projects.addAll(q.all("project", List::of));
    Optional<String> appNs =
        q.first("appNamespace").asOptional().filter(s -> !s.isEmpty()).map(Names::namespace);
    LabelSelector selector = LabelSelector.parse(q.first("selector").orElse(""));
    Paging paging =
        Paging.of(
            q.first("limit").orElse(""),
            q.first("continue").orElse(""),
            q.first("offset").orElse(""));
    List<GenericKubernetesResource> matched =
        apps.list().stream()
            .filter(a -> servedNamespaces.test(a.getMetadata().getNamespace()))
            .filter(a -> name.isEmpty() || name.get().equals(a.getMetadata().getName()))
            .filter(a -> projects.isEmpty() || projects.contains(project(a)))
            .filter(a -> appNs.isEmpty() || appNs.get().equals(a.getMetadata().getNamespace()))
            .filter(a -> selector.matches(a.getMetadata().getLabels()))
            .filter(a -> caller.can("applications", "get", rbacObject(a)))
            .toList();
    Json.ok(res, paging.page(matched.stream().map(ApplicationService::view).toList()));
  }

  private void get(ServerRequest req, ServerResponse res) {
    Caller caller = Authentication.caller(req);
    GenericKubernetesResource app = require(req, caller, "get");
    Optional<String> refresh = req.query().first("refresh").asOptional().filter(s -> !s.isEmpty());
    if (refresh.isPresent()) {
      if (!refresh.get().equals("normal") && !refresh.get().equals("hard")) {
        throw ApiException.invalid("refresh must be normal or hard");
      }
      app = patch(app, Map.of("metadata", Map.of("annotations", Map.of(REFRESH, refresh.get()))));
    }
    Json.ok(res, view(app));
  }

  private void sync(ServerRequest req, ServerResponse res) {
    Caller caller = Authentication.caller(req);
    GenericKubernetesResource app = require(req, caller, "sync");
    ObjectNode body = Json.body(req);
    Map<String, Object> sync = new LinkedHashMap<>();
    String revision = body.path("revision").asText("");
    if (!revision.isEmpty()) {
      sync.put("revision", revision);
    }
    if (body.path("prune").asBoolean(false)) {
      sync.put("prune", true);
    }
    if (body.path("dryRun").asBoolean(false)) {
      sync.put("dryRun", true);
    }
    List<Map<String, String>> resources = new ArrayList<>();
    for (JsonNode r : body.path("resources")) {
      Map<String, String> m = new LinkedHashMap<>();
      for (String f : List.of("group", "kind", "name", "namespace")) {
        String v = r.path(f).asText("");
        if (!v.isEmpty()) {
          m.put(f, v);
        }
      }
      if (!m.containsKey("kind") || !m.containsKey("name")) {
        throw ApiException.invalid("each resource to sync needs kind and name");
      }
      resources.add(m);
    }
    if (!resources.isEmpty()) {
      sync.put("resources", resources);
    }
    List<String> options = new ArrayList<>();
    body.path("syncOptions").path("items").forEach(o -> options.add(o.asText()));
    if (!options.isEmpty()) {
      sync.put("syncOptions", options);
    }
    if (body.has("strategy")) {
      sync.put("syncStrategy", Json.MAPPER.convertValue(body.get("strategy"), Map.class));
    }
    Json.ok(res, view(requestOperation(app, sync, caller)));
  }

  private void rollback(ServerRequest req, ServerResponse res) {
    Caller caller = Authentication.caller(req);
    GenericKubernetesResource app = require(req, caller, "sync");
    ObjectNode body = Json.body(req);
    if (Boolean.TRUE.equals(automated(app))) {
      throw ApiException.precondition("rollback cannot be initiated when auto-sync is enabled");
    }
    long id = body.path("id").asLong(-1);
    JsonNode history = Json.MAPPER.valueToTree(app).path("status").path("history");
    JsonNode entry = null;
    for (JsonNode h : history) {
      if (h.path("id").asLong(-2) == id) {
        entry = h;
      }
    }
    if (entry == null) {
      throw ApiException.invalid(
          "application " + app.getMetadata().getName() + " does not have deployment with id " + id);
    }
    Map<String, Object> sync = new LinkedHashMap<>();
    sync.put("revision", entry.path("revision").asText(""));
    if (entry.has("revisions")) {
      sync.put("revisions", Json.MAPPER.convertValue(entry.get("revisions"), List.class));
    }
    if (entry.has("source")) {
      sync.put("source", Json.MAPPER.convertValue(entry.get("source"), Map.class));
    }
    if (entry.has("sources")) {
      sync.put("sources", Json.MAPPER.convertValue(entry.get("sources"), List.class));
    }
    if (body.path("prune").asBoolean(false)) {
      sync.put("prune", true);
    }
    if (body.path("dryRun").asBoolean(false)) {
      sync.put("dryRun", true);
    }
    Json.ok(res, view(requestOperation(app, sync, caller)));
  }

  private GenericKubernetesResource requestOperation(
      GenericKubernetesResource cached, Map<String, Object> sync, Caller caller) {
    var resource =
        client
            .genericKubernetesResources(ResourceCache.APPLICATIONS)
            .inNamespace(cached.getMetadata().getNamespace())
            .withName(cached.getMetadata().getName());
    GenericKubernetesResource fresh = resource.get();
    if (fresh == null) {
      throw ApiException.notFound(
          "applications.argoproj.io \"" + cached.getMetadata().getName() + "\" not found");
    }
    if (fresh.getAdditionalProperties().get("operation") != null) {
      throw ApiException.precondition("another operation is already in progress");
    }
    Map<String, Object> patch =
        Map.of(
            "metadata", Map.of("resourceVersion", fresh.getMetadata().getResourceVersion()),
            "operation",
                Map.of(
                    "sync", sync, "initiatedBy", Map.of("username", caller.session().username())));
    try {
      return resource.patch(
          PatchContext.of(PatchType.JSON_MERGE), Json.MAPPER.writeValueAsString(patch));
    } catch (KubernetesClientException e) {
      if (e.getCode() == 409) {
        throw ApiException.conflict(
            "application "
                + cached.getMetadata().getName()
                + " changed while the operation was requested; retry");
      }
      throw cluster("requesting the operation", e);
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }

  private void tree(ServerRequest req, ServerResponse res) {
    Caller caller = Authentication.caller(req);
    GenericKubernetesResource app = require(req, caller, "get");
    Json.ok(res, new ResourceTree(client).build(app));
  }

  private void managed(ServerRequest req, ServerResponse res) {
    Caller caller = Authentication.caller(req);
    GenericKubernetesResource app = require(req, caller, "get");
    DiffResult diff = withPreview(p -> p.diff(typed(app)));
    List<Map<String, Object>> items = new ArrayList<>();
    for (var r : diff.resources()) {
      Map<String, Object> m = new LinkedHashMap<>();
      m.put("group", r.key().group());
      m.put("kind", r.key().kind());
      m.put("namespace", r.key().namespace());
      m.put("name", r.key().name());
      m.put("targetState", r.target().isNull() ? "null" : r.target().toString());
      m.put("liveState", r.live().isNull() ? "null" : r.live().toString());
      m.put("normalizedLiveState", r.live().isNull() ? "null" : r.live().toString());
      m.put("predictedLiveState", r.target().isNull() ? "null" : r.target().toString());
      m.put("diff", r.unifiedDiff());
      m.put("modified", !r.inSync());
      m.put("status", r.status().name());
      items.add(m);
    }
    Json.ok(res, Map.of("items", items));
  }

  private void manifests(ServerRequest req, ServerResponse res) {
    Caller caller = Authentication.caller(req);
    GenericKubernetesResource app = require(req, caller, "get");
    ApplicationPreview.Manifests manifests = withPreview(p -> p.manifests(typed(app)));
    List<String> texts = new ArrayList<>();
    for (GenericKubernetesResource o : manifests.objects()) {
      try {
        texts.add(Json.MAPPER.writeValueAsString(Masking.mask(o)));
      } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
        throw new IllegalStateException(e);
      }
    }
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("manifests", texts);
    out.put("revision", manifests.revisions().isEmpty() ? "" : manifests.revisions().getFirst());
    out.put("revisions", manifests.revisions());
    Json.ok(res, out);
  }

  private void events(ServerRequest req, ServerResponse res) {
    Caller caller = Authentication.caller(req);
    GenericKubernetesResource app = require(req, caller, "get");
    try {
      var list =
          client
              .v1()
              .events()
              .inNamespace(app.getMetadata().getNamespace())
              .withField("involvedObject.name", app.getMetadata().getName())
              .withField("involvedObject.kind", "Application")
              .list();
      Json.ok(res, Map.of("metadata", Map.of(), "items", list.getItems()));
    } catch (KubernetesClientException e) {
      throw cluster("listing events", e);
    }
  }

  private <T> T withPreview(java.util.function.Function<ApplicationPreview, T> f) {
    previewLock.lock();
    try {
      return f.apply(preview);
    } catch (ApplicationPreview.PreviewException e) {
      throw ApiException.unavailable("rendering the application failed: " + e.getMessage());
    } finally {
      previewLock.unlock();
    }
  }

  private Application typed(GenericKubernetesResource app) {
    return client.getKubernetesSerialization().convertValue(app, Application.class);
  }

  /** The Application named in the path, if the caller may do {@code action} on it. */
  private GenericKubernetesResource require(ServerRequest req, Caller caller, String action) {
    String name = Names.objectName("application name", req.path().pathParameters().get("name"));
    String ns =
        req.query()
            .first("appNamespace")
            .asOptional()
            .filter(s -> !s.isEmpty())
            .map(Names::namespace)
            .orElse(namespace);
    if (!servedNamespaces.test(ns)) {
      throw ApiException.forbidden("application namespace " + ns + " is not permitted");
    }
    Optional<GenericKubernetesResource> app = apps.get(ns, name);
    if (app.isEmpty()) {
      // Argo CD answers "permission denied" for an application the caller could not see anyway.
      if (!caller.can(
          "applications", "get", "*/" + (ns.equals(namespace) ? "" : ns + "/") + name)) {
        throw ApiException.forbidden();
      }
      throw ApiException.notFound("applications.argoproj.io \"" + name + "\" not found");
    }
    caller.require("applications", action, rbacObject(app.get()));
    return app.get();
  }

  private GenericKubernetesResource patch(
      GenericKubernetesResource app, Map<String, Object> patch) {
    try {
      return client
          .genericKubernetesResources(ResourceCache.APPLICATIONS)
          .inNamespace(app.getMetadata().getNamespace())
          .withName(app.getMetadata().getName())
          .patch(PatchContext.of(PatchType.JSON_MERGE), Json.MAPPER.writeValueAsString(patch));
    } catch (KubernetesClientException e) {
      throw cluster("patching the application", e);
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }

  private static Object automated(GenericKubernetesResource app) {
    Object a = app.get("spec", "syncPolicy", "automated");
    if (a == null) {
      return false;
    }
    Object enabled = app.get("spec", "syncPolicy", "automated", "enabled");
    return enabled == null || Boolean.TRUE.equals(enabled);
  }

  static ApiException cluster(String step, KubernetesClientException e) {
    if (e.getCode() == 404) {
      return ApiException.notFound(step + " failed: not found");
    }
    if (e.getCode() == 403) {
      return ApiException.forbidden(
          step + " failed: the server's service account is not allowed to");
    }
    return ApiException.unavailable(step + " failed: the Kubernetes API answered " + e.getCode());
  }

  /** The object as served: without managedFields. */
  static GenericKubernetesResource view(GenericKubernetesResource r) {
    if (r.getMetadata().getManagedFields() == null
        || r.getMetadata().getManagedFields().isEmpty()) {
      return r;
    }
    GenericKubernetesResource copy = Json.MAPPER.convertValue(r, GenericKubernetesResource.class);
    copy.getMetadata().setManagedFields(null);
    return copy;
  }

  /** Secret values replaced by {@code ++++++++} in manifests. */
  static final class Masking {
    private Masking() {}

    static GenericKubernetesResource mask(GenericKubernetesResource o) {
      if (!"Secret".equals(o.getKind()) || !"v1".equals(o.getApiVersion())) {
        return o;
      }
      GenericKubernetesResource copy = Json.MAPPER.convertValue(o, GenericKubernetesResource.class);
      for (String field : Set.of("data", "stringData")) {
        if (copy.getAdditionalProperties().get(field) instanceof Map<?, ?> data) {
          Map<String, String> masked = new LinkedHashMap<>();
          data.keySet().forEach(k -> masked.put(String.valueOf(k), "++++++++"));
          copy.getAdditionalProperties().put(field, masked);
        }
      }
      return copy;
    }
  }
}
