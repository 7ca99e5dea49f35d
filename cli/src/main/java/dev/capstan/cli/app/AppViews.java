package dev.capstan.cli.app;

import dev.capstan.controller.api.argo.Application;
import dev.capstan.controller.api.argo.ApplicationSource;
import dev.capstan.controller.api.argo.ApplicationSpec;
import dev.capstan.controller.api.argo.ApplicationStatus;
import dev.capstan.controller.api.argo.OperationState;
import dev.capstan.controller.api.argo.SyncPolicy;
import io.fabric8.kubernetes.client.utils.KubernetesSerialization;
import java.io.PrintWriter;
import java.util.List;

/** Human views of Applications, in the layout of {@code argocd app get/list/history}. Pure. */
final class AppViews {

  private AppViews() {}

  static ApplicationStatus status(Application app) {
    return app.getStatus() == null ? ApplicationStatus.empty() : app.getStatus();
  }

  static String sync(ApplicationStatus s) {
    return s.sync() == null || s.sync().status().isEmpty() ? "Unknown" : s.sync().status();
  }

  static String health(ApplicationStatus s) {
    return s.health() == null || s.health().status().isEmpty() ? "Unknown" : s.health().status();
  }

  static String syncPolicy(ApplicationSpec spec) {
    SyncPolicy p = spec.syncPolicy();
    if (p == null || !p.automatedSyncEnabled()) {
      return "Manual";
    }
    List<String> flags = new java.util.ArrayList<>();
    if (p.automated().prune()) {
      flags.add("Prune");
    }
    if (p.automated().selfHeal()) {
      flags.add("SelfHeal");
    }
    return flags.isEmpty() ? "Automated" : "Automated (" + String.join(", ", flags) + ")";
  }

  static String shortSha(String revision) {
    return revision.matches("[0-9a-f]{40}") ? revision.substring(0, 7) : revision;
  }

  static void list(List<Application> apps, boolean wide, PrintWriter out) {
    TextTable t =
        wide
            ? new TextTable(
                "NAME",
                "CLUSTER",
                "NAMESPACE",
                "PROJECT",
                "STATUS",
                "HEALTH",
                "SYNCPOLICY",
                "CONDITIONS",
                "REPO",
                "PATH",
                "TARGET",
                "REVISION")
            : new TextTable(
                "NAME",
                "CLUSTER",
                "NAMESPACE",
                "PROJECT",
                "STATUS",
                "HEALTH",
                "SYNCPOLICY",
                "CONDITIONS",
                "REPO",
                "PATH",
                "TARGET");
    for (Application a : apps) {
      ApplicationStatus s = status(a);
      ApplicationSpec spec = a.getSpec();
      ApplicationSource src =
          spec.effectiveSources().isEmpty()
              ? ApplicationSource.git("", "", "")
              : spec.effectiveSources().getFirst();
      String conditions =
          s.conditions().isEmpty()
              ? "<none>"
              : String.join(",", s.conditions().stream().map(c -> c.type()).distinct().toList());
      String name = a.getMetadata().getNamespace() + "/" + a.getMetadata().getName();
      String cluster =
          spec.destination().server().isEmpty()
              ? spec.destination().name()
              : spec.destination().server();
      if (wide) {
        t.row(
            name,
            cluster,
            spec.destination().namespace(),
            spec.project(),
            sync(s),
            health(s),
            syncPolicy(spec),
            conditions,
            src.repoURL(),
            src.path(),
            target(src),
            s.sync() == null ? "" : shortSha(s.sync().revision()));
      } else {
        t.row(
            name,
            cluster,
            spec.destination().namespace(),
            spec.project(),
            sync(s),
            health(s),
            syncPolicy(spec),
            conditions,
            src.repoURL(),
            src.path(),
            target(src));
      }
    }
    t.print(out);
  }

  static String target(ApplicationSource src) {
    return src.targetRevision().isEmpty() ? "HEAD" : src.targetRevision();
  }

