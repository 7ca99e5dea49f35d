package dev.capstan.server.api;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.capstan.server.auth.TokenService;
import dev.capstan.server.rbac.ProjectPolicy;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.fabric8.kubernetes.client.dsl.base.PatchContext;
import io.fabric8.kubernetes.client.dsl.base.PatchType;
import io.helidon.webserver.http.HttpRules;
import io.helidon.webserver.http.HttpService;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.UnaryOperator;

/**
 * {@code /api/v1/projects}: Argo CD's project API, as far as Capstan serves it. List and get
 * AppProjects of the server's namespace ({@code projects, get, <name>}), and issue or revoke
 * project role tokens ({@code projects, update, <name>}): a JWT with subject {@code
 * proj:<project>:<role>}, listed in the role's {@code jwtTokens} as {@code {iat, exp, id}} and
 * valid only while listed.
 */
public final class ProjectService implements HttpService {
  private final KubernetesClient client;
  private final Projects projects;
  private final TokenService tokens;

  public ProjectService(KubernetesClient client, Projects projects, TokenService tokens) {
    this.client = client;
    this.projects = projects;
    this.tokens = tokens;
  }

  @Override
  public void routing(HttpRules rules) {
    rules
        .get("/", this::list)
        .get("/{name}", this::get)
        .post("/{name}/roles/{role}/token", this::createToken)
        .delete("/{name}/roles/{role}/token/{iat}", this::deleteToken);
  }

  private void list(ServerRequest req, ServerResponse res) {
    Caller caller = Authentication.caller(req);
    Optional<String> name = req.query().first("name").asOptional().filter(s -> !s.isEmpty());
    name.ifPresent(n -> Names.objectName("project name", n));
    List<GenericKubernetesResource> items =
        projects.list().stream()
            .filter(p -> name.isEmpty() || name.get().equals(p.getMetadata().getName()))
            .filter(p -> caller.can("projects", "get", p.getMetadata().getName()))
            .map(ApplicationService::view)
            .toList();
    Json.ok(res, Map.of("metadata", Map.of(), "items", items));
  }

  private void get(ServerRequest req, ServerResponse res) {
    Caller caller = Authentication.caller(req);
    Json.ok(res, ApplicationService.view(require(req, caller, "get")));
  }

  private void createToken(ServerRequest req, ServerResponse res) {
    Caller caller = Authentication.caller(req);
    GenericKubernetesResource project = require(req, caller, "update");
    String role = role(req, project);
    ObjectNode body = Json.body(req);
    long expiresIn = body.path("expiresIn").asLong(0);
    if (expiresIn < 0) {
      throw ApiException.invalid("expiresIn must not be negative");
    }
    String id = body.path("id").asText("");
    if (id.isEmpty()) {
      id = UUID.randomUUID().toString();
    } else if (id.length() > 64 || !id.matches("[-_.a-zA-Z0-9]+")) {
      throw ApiException.invalid("token id '" + Names.printable(id) + "' is not valid");
    }
    String subject = new ProjectPolicy.RoleRef(project.getMetadata().getName(), role).subject();
    String tokenId = id;
    TokenService.Issued issued =
        tokens.projectRole(
            subject,
            expiresIn == 0 ? Optional.empty() : Optional.of(Duration.ofSeconds(expiresIn)),
            tokenId);
    updateRole(
        project.getMetadata().getName(),
        role,
        jwtTokens -> {
          if (jwtTokens.stream().anyMatch(t -> tokenId.equals(t.get("id")))) {
            throw ApiException.conflict("token with id '" + tokenId + "' already exists");
          }
          Map<String, Object> entry = new LinkedHashMap<>();
          entry.put("iat", issued.issuedAt().getEpochSecond());
          issued.expiresAt().ifPresent(e -> entry.put("exp", e.getEpochSecond()));
          entry.put("id", tokenId);
          List<Map<String, Object>> next = new ArrayList<>(jwtTokens);
          next.add(entry);
          return next;
        });
    Json.ok(res, Map.of("token", issued.token()));
  }

