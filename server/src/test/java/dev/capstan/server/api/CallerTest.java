package dev.capstan.server.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.capstan.server.auth.Session;
import dev.capstan.server.rbac.ProjectPolicy;
import dev.capstan.server.rbac.RbacPolicy;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class CallerTest {

  /** Project "web" has a role "deployer" bound to group "web-team"; project "db" has none. */
  private static final Caller.ProjectPolicies PROJECTS =
      (base, project) ->
          project.equals("web")
              ? base.withRuntimePolicy(
                  ProjectPolicy.of(
                          "web",
                          List.of(
                              new ProjectPolicy.Role(
                                  "deployer",
                                  List.of("p, proj:web:deployer, applications, *, web/*, allow"),
                                  List.of("web-team"))))
                      .policy())
              : base;

  private static Caller caller(String user, List<String> groups, String csv, String defaultRole) {
    return new Caller(
        new Session(user, groups, "id", "capstan", Instant.MAX),
        RbacPolicy.of(csv, defaultRole),
        PROJECTS);
  }

  @Test
  void aProjectRoleTokenActsOnlyInItsProject() {
    Caller role = caller("proj:web:deployer", List.of(), "", "");
    assertThat(role.can("applications", "sync", "web/site")).isTrue();
    assertThat(role.can("applications", "sync", "db/site")).isFalse();
    assertThat(role.can("projects", "get", "web")).isFalse();
    assertThatThrownBy(() -> role.require("applications", "delete", "db/site"))
        .isInstanceOf(ApiException.class)
        .hasMessage("permission denied: applications, delete, db/site, sub: proj:web:deployer");
  }

  @Test
  void aRoleTokenOfAnotherProjectIsNotHelpedByAGlobalGrantOnTheObject() {
    Caller role =
        caller(
            "proj:web:deployer",
            List.of(),
            "p, proj:web:deployer, applications, get, */*, allow",
            "");
    assertThat(role.can("applications", "get", "web/site")).isTrue();
    assertThat(role.can("applications", "get", "db/site")).isFalse();
  }

  @Test
  void groupsBoundToAProjectRoleGetItsRulesOnThatProject() {
    Caller member = caller("bob", List.of("web-team"), "", "");
    Caller outsider = caller("eve", List.of("ops"), "", "");
    assertThat(member.can("applications", "sync", "web/site")).isTrue();
    assertThat(member.can("applications", "sync", "db/site")).isFalse();
    assertThat(outsider.can("applications", "sync", "web/site")).isFalse();
  }

  @Test
  void theGlobalPolicyAndDefaultRoleStillApply() {
    Caller reader = caller("carol", List.of(), "", "role:readonly");
    assertThat(reader.can("applications", "get", "db/site")).isTrue();
    assertThat(reader.can("applications", "sync", "web/site")).isFalse();
    assertThat(caller("admin", List.of(), "", "").can("applications", "delete", "db/x")).isTrue();
  }
}
