package dev.capstan.server.rbac;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class RbacPolicyTest {

  /** The policy of the shared example repository (deploy/argocd/rbac-cm.yaml). */
  private static final Map<String, String> EXAMPLE =
      Map.of(
          "policy.default", "role:readonly",
          "policy.csv",
              """
          p, role:admin, applications, *, */*, allow
          p, role:dev, applications, get, dev/*, allow
          g, developers, role:dev
          """);

  @Test
  void exampleGivesDevelopersGetOnDevApps() {
    RbacPolicy policy = RbacPolicy.fromConfigMap(EXAMPLE);
    assertThat(policy.can("developers", "applications", "get", "dev/web")).isTrue();
    assertThat(policy.can("developers", "applications", "sync", "dev/web")).isFalse();
    assertThat(policy.can("developers", "applications", "delete", "dev/web")).isFalse();
  }

  @Test
  void exampleDefaultRoleLetsEveryoneReadButNotWrite() {
    RbacPolicy policy = RbacPolicy.fromConfigMap(EXAMPLE);
    assertThat(policy.can("someone", "applications", "get", "prod/web")).isTrue();
    assertThat(policy.can("someone", "applications", "sync", "prod/web")).isFalse();
    assertThat(policy.can("someone", "clusters", "get", "https://kubernetes.default.svc")).isTrue();
    assertThat(policy.can("someone", "clusters", "delete", "https://kubernetes.default.svc"))
        .isFalse();
  }

  @Test
  void withoutDefaultRoleDevelopersSeeOnlyDev() {
    RbacPolicy policy = RbacPolicy.of(EXAMPLE.get("policy.csv"), "");
    assertThat(policy.can("developers", "applications", "get", "dev/web")).isTrue();
    assertThat(policy.can("developers", "applications", "get", "prod/web")).isFalse();
    assertThat(policy.can("someone", "applications", "get", "dev/web")).isFalse();
  }

  @Test
  void builtinAdminCanDoEverythingAndAdminAccountHasIt() {
    RbacPolicy policy = RbacPolicy.of("", "");
    assertThat(policy.can("admin", "applications", "sync", "any/app")).isTrue();
    assertThat(policy.can("role:admin", "accounts", "update", "alice")).isTrue();
    assertThat(policy.can("role:readonly", "applications", "get", "p/a")).isTrue();
    assertThat(policy.can("role:readonly", "applications", "sync", "p/a")).isFalse();
    assertThat(policy.can("role:readonly", "exec", "create", "p/a")).isFalse();
  }

  @Test
  void denyOverridesAllow() {
    RbacPolicy policy =
        RbacPolicy.of(
            """
        p, role:ops, applications, *, */*, allow
        p, role:ops, applications, delete, prod/*, deny
        g, alice, role:ops
        """,
            "");
    assertThat(policy.can("alice", "applications", "delete", "dev/web")).isTrue();
    assertThat(policy.can("alice", "applications", "delete", "prod/web")).isFalse();
    assertThat(policy.can("alice", "applications", "sync", "prod/web")).isTrue();
  }

  @Test
  void globsMatchAcrossSlashesAndAlternatives() {
    RbacPolicy policy =
        RbacPolicy.of(
            """
        p, bob, applications, get, *, allow
        p, bob, applications, sync, "{dev,staging}/web-?", allow
        p, bob, applications, action/apps/Deployment/*, team-*/*, allow
        """,
            "");
    assertThat(policy.can("bob", "applications", "get", "p/ns/app")).isTrue();
    assertThat(policy.can("bob", "applications", "sync", "staging/web-1")).isTrue();
    assertThat(policy.can("bob", "applications", "sync", "prod/web-1")).isFalse();
    assertThat(policy.can("bob", "applications", "sync", "dev/web-10")).isFalse();
    assertThat(policy.can("bob", "applications", "action/apps/Deployment/restart", "team-a/x"))
        .isTrue();
  }

  @Test
  void groupsOfAUserAreSubjectsToo() {
    RbacPolicy policy =
        RbacPolicy.fromConfigMap(
            Map.of("policy.csv", EXAMPLE.get("policy.csv"), "scopes", "[groups, email]"));
    assertThat(policy.scopes()).containsExactly("groups", "email");
    assertThat(policy.can("carol", List.of("developers"), "applications", "get", "dev/web"))
        .isTrue();
    assertThat(policy.can("carol", List.of("others"), "applications", "get", "dev/web")).isFalse();
  }

  @Test
  void singularResourceNamesAreAccepted() {
    RbacPolicy policy = RbacPolicy.of("", "");
    assertThat(policy.can("admin", "app", "sync", "p/a")).isTrue();
    assertThat(RbacPolicy.canonicalResource("proj")).isEqualTo("projects");
  }

  @Test
  void malformedLinesAreRejectedWithTheirNumber() {
    assertThatThrownBy(() -> RbacPolicy.of("p, a, applications, get\n", ""))
        .isInstanceOf(RbacException.class)
        .hasMessageContaining("line 1");
    assertThatThrownBy(() -> RbacPolicy.of("\nx, a, b\n", ""))
        .isInstanceOf(RbacException.class)
        .hasMessageContaining("line 2")
        .hasMessageContaining("unknown rule type");
    assertThatThrownBy(() -> RbacPolicy.of("p, a, applications, get, */*, maybe\n", ""))
        .isInstanceOf(RbacException.class)
        .hasMessageContaining("allow or deny");
  }

  @Test
  void extensionPoliciesAreAppended() {
    RbacPolicy policy =
        RbacPolicy.fromConfigMap(
            Map.of(
                "policy.csv",
                "",
                "policy.team-a.csv",
                "p, dana, applications, sync, a/*, allow\n"));
    assertThat(policy.can("dana", "applications", "sync", "a/x")).isTrue();
  }
}
