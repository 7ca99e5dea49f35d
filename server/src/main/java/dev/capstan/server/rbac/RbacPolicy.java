package dev.capstan.server.rbac;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.casbin.jcasbin.main.Enforcer;
import org.casbin.jcasbin.model.Model;

/**
 * An RBAC policy in Argo CD's format, evaluated as Argo CD does.
 *
 * <p>A request is {@code (subject, resource, action, object)}. It is allowed when the default role
 * allows it, or when some rule reachable from the subject through {@code g} assignments allows it
 * and none denies it (deny overrides allow). Resource, action and object are glob-matched. A user's
 * groups (from the token's scopes) are tried as subjects too.
 *
 * <p>Immutable after construction and thread-safe: enforcement is synchronized because jCasbin's
 * enforcer is not documented as thread-safe; evaluation is microseconds.
 */
public final class RbacPolicy {

  /** Casbin model equivalent to Argo CD's {@code model.conf}. */
  static final String MODEL =
      """
      [request_definition]
      r = sub, res, act, obj

      [policy_definition]
      p = sub, res, act, obj, eft

      [role_definition]
      g = _, _

      [policy_effect]
      e = some(where (p.eft == allow)) && !some(where (p.eft == deny))

      [matchers]
      m = g(r.sub, p.sub) && globMatch(r.res, p.res) && globMatch(r.act, p.act) && globMatch(r.obj, p.obj)
      """;

  /** Resource names Argo CD's CLI accepts in singular or short form. */
  private static final Map<String, String> RESOURCE_ALIASES =
      Map.ofEntries(
          Map.entry("account", "accounts"),
          Map.entry("app", "applications"),
          Map.entry("apps", "applications"),
          Map.entry("application", "applications"),
          Map.entry("applicationset", "applicationsets"),
          Map.entry("cert", "certificates"),
          Map.entry("certificate", "certificates"),
          Map.entry("cluster", "clusters"),
          Map.entry("gpgkey", "gpgkeys"),
          Map.entry("key", "gpgkeys"),
          Map.entry("log", "logs"),
          Map.entry("proj", "projects"),
          Map.entry("project", "projects"),
          Map.entry("repo", "repositories"),
          Map.entry("repository", "repositories"),
          Map.entry("ks", "kustomizations"),
          Map.entry("kustomization", "kustomizations"),
          Map.entry("gitrepo", "gitrepositories"),
          Map.entry("gitrepository", "gitrepositories"));

  static {
    // jCasbin prints every model it loads at INFO; the policy is ours to report, not the library's.
    org.casbin.jcasbin.util.Util.enableLog = false;
  }

  private final Enforcer enforcer;
  private final PolicyCsv rules;
  private final String defaultRole;
  private final List<String> scopes;

  private RbacPolicy(PolicyCsv policy, String defaultRole, List<String> scopes) {
    this.rules = policy;
    Model model = Model.newModelFromString(MODEL);
    Enforcer e = new Enforcer(model);
    e.enableLog(false);
    e.addFunction("globMatch", new GlobMatch());
    for (List<String> p : policy.policies()) {
      e.addPolicy(p.toArray(String[]::new));
    }
    for (List<String> g : policy.groupings()) {
      e.addGroupingPolicy(g.toArray(String[]::new));
    }
    this.enforcer = e;
    this.defaultRole = defaultRole;
    this.scopes = List.copyOf(scopes);
  }

  /**
   * The policy of an RBAC config map's data ({@code policy.csv}, {@code policy.default}, {@code
   * scopes}, and {@code policy.<name>.csv} extensions, appended in key order), on top of the
   * built-in policy.
   */
  public static RbacPolicy fromConfigMap(Map<String, String> data) {
    PolicyCsv policy = PolicyCsv.parse(BuiltinPolicy.CSV);
    policy = PolicyCsv.parse(data.getOrDefault("policy.csv", "")).after(policy);
    List<String> extensions =
        new ArrayList<>(
            data.keySet().stream()
                .filter(
                    k -> k.startsWith("policy.") && k.endsWith(".csv") && !k.equals("policy.csv"))
                .sorted()
                .toList());
    for (String key : extensions) {
      policy = PolicyCsv.parse(data.get(key)).after(policy);
    }
    return new RbacPolicy(
        policy,
        data.getOrDefault("policy.default", "").strip(),
        parseScopes(data.getOrDefault("scopes", "")));
  }

  /** A policy from CSV text and a default role (empty for none), on top of the built-in policy. */
  public static RbacPolicy of(String csv, String defaultRole) {
    return new RbacPolicy(
        PolicyCsv.parse(csv).after(PolicyCsv.parse(BuiltinPolicy.CSV)),
        defaultRole,
        List.of("groups"));
  }

  /**
   * This policy with a project's runtime policy (its roles' rules and group bindings, see {@link
   * ProjectPolicy}) after its own rules, as Argo CD evaluates requests on a project's objects. The
   * default role and scopes stay.
   */
  public RbacPolicy withRuntimePolicy(PolicyCsv runtime) {
    if (runtime.policies().isEmpty() && runtime.groupings().isEmpty()) {
      return this;
    }
    return new RbacPolicy(runtime.after(rules), defaultRole, scopes);
  }

  /** The default role; empty when there is none. */
  public Optional<String> defaultRole() {
    return defaultRole.isEmpty() ? Optional.empty() : Optional.of(defaultRole);
  }

  /** The token claims whose values are subjects ({@code scopes}, default {@code [groups]}). */
  public List<String> scopes() {
    return scopes;
  }

  /**
   * Whether {@code subject} (a user, group or role) may do {@code action} on {@code resource}'s
   * {@code object}.
   */
  public boolean can(String subject, String resource, String action, String object) {
    String res = canonicalResource(resource);
    synchronized (enforcer) {
      if (!defaultRole.isEmpty() && enforcer.enforce(defaultRole, res, action, object)) {
        return true;
      }
      return !subject.isEmpty() && enforcer.enforce(subject, res, action, object);
    }
  }

  /** Whether a user with {@code groups} may do it: the user or any of the groups. */
  public boolean can(
      String user, List<String> groups, String resource, String action, String object) {
    if (can(user, resource, action, object)) {
      return true;
    }
    return groups.stream().anyMatch(g -> can(g, resource, action, object));
  }

  /**
   * The canonical plural resource name of a singular or short one ({@code app} → {@code
   * applications}).
   */
  public static String canonicalResource(String resource) {
    return RESOURCE_ALIASES.getOrDefault(resource, resource);
  }

  private static List<String> parseScopes(String text) {
    String t = text.strip();
    if (t.isEmpty()) {
      return List.of("groups");
    }
    if (t.startsWith("[") && t.endsWith("]")) {
      t = t.substring(1, t.length() - 1);
    }
    return java.util.Arrays.stream(t.split(","))
        .map(s -> s.strip().replace("'", "").replace("\"", ""))
        .filter(s -> !s.isEmpty())
        .toList();
  }
}
