package dev.capstan.server.api;

import dev.capstan.server.auth.Session;
import dev.capstan.server.rbac.ProjectPolicy;
import dev.capstan.server.rbac.RbacPolicy;
import java.util.List;
import java.util.Optional;

/**
 * The authenticated caller of one request and the policy in force when it arrived.
 *
 * <p>On objects of a project ({@code applications}, {@code applicationsets}, {@code logs}, {@code
 * exec}; object {@code <project>/...}) the project's role policies and group bindings are evaluated
 * too, as Argo CD does. A project role token (subject {@code proj:<project>:<role>}) may act only
 * on its own project's objects there.
 *
 * @param session who is calling
 * @param policy the RBAC policy
 * @param projects the policy of a project on top of a base policy
 */
public record Caller(Session session, RbacPolicy policy, ProjectPolicies projects) {

  /** How a project's roles extend a policy. */
  @FunctionalInterface
  public interface ProjectPolicies {
    RbacPolicy apply(RbacPolicy base, String project);

    /** Projects add nothing. */
    ProjectPolicies NONE = (base, project) -> base;
  }

  /** A caller whose projects have no roles. */
  public Caller(Session session, RbacPolicy policy) {
    this(session, policy, ProjectPolicies.NONE);
  }

  /** Whether the caller may do {@code action} on {@code resource}'s {@code object}. */
  public boolean can(String resource, String action, String object) {
    String user = session.username();
    Optional<ProjectPolicy.RoleRef> role = ProjectPolicy.roleOf(user);
    int slash = object.indexOf('/');
    if (ProjectPolicy.projectScoped(resource) && slash > 0) {
      String project = object.substring(0, slash);
      if (role.isPresent() && !role.get().project().equals(project)) {
        return false;
      }
      RbacPolicy effective = projects.apply(policy, project);
      return role.isPresent()
          ? effective.can(user, List.of(), resource, action, object)
          : effective.can(user, session.groups(), resource, action, object);
    }
    return policy.can(
        user, role.isPresent() ? List.of() : session.groups(), resource, action, object);
  }

  /** Throws 403 unless the caller may do it. */
  public void require(String resource, String action, String object) {
    if (!can(resource, action, object)) {
      throw ApiException.forbidden(
          "permission denied: "
              + resource
              + ", "
              + action
              + ", "
              + object
              + ", sub: "
              + session.username());
    }
  }
}