  static void get(Application a, PrintWriter out) {
    ApplicationStatus s = status(a);
    ApplicationSpec spec = a.getSpec();
    field(out, "Name", a.getMetadata().getNamespace() + "/" + a.getMetadata().getName());
    field(out, "Project", spec.project());
    field(
        out,
        "Server",
        spec.destination().server().isEmpty()
            ? spec.destination().name()
            : spec.destination().server());
    field(out, "Namespace", spec.destination().namespace());
    List<ApplicationSource> sources = spec.effectiveSources();
    for (ApplicationSource src : sources) {
      field(out, "Repo", src.repoURL());
      field(out, "Target", target(src));
      field(out, "Path", src.path());
    }
    field(out, "Sync Policy", syncPolicy(spec));
    String revision =
        s.sync() == null
            ? ""
            : !s.sync().revision().isEmpty()
                ? shortSha(s.sync().revision())
                : String.join(", ", s.sync().revisions().stream().map(AppViews::shortSha).toList());
    String targets = String.join(", ", sources.stream().map(AppViews::target).toList());
    field(
        out,
        "Sync Status",
        sync(s) + (revision.isEmpty() ? "" : " to " + targets + " (" + revision + ")"));
    field(out, "Health Status", health(s));
    if (!s.conditions().isEmpty()) {
      out.println();
      TextTable c = new TextTable("CONDITION", "MESSAGE", "LAST TRANSITION");
      s.conditions().forEach(x -> c.row(x.type(), x.message(), x.lastTransitionTime()));
      c.print(out);
    }
    OperationState op = s.operationState();
    if (op != null) {
      out.println();
      field(out, "Operation", "Sync");
      field(out, "Sync Revision", op.syncResult() == null ? "" : op.syncResult().revision());
      field(out, "Phase", op.phase());
      field(out, "Start", op.startedAt());
      field(out, "Finished", op.finishedAt());
      field(out, "Message", op.message());
    }
    out.println();
    TextTable t =
        new TextTable("GROUP", "KIND", "NAMESPACE", "NAME", "STATUS", "HEALTH", "HOOK", "MESSAGE");
    for (ApplicationStatus.ResourceStatus r : s.resources()) {
      String message =
          op == null || op.syncResult() == null
              ? ""
              : op.syncResult().resources().stream()
                  .filter(
                      x ->
                          x.kind().equals(r.kind())
                              && x.name().equals(r.name())
                              && x.namespace().equals(r.namespace())
                              && x.group().equals(r.group()))
                  .map(OperationState.ResourceResult::message)
                  .findFirst()
                  .orElse("");
      t.row(
          r.group(),
          r.kind(),
          r.namespace(),
          r.name(),
          r.status() + (r.requiresPruning() ? " (requires pruning)" : ""),
          r.health() == null ? "" : r.health().status(),
          "",
          message);
    }
    t.print(out);
  }

  static void history(Application a, PrintWriter out) {
    ApplicationStatus s = status(a);
    TextTable t = new TextTable("ID", "DATE", "REVISION");
    for (ApplicationStatus.RevisionHistory h : s.history()) {
      String target = h.source() == null ? "" : target(h.source()) + " ";
      String rev =
          h.revision().isEmpty()
              ? String.join(", ", h.revisions().stream().map(AppViews::shortSha).toList())
              : shortSha(h.revision());
      t.row(h.id(), h.deployedAt(), target + "(" + rev + ")");
    }
    if (!s.history().isEmpty() && s.history().getLast().source() != null) {
      out.println("SOURCE  " + s.history().getLast().source().repoURL());
    }
    t.print(out);
  }

  static void operationResult(OperationState op, PrintWriter out) {
    TextTable t = new TextTable("GROUP", "KIND", "NAMESPACE", "NAME", "STATUS", "MESSAGE");
    if (op.syncResult() != null) {
      op.syncResult()
          .resources()
          .forEach(
              r -> t.row(r.group(), r.kind(), r.namespace(), r.name(), r.status(), r.message()));
    }
    t.print(out);
    out.println();
    field(out, "Phase", op.phase());
    field(out, "Message", op.message());
  }

  /** Pretty JSON, without {@code managedFields} (noise for a reader). */
  static String json(Object o) {
    try {
      com.fasterxml.jackson.databind.ObjectMapper mapper =
          new com.fasterxml.jackson.databind.ObjectMapper();
      return mapper
          .writerWithDefaultPrettyPrinter()
          .writeValueAsString(
              mapper.readTree(new KubernetesSerialization().asJson(withoutManagedFields(o))));
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      throw new IllegalStateException("JSON output failed: " + e.getMessage(), e);
    }
  }

  static String yaml(Object o) {
    return new KubernetesSerialization().asYaml(withoutManagedFields(o));
  }

  private static Object withoutManagedFields(Object o) {
    if (o instanceof Application a) {
      a.getMetadata().setManagedFields(null);
    } else if (o instanceof List<?> l) {
      l.forEach(AppViews::withoutManagedFields);
    }
    return o;
  }

  private static void field(PrintWriter out, String name, String value) {
    out.printf("%-19s %s%n", name + ":", value);
  }
}
