package dev.capstan.server.api;

import dev.capstan.server.auth.Session;
import dev.capstan.server.rbac.RbacPolicy;

/**
 * The authenticated caller of one request and the policy in force when it arrived.
 *
 * @param session who is calling
 * @param policy the RBAC policy
 */
public record Caller(Session session, RbacPolicy policy) {

  /** Whether the caller may do {@code action} on {@code resource}'s {@code object}. */
  public boolean can(String resource, String action, String object) {
    return policy.can(session.username(), session.groups(), resource, action, object);
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
