package dev.capstan.server.rbac;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The runtime policy of one AppProject, from its {@code spec.roles}: each role's {@code policies}
 * (Argo CD's {@code p, proj:<project>:<role>, <resource>, <action>, <project>/<object>, allow|deny}
 * lines) and a {@code g, <group>, proj:<project>:<role>} binding per entry of its {@code groups}.
 *
 * <p>As in Argo CD, a role may only grant on its own project's objects: a rule whose subject is not
 * the role itself, whose object does not start with {@code <project>/}, or whose resource is not
 * one that lives in a project ({@code applications}, {@code applicationsets}, {@code logs}, {@code
 * exec}) is left out and reported in {@link #rejected()}; so is a line that does not parse.
 *
 * @param policy the rules and group bindings that apply to the project's objects
 * @param rejected one message per rule left out
 */
public record ProjectPolicy(PolicyCsv policy, List<String> rejected) {
  private static final String PREFIX = "proj:";
  private static final Set<String> PROJECT_RESOURCES =
      Set.of("applications", "applicationsets", "logs", "exec");

  public ProjectPolicy {
    rejected = List.copyOf(rejected);
  }

  /**
   * One role of a project.
   *
   * @param name role name
   * @param policies its policy lines
   * @param groups groups bound to it
   */
  public record Role(String name, List<String> policies, List<String> groups) {
    public Role {
      policies = List.copyOf(policies);
      groups = List.copyOf(groups);
    }
  }

  /**
   * A project role named by a subject.
   *
   * @param project the project
   * @param role the role
   */
  public record RoleRef(String project, String role) {
    /** The subject {@code proj:<project>:<role>}. */
    public String subject() {
      return PREFIX + project + ":" + role;
    }
  }

  /** The project role a subject names, when it is of the form {@code proj:<project>:<role>}. */
  public static Optional<RoleRef> roleOf(String subject) {
    if (!subject.startsWith(PREFIX)) {
      return Optional.empty();
    }
    String rest = subject.substring(PREFIX.length());
    int colon = rest.indexOf(':');
    if (colon <= 0 || colon == rest.length() - 1 || rest.indexOf(':', colon + 1) >= 0) {
      return Optional.empty();
    }
    return Optional.of(new RoleRef(rest.substring(0, colon), rest.substring(colon + 1)));
  }

  /** Whether {@code resource} (plural or short) names objects that belong to a project. */
  public static boolean projectScoped(String resource) {
    return PROJECT_RESOURCES.contains(RbacPolicy.canonicalResource(resource));
  }

  /** The runtime policy of {@code project}'s {@code roles}. */
  public static ProjectPolicy of(String project, List<Role> roles) {
    List<List<String>> policies = new ArrayList<>();
    List<List<String>> groupings = new ArrayList<>();
    List<String> rejected = new ArrayList<>();
    for (Role role : roles) {
      String subject = new RoleRef(project, role.name()).subject();
      for (String line : role.policies()) {
        PolicyCsv parsed;
        try {
          parsed = PolicyCsv.parse(line);
        } catch (RbacException e) {
          rejected.add(where(project, role) + ": " + e.getMessage());
          continue;
        }
        if (!parsed.groupings().isEmpty()) {
          rejected.add(where(project, role) + ": only p rules are allowed: " + line);
          continue;
        }
        for (List<String> p : parsed.policies()) {
          if (!p.get(0).equals(subject)) {
            rejected.add(where(project, role) + ": the subject must be " + subject + ": " + line);
          } else if (!projectScoped(p.get(1))) {
            rejected.add(
                where(project, role)
                    + ": resource "
                    + p.get(1)
                    + " is not project-scoped: "
                    + line);
          } else if (!p.get(3).startsWith(project + "/")) {
            rejected.add(
                where(project, role) + ": the object must start with " + project + "/: " + line);
          } else {
            policies.add(
                List.of(
                    p.get(0),
                    RbacPolicy.canonicalResource(p.get(1)),
                    p.get(2),
                    p.get(3),
                    p.get(4)));
          }
        }
      }
      for (String group : role.groups()) {
        if (!group.isBlank()) {
          groupings.add(List.of(group.strip(), subject));
        }
      }
    }
    return new ProjectPolicy(new PolicyCsv(policies, groupings), rejected);
  }

  private static String where(String project, Role role) {
    return "AppProject " + project + " role " + role.name();
  }
}
