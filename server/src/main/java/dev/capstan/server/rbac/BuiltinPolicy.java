package dev.capstan.server.rbac;

/**
 * The built-in roles, with the same grants as Argo CD's {@code builtin-policy.csv}: {@code
 * role:readonly} may {@code get} every resource type; {@code role:admin} may do everything and
 * inherits {@code role:readonly}; the local {@code admin} account has {@code role:admin}. Capstan
 * adds its Flux resource types ({@code kustomizations}, {@code gitrepositories}) to both roles.
 */
public final class BuiltinPolicy {

  /** The built-in policy in {@code policy.csv} format. */
  public static final String CSV =
      """
      p, role:readonly, applications, get, */*, allow
      p, role:readonly, applicationsets, get, */*, allow
      p, role:readonly, certificates, get, *, allow
      p, role:readonly, clusters, get, *, allow
      p, role:readonly, repositories, get, *, allow
      p, role:readonly, write-repositories, get, *, allow
      p, role:readonly, projects, get, *, allow
      p, role:readonly, accounts, get, *, allow
      p, role:readonly, gpgkeys, get, *, allow
      p, role:readonly, logs, get, */*, allow
      p, role:readonly, kustomizations, get, */*, allow
      p, role:readonly, gitrepositories, get, */*, allow

      p, role:admin, applications, *, */*, allow
      p, role:admin, applicationsets, *, */*, allow
      p, role:admin, certificates, *, *, allow
      p, role:admin, clusters, *, *, allow
      p, role:admin, repositories, *, *, allow
      p, role:admin, write-repositories, *, *, allow
      p, role:admin, projects, *, *, allow
      p, role:admin, accounts, *, *, allow
      p, role:admin, gpgkeys, *, *, allow
      p, role:admin, logs, *, */*, allow
      p, role:admin, exec, *, */*, allow
      p, role:admin, extensions, *, *, allow
      p, role:admin, kustomizations, *, */*, allow
      p, role:admin, gitrepositories, *, */*, allow

      g, role:admin, role:readonly
      g, admin, role:admin
      """;

  private BuiltinPolicy() {}
}
