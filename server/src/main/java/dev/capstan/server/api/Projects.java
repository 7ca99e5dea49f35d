package dev.capstan.server.api;

import dev.capstan.server.auth.TokenService;
import dev.capstan.server.cache.ResourceCache;
import dev.capstan.server.rbac.ProjectPolicy;
import dev.capstan.server.rbac.RbacPolicy;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.dsl.base.ResourceDefinitionContext;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The AppProjects of the server's namespace, from an informer cache: their existence (for
 * validating Applications), their roles' runtime RBAC policies and the project role tokens they
 * list. The combined policy of a project is built once per (policy, project version) and reused.
 * Thread-safe.
 */
public final class Projects implements AutoCloseable {
  private static final System.Logger LOG = System.getLogger(Projects.class.getName());

  /** Argo CD's AppProject kind. */
  public static final ResourceDefinitionContext APP_PROJECTS =
      new ResourceDefinitionContext.Builder()
          .withGroup("argoproj.io")
          .withVersion("v1alpha1")
          .withKind("AppProject")
          .withPlural("appprojects")
          .withNamespaced(true)
          .build();

  private record Combined(RbacPolicy base, String resourceVersion, RbacPolicy policy) {}

  private final ResourceCache cache;
  private final String namespace;
  private final Map<String, Combined> combined = new ConcurrentHashMap<>();

  public Projects(KubernetesClient client, String namespace) {
    this.namespace = namespace;
    this.cache = new ResourceCache(client, APP_PROJECTS, Optional.of(namespace));
  }

  /** The namespace the projects live in. */
  public String namespace() {
    return namespace;
  }

  /** Every project, by name. */
  public List<GenericKubernetesResource> list() {
    return cache.list();
  }

  /** The project {@code name}. */
  public Optional<GenericKubernetesResource> get(String name) {
    return cache.get(namespace, name);
  }

  /**
   * {@code base} with the runtime policy of {@code project}'s roles; {@code base} itself when the
   * project does not exist.
   */
  public RbacPolicy policy(RbacPolicy base, String project) {
    Optional<GenericKubernetesResource> p = get(project);
    if (p.isEmpty()) {
      return base;
    }
    String rv = p.get().getMetadata().getResourceVersion();
    Combined c = combined.get(project);
    if (c != null && c.base() == base && c.resourceVersion().equals(rv)) {
      return c.policy();
    }
    ProjectPolicy runtime = ProjectPolicy.of(project, roles(p.get()));
    runtime.rejected().forEach(m -> LOG.log(System.Logger.Level.WARNING, "rule ignored: " + m));
    RbacPolicy policy = base.withRuntimePolicy(runtime.policy());
    combined.put(project, new Combined(base, rv, policy));
    return policy;
  }

  /** The roles of a project object. */
  static List<ProjectPolicy.Role> roles(GenericKubernetesResource project) {
    List<ProjectPolicy.Role> roles = new ArrayList<>();
    for (Map<String, Object> r : roleMaps(project)) {
      roles.add(
          new ProjectPolicy.Role(
              String.valueOf(r.getOrDefault("name", "")),
              strings(r.get("policies")),
              strings(r.get("groups"))));
    }
    return roles;
  }

  /** {@code spec.roles} as maps (empty when there are none). */
  @SuppressWarnings("unchecked")
  static List<Map<String, Object>> roleMaps(GenericKubernetesResource project) {
    Object roles = project.get("spec", "roles");
    List<Map<String, Object>> out = new ArrayList<>();
    if (roles instanceof List<?> l) {
      for (Object o : l) {
        if (o instanceof Map<?, ?> m) {
          out.add((Map<String, Object>) m);
        }
      }
    }
    return out;
  }

  /** Whether a project role token is listed on its role (see {@link TokenService.RoleTokens}). */
  public boolean listed(String subject, String id, long issuedAt) {
    Optional<ProjectPolicy.RoleRef> ref = ProjectPolicy.roleOf(subject);
    if (ref.isEmpty()) {
      return false;
    }
    Optional<GenericKubernetesResource> project = get(ref.get().project());
    if (project.isEmpty()) {
      return false;
    }
    for (Map<String, Object> r : roleMaps(project.get())) {
      if (!ref.get().role().equals(r.get("name")) || !(r.get("jwtTokens") instanceof List<?> ts)) {
        continue;
      }
      for (Object t : ts) {
        if (t instanceof Map<?, ?> m) {
          String tid = m.get("id") == null ? "" : String.valueOf(m.get("id"));
          long iat = m.get("iat") instanceof Number n ? n.longValue() : -1;
          if (tid.isEmpty() ? iat == issuedAt : tid.equals(id)) {
            return true;
          }
        }
      }
    }
    return false;
  }

  private static List<String> strings(Object o) {
    List<String> out = new ArrayList<>();
    if (o instanceof List<?> l) {
      l.forEach(x -> out.add(String.valueOf(x)));
    }
    return out;
  }

  @Override
  public void close() {
    cache.close();
  }
}
