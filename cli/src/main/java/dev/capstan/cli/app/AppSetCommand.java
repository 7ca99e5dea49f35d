package dev.capstan.cli.app;

import dev.capstan.controller.api.argo.Application;
import io.fabric8.kubernetes.client.utils.KubernetesSerialization;
import java.io.PrintWriter;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code capstan app set NAME [--repo] [--path] [--revision] [--project] [--dest-server]
 * [--dest-namespace] [--sync-policy none|automated] [--auto-prune] [--self-heal]}, as {@code argocd
 * app set}: changes the given fields of the spec and writes it back whole (through the server:
 * {@code PUT /api/v1/applications/{name}/spec}). Source fields need a single-source Application.
 */
@Command(
    name = "set",
    mixinStandardHelpOptions = true,
    description = "Change an Application's spec.")
public final class AppSetCommand implements Callable<Integer> {

  @Spec CommandSpec spec;
  @Mixin ClusterOptions cluster;

  @Parameters(index = "0", description = "Application name (or NAMESPACE/NAME).")
  String name;

  @Option(names = "--repo", description = "Repository URL.")
  String repo;

  @Option(names = "--path", description = "Path in the repository.")
  String path;

  @Option(names = "--revision", description = "Target revision.")
  String revision;

  @Option(names = "--project", description = "AppProject.")
  String project;

  @Option(names = "--dest-server", description = "Destination cluster URL.")
  String destServer;

  @Option(names = "--dest-namespace", description = "Destination namespace.")
  String destNamespace;

  @Option(names = "--sync-policy", description = "none or automated.")
  String syncPolicy;

  @Option(
      names = "--auto-prune",
      negatable = true,
      description = "With automated sync: prune (or not, --no-auto-prune).")
  Boolean autoPrune;

  @Option(
      names = "--self-heal",
      negatable = true,
      description = "With automated sync: revert drift (or not, --no-self-heal).")
  Boolean selfHeal;

  @Override
  @SuppressWarnings("unchecked")
  public Integer call() {
    PrintWriter out = spec.commandLine().getOut();
    KubernetesSerialization serialization = new KubernetesSerialization();
    try (AppBackend backend = cluster.open()) {
      Application app = backend.get(name);
      Map<String, Object> specMap =
          new LinkedHashMap<>(serialization.convertValue(app.getSpec(), Map.class));
      boolean changed = false;
      if (repo != null || path != null || revision != null) {
        if (specMap.get("sources") instanceof java.util.List<?> l && !l.isEmpty()) {
          throw new IllegalArgumentException(
              "application "
                  + name
                  + " has several sources: --repo, --path and --revision"
                  + " change a single source");
        }
        Map<String, Object> source =
            new LinkedHashMap<>((Map<String, Object>) specMap.getOrDefault("source", Map.of()));
        put(source, "repoURL", repo);
        put(source, "path", path);
        put(source, "targetRevision", revision);
        specMap.put("source", source);
        changed = true;
      }
      if (destServer != null || destNamespace != null) {
        Map<String, Object> dest =
            new LinkedHashMap<>(
                (Map<String, Object>) specMap.getOrDefault("destination", Map.of()));
        put(dest, "server", destServer);
        put(dest, "namespace", destNamespace);
        specMap.put("destination", dest);
        changed = true;
      }
      if (project != null) {
        specMap.put("project", project);
        changed = true;
      }
      if (syncPolicy != null || autoPrune != null || selfHeal != null) {
        Map<String, Object> policy =
            new LinkedHashMap<>((Map<String, Object>) specMap.getOrDefault("syncPolicy", Map.of()));
        if ("none".equals(syncPolicy)) {
          policy.remove("automated");
        } else if (syncPolicy != null && !syncPolicy.equals("automated")) {
          throw new IllegalArgumentException("--sync-policy must be none or automated");
        } else {
          if (syncPolicy == null && !policy.containsKey("automated")) {
            throw new IllegalArgumentException(
                "--auto-prune and --self-heal need automated sync (--sync-policy automated)");
          }
          Map<String, Object> automated =
              new LinkedHashMap<>((Map<String, Object>) policy.getOrDefault("automated", Map.of()));
          if (autoPrune != null) {
            automated.put("prune", autoPrune);
          }
          if (selfHeal != null) {
            automated.put("selfHeal", selfHeal);
          }
          policy.put("automated", automated);
        }
        specMap.put("syncPolicy", policy);
        changed = true;
      }
      if (!changed) {
        throw new IllegalArgumentException("nothing to set: give at least one field");
      }
      backend.setSpec(app, specMap);
      out.println("application '" + app.getMetadata().getName() + "' updated");
    }
    out.flush();
    return 0;
  }

  private static void put(Map<String, Object> map, String key, String value) {
    if (value != null) {
      map.put(key, value);
    }
  }
}