  private void deleteToken(ServerRequest req, ServerResponse res) {
    Caller caller = Authentication.caller(req);
    GenericKubernetesResource project = require(req, caller, "update");
    String role = role(req, project);
    long iat;
    try {
      iat = Long.parseLong(req.path().pathParameters().get("iat"));
    } catch (NumberFormatException e) {
      throw ApiException.invalid("iat must be a number of seconds");
    }
    Optional<String> id = req.query().first("id").asOptional().filter(s -> !s.isEmpty());
    updateRole(
        project.getMetadata().getName(),
        role,
        jwtTokens -> {
          List<Map<String, Object>> next = new ArrayList<>(jwtTokens);
          boolean removed =
              next.removeIf(
                  t ->
                      t.get("iat") instanceof Number n
                          && n.longValue() == iat
                          && (id.isEmpty() || id.get().equals(t.get("id"))));
          if (!removed) {
            throw ApiException.notFound("role " + role + " has no token issued at " + iat);
          }
          return next;
        });
    Json.ok(res, Map.of());
  }

  /** The project named in the path, if the caller may do {@code action} on it. */
  private GenericKubernetesResource require(ServerRequest req, Caller caller, String action) {
    String name = Names.objectName("project name", req.path().pathParameters().get("name"));
    Optional<GenericKubernetesResource> project = projects.get(name);
    if (project.isEmpty()) {
      if (!caller.can("projects", "get", name)) {
        throw ApiException.forbidden();
      }
      throw ApiException.notFound("appprojects.argoproj.io \"" + name + "\" not found");
    }
    caller.require("projects", action, name);
    return project.get();
  }

  private static String role(ServerRequest req, GenericKubernetesResource project) {
    String role = req.path().pathParameters().get("role");
    if (role == null
        || role.length() > 63
        || !role.matches("[a-zA-Z0-9]([-_a-zA-Z0-9]*[a-zA-Z0-9])?")) {
      throw ApiException.invalid("role name '" + Names.printable(role) + "' is not valid");
    }
    boolean exists = Projects.roleMaps(project).stream().anyMatch(r -> role.equals(r.get("name")));
    if (!exists) {
      throw ApiException.notFound(
          "project '" + project.getMetadata().getName() + "' does not have role '" + role + "'");
    }
    return role;
  }

  /**
   * Rewrites the {@code jwtTokens} of one role, reading the project fresh and writing it with its
   * resourceVersion (retried on a conflict).
   */
  @SuppressWarnings("unchecked")
  private void updateRole(
      String project, String role, UnaryOperator<List<Map<String, Object>>> change) {
    var resource =
        client
            .genericKubernetesResources(Projects.APP_PROJECTS)
            .inNamespace(projects.namespace())
            .withName(project);
    for (int attempt = 0; ; attempt++) {
      GenericKubernetesResource fresh;
      try {
        fresh = resource.get();
      } catch (KubernetesClientException e) {
        throw ApplicationService.cluster("reading the project", e);
      }
      if (fresh == null) {
        throw ApiException.notFound("appprojects.argoproj.io \"" + project + "\" not found");
      }
      List<Map<String, Object>> roles = new ArrayList<>();
      boolean found = false;
      for (Map<String, Object> r : Projects.roleMaps(fresh)) {
        Map<String, Object> copy = new LinkedHashMap<>(r);
        if (role.equals(r.get("name"))) {
          found = true;
          List<Map<String, Object>> current = new ArrayList<>();
          if (r.get("jwtTokens") instanceof List<?> l) {
            l.forEach(t -> current.add((Map<String, Object>) t));
          }
          copy.put("jwtTokens", change.apply(current));
        }
        roles.add(copy);
      }
      if (!found) {
        throw ApiException.notFound("project '" + project + "' does not have role '" + role + "'");
      }
      Map<String, Object> patch =
          Map.of(
              "metadata",
              Map.of("resourceVersion", fresh.getMetadata().getResourceVersion()),
              "spec",
              Map.of("roles", roles));
      try {
        resource.patch(
            PatchContext.of(PatchType.JSON_MERGE), Json.MAPPER.writeValueAsString(patch));
        return;
      } catch (KubernetesClientException e) {
        if (e.getCode() != 409 || attempt >= 3) {
          throw ApplicationService.cluster("updating the project", e);
        }
      } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
        throw new IllegalStateException(e);
      }
    }
  }
}
