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
  static final String FINALIZER = "resources-finalizer.argocd.argoproj.io";
  private static final int OPERATION_ATTEMPTS = 5;

  private final KubernetesClient client;
  private final ResourceCache apps;
  private final String namespace;
  private final Predicate<String> servedNamespaces;
  private final ApplicationPreview preview;
  private final ReentrantLock previewLock = new ReentrantLock();
  private final Optional<Projects> projects;

  public ApplicationService(
      KubernetesClient client,
      ResourceCache apps,
      String namespace,
      Predicate<String> servedNamespaces,
      ApplicationPreview preview) {
    this(client, apps, namespace, servedNamespaces, preview, Optional.empty());
  }

  /**
   * With {@code projects}, create and update check that the Application's project exists (without,
   * they do not).
   */
  public ApplicationService(
      KubernetesClient client,
      ResourceCache apps,
      String namespace,
      Predicate<String> servedNamespaces,
      ApplicationPreview preview,
      Optional<Projects> projects) {
    this.client = client;
    this.apps = apps;
    this.namespace = namespace;
    this.servedNamespaces = servedNamespaces;
    this.preview = preview;
    this.projects = projects;
  }

  @Override
  public void routing(HttpRules rules) {
    rules
        .get("/", this::list)
        .post("/", this::create)
        .get("/{name}", this::get)
        .put("/{name}", this::update)
        .put("/{name}/spec", this::updateSpec)
        .delete("/{name}", this::delete)
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

  private void create(ServerRequest req, ServerResponse res) {
    Caller caller = Authentication.caller(req);
    Submitted app = Submitted.of(Json.body(req), namespace);
    checkNamespace(app.namespace());
    String object = rbacObject(app.project(), app.namespace(), app.name());
    caller.require("applications", "create", object);
    validate(app);
    boolean upsert = req.query().first("upsert").asOptional().map("true"::equals).orElse(false);
    var resource =
        client
            .genericKubernetesResources(ResourceCache.APPLICATIONS)
            .inNamespace(app.namespace())
            .withName(app.name());
    for (int attempt = 0; ; attempt++) {
      GenericKubernetesResource existing;
      try {
        existing = resource.get();
        if (existing == null) {
          Json.ok(res, view(resource.create(app.toResource())));
          return;
        }
      } catch (KubernetesClientException e) {
        if (e.getCode() == 409 && attempt < 3) {
          continue;
        }
        throw cluster("creating the application", e);
      }
      if (Json.MAPPER.valueToTree(existing.get("spec")).equals(app.spec())) {
        Json.ok(res, view(existing));
        return;
      }
      if (!upsert) {
        throw ApiException.invalid(
            "existing application spec is different, use upsert flag to force update");
      }
      caller.require("applications", "update", rbacObject(existing));
      Optional<GenericKubernetesResource> written = replace(existing, app);
      if (written.isPresent()) {
        Json.ok(res, view(written.get()));
        return;
      }
      if (attempt >= 3) {
        throw ApiException.conflict(
            "application " + app.name() + " changed while it was being updated; retry");
      }
    }
  }

  private void update(ServerRequest req, ServerResponse res) {
    Caller caller = Authentication.caller(req);
    GenericKubernetesResource existing = require(req, caller, "update");
    Submitted app = Submitted.of(Json.body(req), existing.getMetadata().getNamespace());
    if (!app.name().equals(existing.getMetadata().getName())
        || !app.namespace().equals(existing.getMetadata().getNamespace())) {
      throw ApiException.invalid(
          "the body names application "
              + app.namespace()
              + "/"
              + app.name()
              + ", the path "
              + existing.getMetadata().getNamespace()
              + "/"
              + existing.getMetadata().getName());
    }
    // Moving an Application to another project needs update on both, as in Argo CD.
    caller.require(
        "applications", "update", rbacObject(app.project(), app.namespace(), app.name()));
    validate(app);
    Json.ok(res, view(replaceFresh(existing, app)));
  }

  private void updateSpec(ServerRequest req, ServerResponse res) {
    Caller caller = Authentication.caller(req);
    GenericKubernetesResource existing = require(req, caller, "update");
    ObjectNode spec = Json.body(req);
    ObjectNode body = Json.MAPPER.createObjectNode();
    ObjectNode metadata = body.putObject("metadata");
    metadata.put("name", existing.getMetadata().getName());
    metadata.put("namespace", existing.getMetadata().getNamespace());
    if (existing.getMetadata().getLabels() != null) {
      metadata.set("labels", Json.MAPPER.valueToTree(existing.getMetadata().getLabels()));
    }
    if (existing.getMetadata().getAnnotations() != null) {
      metadata.set("annotations", Json.MAPPER.valueToTree(existing.getMetadata().getAnnotations()));
    }
    body.set("spec", spec);
    Submitted app = Submitted.of(body, existing.getMetadata().getNamespace());
    caller.require(
        "applications", "update", rbacObject(app.project(), app.namespace(), app.name()));
    validate(app);
    Json.ok(res, replaceFresh(existing, app).get("spec"));
  }

  private void delete(ServerRequest req, ServerResponse res) {
    Caller caller = Authentication.caller(req);
    GenericKubernetesResource app = require(req, caller, "delete");
    var q = req.query();
    Optional<String> cascadeText = q.first("cascade").asOptional().filter(s -> !s.isEmpty());
    if (cascadeText.isPresent()
        && !cascadeText.get().equals("true")
        && !cascadeText.get().equals("false")) {
      throw ApiException.invalid("cascade must be true or false");
    }
    boolean cascade = cascadeText.map("true"::equals).orElse(true);
    String policy = q.first("propagationPolicy").orElse("");
    if (!cascade && !policy.isEmpty()) {
      throw ApiException.invalid("cannot set propagation policy when cascading is disabled");
    }
    String finalizer =
        switch (policy) {
          case "", "foreground" -> FINALIZER;
          case "background" -> FINALIZER + "/background";
          default ->
              throw ApiException.invalid("propagationPolicy must be foreground or background");
        };
    List<String> finalizers =
        new ArrayList<>(
            app.getMetadata().getFinalizers() == null
                ? List.of()
                : app.getMetadata().getFinalizers());
    boolean had = finalizers.removeIf(f -> f.startsWith(FINALIZER));
    if (cascade) {
      finalizers.add(finalizer);
    }
    if (cascade || had) {
      patch(app, Map.of("metadata", Map.of("finalizers", finalizers)));
    }
    try {
      client
          .genericKubernetesResources(ResourceCache.APPLICATIONS)
          .inNamespace(app.getMetadata().getNamespace())
          .withName(app.getMetadata().getName())
          .delete();
    } catch (KubernetesClientException e) {
      throw cluster("deleting the application", e);
    }
    Json.ok(res, Map.of());
  }

  /** Writes {@code app}'s spec, labels and annotations over the current Application. */
  private GenericKubernetesResource replaceFresh(GenericKubernetesResource cached, Submitted app) {
    var resource =
        client
            .genericKubernetesResources(ResourceCache.APPLICATIONS)
            .inNamespace(cached.getMetadata().getNamespace())
            .withName(cached.getMetadata().getName());
    for (int attempt = 0; attempt < 4; attempt++) {
      GenericKubernetesResource fresh;
      try {
        fresh = resource.get();
      } catch (KubernetesClientException e) {
        throw cluster("reading the application", e);
      }
      if (fresh == null) {
        throw ApiException.notFound(
            "applications.argoproj.io \"" + cached.getMetadata().getName() + "\" not found");
      }
      Optional<GenericKubernetesResource> written = replace(fresh, app);
      if (written.isPresent()) {
        return written.get();
      }
    }
    throw ApiException.conflict(
        "application " + app.name() + " changed while it was being updated; retry");
  }

  /** Replaces with {@code existing}'s resourceVersion; empty on a conflict. */
  private Optional<GenericKubernetesResource> replace(
      GenericKubernetesResource existing, Submitted app) {
    GenericKubernetesResource next =
        Json.MAPPER.convertValue(existing, GenericKubernetesResource.class);
    next.getMetadata().setManagedFields(null);
    next.getMetadata().setLabels(app.labels());
    next.getMetadata().setAnnotations(app.annotations());
    next.getAdditionalProperties().put("spec", Json.MAPPER.convertValue(app.spec(), Map.class));
    try {
      return Optional.of(
          client
              .genericKubernetesResources(ResourceCache.APPLICATIONS)
              .inNamespace(existing.getMetadata().getNamespace())
              .resource(next)
              .update());
    } catch (KubernetesClientException e) {
      if (e.getCode() == 409) {
        return Optional.empty();
      }
      throw cluster("updating the application", e);
    }
  }

  private void checkNamespace(String ns) {
    if (!servedNamespaces.test(ns)) {
      throw ApiException.forbidden("application namespace " + ns + " is not permitted");
    }
  }

  /** Argo CD's checks of a submitted Application that need no render. */
  private void validate(Submitted app) {
    JsonNode spec = app.spec();
    boolean source = spec.path("source").isObject();
    boolean sources = spec.path("sources").isArray() && !spec.path("sources").isEmpty();
    if (!source && !sources) {
      throw ApiException.invalid(
          "application spec for "
              + app.name()
              + " is invalid: spec.source or spec.sources is required");
    }
    JsonNode dest = spec.path("destination");
    if (!dest.isObject()
        || (dest.path("server").asText("").isEmpty() && dest.path("name").asText("").isEmpty())) {
      throw ApiException.invalid(
          "application spec for "
              + app.name()
              + " is invalid: spec.destination needs a server or a name");
    }
    if (projects.isPresent() && projects.get().get(app.project()).isEmpty()) {
      throw ApiException.invalid(
          "application spec for "
              + app.name()
              + " is invalid: InvalidSpecError: Application referencing project "
              + app.project()
              + " which does not exist");
    }
  }

  private String rbacObject(String project, String ns, String name) {
    return ns.equals(namespace) ? project + "/" + name : project + "/" + ns + "/" + name;
  }

  /**
   * An Application as a client sent it: only name, namespace, labels, annotations, finalizers and
   * spec are taken; status and operation are ignored.
   */
  record Submitted(
      String name,
      String namespace,
      Map<String, String> labels,
      Map<String, String> annotations,
      List<String> finalizers,
      ObjectNode spec) {

    @SuppressWarnings("unchecked")
    static Submitted of(ObjectNode body, String defaultNamespace) {
      JsonNode metadata = body.path("metadata");
      String name = Names.objectName("application name", metadata.path("name").asText(""));
      String ns = metadata.path("namespace").asText("");
      ns = Names.namespace(ns.isEmpty() ? defaultNamespace : ns);
      if (!body.path("apiVersion").asText("argoproj.io/v1alpha1").equals("argoproj.io/v1alpha1")
          || !body.path("kind").asText("Application").equals("Application")) {
        throw ApiException.invalid("the body must be an argoproj.io/v1alpha1 Application");
      }
      if (!(body.get("spec") instanceof ObjectNode spec)) {
        throw ApiException.invalid("application " + name + " has no spec");
      }
      ObjectNode copy = spec.deepCopy();
      if (copy.path("project").asText("").isEmpty()) {
        copy.put("project", "default");
      }
      Names.objectName("project name", copy.path("project").asText());
      try {
        return new Submitted(
            name,
            ns,
            metadata.has("labels")
                ? Json.MAPPER.convertValue(metadata.get("labels"), Map.class)
                : null,
            metadata.has("annotations")
                ? Json.MAPPER.convertValue(metadata.get("annotations"), Map.class)
                : null,
            metadata.has("finalizers")
                ? Json.MAPPER.convertValue(metadata.get("finalizers"), List.class)
                : null,
            copy);
      } catch (IllegalArgumentException e) {
        throw ApiException.invalid("labels, annotations and finalizers must be strings");
      }
    }

    String project() {
      return spec.path("project").asText();
    }

    GenericKubernetesResource toResource() {
      GenericKubernetesResource r = new GenericKubernetesResource();
      r.setApiVersion("argoproj.io/v1alpha1");
      r.setKind("Application");
      io.fabric8.kubernetes.api.model.ObjectMeta m =
          new io.fabric8.kubernetes.api.model.ObjectMeta();
      m.setName(name);
      m.setNamespace(namespace);
      m.setLabels(labels);
      m.setAnnotations(annotations);
      m.setFinalizers(finalizers);
      r.setMetadata(m);
      r.getAdditionalProperties().put("spec", Json.MAPPER.convertValue(spec, Map.class));
      return r;
    }
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
    // The controller writes status often; a conflict is read again and re-checked, a few times.
    for (int attempt = 1; ; attempt++) {
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
                      "sync",
                      sync,
                      "initiatedBy",
                      Map.of("username", caller.session().username())));
      try {
        return resource.patch(
            PatchContext.of(PatchType.JSON_MERGE), Json.MAPPER.writeValueAsString(patch));
      } catch (KubernetesClientException e) {
        if (e.getCode() != 409) {
          throw cluster("requesting the operation", e);
        }
        if (attempt >= OPERATION_ATTEMPTS) {
          throw ApiException.conflict(
              "application "
                  + cached.getMetadata().getName()
                  + " changed while the operation was requested; retry");
        }
      } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
        throw new IllegalStateException(e);
      }
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
    checkNamespace(ns);
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
    if (e.getCode() == 422 || e.getCode() == 400) {
      return ApiException.invalid(step + " failed: " + kubernetesReason(e));
    }
    if (e.getCode() <= 0) {
      // No HTTP answer at all (fabric8 reports -1 or 0): connection refused, reset, timed out.
      return ApiException.unavailable(step + " failed: the Kubernetes API cannot be reached");
    }
    return ApiException.unavailable(step + " failed: the Kubernetes API answered " + e.getCode());
  }

  /** The API server's own message of a rejected request (validation), without the URL. */
  private static String kubernetesReason(KubernetesClientException e) {
    return e.getStatus() != null && e.getStatus().getMessage() != null
        ? e.getStatus().getMessage()
        : "the Kubernetes API rejected it (" + e.getCode() + ")";
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
