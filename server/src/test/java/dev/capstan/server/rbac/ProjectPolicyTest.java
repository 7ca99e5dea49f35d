package dev.capstan.server.rbac;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class ProjectPolicyTest {

  private static final ProjectPolicy.Role DEPLOYER =
      new ProjectPolicy.Role(
          "deployer",
          List.of(
              "p, proj:web:deployer, applications, get, web/*, allow",
              "p, proj:web:deployer, applications, sync, web/*, allow",
              "p, proj:web:deployer, applications, sync, web/frozen, deny",
              // Each of these is left out:
              "p, proj:web:deployer, applications, delete, other/*, allow",
              "p, proj:other:admin, applications, delete, web/*, allow",
              "p, proj:web:deployer, accounts, update, web/admin, allow",
              "g, proj:web:deployer, role:admin",
              "p, proj:web:deployer, applications"),
          List.of("web-team", " "));

  @Test
  void rolesGrantOnTheirOwnProjectOnlyAndBadRulesAreReported() {
    ProjectPolicy runtime = ProjectPolicy.of("web", List.of(DEPLOYER));

    assertThat(runtime.policy().policies())
        .containsExactly(
            List.of("proj:web:deployer", "applications", "get", "web/*", "allow"),
            List.of("proj:web:deployer", "applications", "sync", "web/*", "allow"),
            List.of("proj:web:deployer", "applications", "sync", "web/frozen", "deny"));
    assertThat(runtime.policy().groupings())
        .containsExactly(List.of("web-team", "proj:web:deployer"));
    assertThat(runtime.rejected()).hasSize(5);
    assertThat(runtime.rejected().get(0)).contains("the object must start with web/");
    assertThat(runtime.rejected().get(1)).contains("the subject must be proj:web:deployer");
    assertThat(runtime.rejected().get(2)).contains("accounts is not project-scoped");
    assertThat(runtime.rejected().get(3)).contains("only p rules");
    assertThat(runtime.rejected().get(4)).contains("5 fields");
  }

  @Test
  void theRuntimePolicyAddsToTheBasePolicy() {
    RbacPolicy base = RbacPolicy.of("p, alice, applications, get, */*, allow", "");
    RbacPolicy combined =
        base.withRuntimePolicy(ProjectPolicy.of("web", List.of(DEPLOYER)).policy());

    assertThat(base.can("proj:web:deployer", "applications", "sync", "web/site")).isFalse();
    assertThat(combined.can("proj:web:deployer", "applications", "sync", "web/site")).isTrue();
    assertThat(combined.can("proj:web:deployer", "applications", "sync", "web/frozen")).isFalse();
    assertThat(combined.can("proj:web:deployer", "applications", "delete", "web/site")).isFalse();
    assertThat(combined.can("proj:web:deployer", "applications", "delete", "other/x")).isFalse();
    // Group members get the role's rules: a user whose groups include web-team.
    assertThat(combined.can("bob", List.of("web-team"), "applications", "sync", "web/site"))
        .isTrue();
    assertThat(combined.can("bob", List.of("ops"), "applications", "sync", "web/site")).isFalse();
    // The base policy still applies.
    assertThat(combined.can("alice", "applications", "get", "web/site")).isTrue();
    assertThat(base.withRuntimePolicy(new PolicyCsv(List.of(), List.of()))).isSameAs(base);
  }

  @Test
  void subjectsNameProjectRoles() {
    assertThat(ProjectPolicy.roleOf("proj:web:deployer"))
        .contains(new ProjectPolicy.RoleRef("web", "deployer"));
    assertThat(ProjectPolicy.roleOf("admin")).isEmpty();
    assertThat(ProjectPolicy.roleOf("proj:web")).isEmpty();
    assertThat(ProjectPolicy.roleOf("proj::x")).isEmpty();
    assertThat(ProjectPolicy.roleOf("proj:web:")).isEmpty();
    assertThat(ProjectPolicy.roleOf("proj:a:b:c")).isEmpty();
    assertThat(new ProjectPolicy.RoleRef("web", "deployer").subject())
        .isEqualTo("proj:web:deployer");
    assertThat(ProjectPolicy.projectScoped("app")).isTrue();
    assertThat(ProjectPolicy.projectScoped("projects")).isFalse();
  }
}
