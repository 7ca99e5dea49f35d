package dev.capstan.server.api;

import dev.capstan.server.cache.ResourceCache;
import io.fabric8.kubernetes.api.model.Event;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.fabric8.kubernetes.client.dsl.base.PatchContext;
import io.fabric8.kubernetes.client.dsl.base.PatchType;
import io.helidon.webserver.http.HttpRules;
import io.helidon.webserver.http.HttpService;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Capstan's API for one Flux kind ({@code /api/v1/kustomizations}, {@code
 * /api/v1/gitrepositories}): list ({@code ?namespace=}, {@code ?name=}, {@code ?selector=}, paging
 * as applications), get ({@code /{namespace}/{name}}), its events ({@code .../events}), the objects
 * of its inventory and what they own ({@code .../resource-tree}, empty for a GitRepository) and
 * reconcile ({@code POST /{namespace}/{name}/reconcile}, which sets {@code
 * reconcile.fluxcd.io/requestedAt} as {@code flux reconcile} does). RBAC resource is the kind's
 * plural, object {@code <namespace>/<name>}; reconcile needs {@code sync}.
 */
public final class FluxService implements HttpService {
  static final String REQUESTED_AT = "reconcile.fluxcd.io/requestedAt";

  private final KubernetesClient client;
  private final ResourceCache cache;
  private final String resource;
  private final Clock clock;

  public FluxService(KubernetesClient client, ResourceCache cache, String resource, Clock clock) {
    this.client = client;
    this.cache = cache;
    this.resource = resource;
    this.clock = clock;
  }

  @Override
  public void routing(HttpRules rules) {
    rules
        .get("/", this::list)
        .get("/{namespace}/{name}", this::get)
        .get("/{namespace}/{name}/events", this::events)
        .get("/{namespace}/{name}/resource-tree", this::tree)
        .post("/{namespace}/{name}/reconcile", this::reconcile);
  }

  private void list(ServerRequest req, ServerResponse res) {
    Caller caller = Authentication.caller(req);
    var q = req.query();
    Optional<String> ns =
        q.first("namespace").asOptional().filter(s -> !s.isEmpty()).map(Names::namespace);
    Optional<String> name =
        q.first("name")
            .asOptional()
            .filter(s -> !s.isEmpty())
            .map(n -> Names.objectName("name", n));
    LabelSelector selector = LabelSelector.parse(q.first("selector").orElse(""));
    Paging paging =
        Paging.of(
            q.first("limit").orElse(""),
            q.first("continue").orElse(""),
            q.first("offset").orElse(""));
    List<GenericKubernetesResource> items =
        cache.list().stream()
            .filter(o -> ns.isEmpty() || ns.get().equals(o.getMetadata().getNamespace()))
            .filter(o -> name.isEmpty() || name.get().equals(o.getMetadata().getName()))
            .filter(o -> selector.matches(o.getMetadata().getLabels()))
            .filter(o -> caller.can(resource, "get", object(o)))
            .map(ApplicationService::view)
            .toList();
    Json.ok(res, paging.page(items));
  }

  private void get(ServerRequest req, ServerResponse res) {
    Json.ok(res, ApplicationService.view(require(req, "get")));
  }

  /** Core/v1 Events whose involvedObject is this object, as {@code {metadata, items}}. */
  private void events(ServerRequest req, ServerResponse res) {
    GenericKubernetesResource o = require(req, "get");
    try {
      List<Event> items =
          client
              .v1()
              .events()
              .inNamespace(o.getMetadata().getNamespace())
              .withField("involvedObject.name", o.getMetadata().getName())
              .list()
              .getItems()
              .stream()
              .filter(e -> o.getKind().equals(e.getInvolvedObject().getKind()))
              .toList();
      Json.ok(res, Map.of("metadata", Map.of(), "items", items));
    } catch (KubernetesClientException e) {
      throw ApplicationService.cluster("listing events", e);
    }
  }

  /**
   * The objects in {@code status.inventory} (Flux's {@code <namespace>_<name>_<group>_<kind>} ids
   * with their versions) and what they own, in the shape of an Application's resource tree.
   */
  private void tree(ServerRequest req, ServerResponse res) {
    GenericKubernetesResource o = require(req, "get");
    List<Map<String, Object>> resources = new ArrayList<>();
    if (o.get("status", "inventory", "entries") instanceof List<?> entries) {
      for (Object e : entries) {
        if (!(e instanceof Map<?, ?> entry) || !(entry.get("id") instanceof String id)) {
          continue;
        }
        String[] parts = id.split("_", -1);
        if (parts.length == 4) {
          Map<String, Object> r = new LinkedHashMap<>();
          r.put("group", parts[2]);
          r.put("version", entry.get("v") instanceof String v ? v : "v1");
          r.put("kind", parts[3]);
          r.put("namespace", parts[0]);
          r.put("name", parts[1]);
          resources.add(r);
        }
      }
    }
    GenericKubernetesResource owner = new GenericKubernetesResource();
    owner.setAdditionalProperty("status", Map.of("resources", resources));
    Json.ok(res, new ResourceTree(client).build(owner));
  }

  private void reconcile(ServerRequest req, ServerResponse res) {
    GenericKubernetesResource o = require(req, "sync");
    String now = clock.instant().toString();
    try {
      GenericKubernetesResource patched =
          client
              .genericKubernetesResources(o.getApiVersion(), o.getKind())
              .inNamespace(o.getMetadata().getNamespace())
              .withName(o.getMetadata().getName())
              .patch(
                  PatchContext.of(PatchType.JSON_MERGE),
                  Json.MAPPER.writeValueAsString(
                      Map.of("metadata", Map.of("annotations", Map.of(REQUESTED_AT, now)))));
      Json.ok(res, ApplicationService.view(patched));
    } catch (KubernetesClientException e) {
      throw ApplicationService.cluster("requesting a reconcile", e);
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }

  private GenericKubernetesResource require(ServerRequest req, String action) {
    Caller caller = Authentication.caller(req);
    String ns = Names.namespace(req.path().pathParameters().get("namespace"));
    String name = Names.objectName("name", req.path().pathParameters().get("name"));
    if (!caller.can(resource, "get", ns + "/" + name)) {
      throw ApiException.forbidden();
    }
    GenericKubernetesResource o =
        cache
            .get(ns, name)
            .orElseThrow(
                () -> ApiException.notFound(resource + " \"" + ns + "/" + name + "\" not found"));
    caller.require(resource, action, ns + "/" + name);
    return o;
  }

  private static String object(GenericKubernetesResource o) {
    return o.getMetadata().getNamespace() + "/" + o.getMetadata().getName();
  }
}
