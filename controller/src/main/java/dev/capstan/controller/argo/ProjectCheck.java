package dev.capstan.controller.argo;

import dev.capstan.controller.api.argo.AppProject;
import dev.capstan.controller.api.argo.AppProjectSpec;
import dev.capstan.controller.api.argo.ApplicationDestination;
import dev.capstan.controller.api.argo.ApplicationSource;
import dev.capstan.controller.api.argo.ApplicationSpec;
import java.nio.file.FileSystems;
import java.nio.file.Path;
import java.util.Optional;

/**
 * Whether an Application may use its project, as Argo CD checks it: the AppProject exists (in the
 * controller's namespace), the Application's namespace is the controller's or one of the project's
 * {@code sourceNamespaces}, every source repository matches a {@code sourceRepos} glob, and the
 * destination matches a {@code destinations} entry (server or name, and namespace globs). Patterns
 * starting with {@code !} deny. Pure.
 */
final class ProjectCheck {

  private ProjectCheck() {}

  /** The reason the Application is refused, empty when it is allowed. */
  static Optional<String> violation(
      String projectName,
      Optional<AppProject> project,
      String appNamespace,
      String controllerNamespace,
      ApplicationSpec spec) {
    if (project.isEmpty()) {
      return Optional.of(
          "Application referencing project " + projectName + " which does not exist");
    }
    AppProjectSpec p = project.get().getSpec();
    if (!appNamespace.equals(controllerNamespace)
        && p.sourceNamespaces().stream().noneMatch(g -> glob(g, appNamespace))) {
      return Optional.of(
          "application namespace "
              + appNamespace
              + " is not permitted in project '"
              + projectName
              + "'");
    }
    for (ApplicationSource s : spec.effectiveSources()) {
      if (!allowed(p.sourceRepos(), s.repoURL())) {
        return Optional.of(
            "application repo "
                + s.repoURL()
                + " is not permitted in project '"
                + projectName
                + "'");
      }
    }
    ApplicationDestination d = spec.destination();
    String server =
        d.server().isEmpty() && d.name().isEmpty() ? ApplicationDestination.IN_CLUSTER : d.server();
    String name =
        d.name().isEmpty() && server.equals(ApplicationDestination.IN_CLUSTER)
            ? "in-cluster"
            : d.name();
    boolean destinationOk =
        p.destinations().stream()
            .anyMatch(
                a ->
                    ((!a.server().isEmpty() && glob(a.server(), server))
                            || (!a.name().isEmpty() && glob(a.name(), name)))
                        && glob(a.namespace().isEmpty() ? "*" : a.namespace(), d.namespace()));
    if (!destinationOk) {
      return Optional.of(
          "application destination server '"
              + d.server()
              + "' and namespace '"
              + d.namespace()
              + "' do not match any of the allowed destinations in project '"
              + projectName
              + "'");
    }
    return Optional.empty();
  }

  private static boolean allowed(java.util.List<String> patterns, String value) {
    boolean ok = false;
    for (String pattern : patterns) {
      if (pattern.startsWith("!")) {
        if (glob(pattern.substring(1), value)) {
          return false;
        }
      } else if (glob(pattern, value)) {
        ok = true;
      }
    }
    return ok;
  }

  static boolean glob(String pattern, String value) {
    if (pattern.equals("*") || pattern.equals(value)) {
      return true;
    }
    try {
      return FileSystems.getDefault()
          .getPathMatcher("glob:" + pattern.replace("/", "\u0001"))
          .matches(Path.of(value.replace("/", "\u0001")));
    } catch (RuntimeException e) {
      return false;
    }
  }
}
