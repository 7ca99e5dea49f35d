package dev.capstan.cli.app;

import dev.capstan.controller.api.argo.Application;
import io.fabric8.kubernetes.client.utils.KubernetesSerialization;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
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
 * {@code capstan app create NAME --repo URL --path P --dest-namespace NS} (or {@code -f FILE}), as
 * {@code argocd app create}: an existing Application with the same spec is left alone, one with
 * another spec is an error unless {@code --upsert}.
 */
@Command(
    name = "create",
    mixinStandardHelpOptions = true,
    description = "Create an Application from flags or from a file.")
public final class AppCreateCommand implements Callable<Integer> {

  @Spec CommandSpec spec;
  @Mixin ClusterOptions cluster;

  @Parameters(index = "0", arity = "0..1", description = "Application name (or NAMESPACE/NAME).")
  String name;

  @Option(
      names = {"-f", "--file"},
      description = "An Application manifest (YAML or JSON) instead of the flags.")
  Path file;

  @Option(names = "--repo", description = "Repository URL.")
  String repo;

  @Option(names = "--path", description = "Path in the repository.")
  String path;

  @Option(names = "--revision", defaultValue = "HEAD", description = "Target revision.")
  String revision;

  @Option(names = "--project", defaultValue = "default", description = "AppProject.")
  String project;

  @Option(
      names = "--dest-server",
      defaultValue = "https://kubernetes.default.svc",
      description = "Destination cluster URL (default: ${DEFAULT-VALUE}).")
  String destServer;

  @Option(names = "--dest-namespace", description = "Destination namespace.")
  String destNamespace;

  @Option(names = "--sync-policy", description = "none (default) or automated.")
  String syncPolicy;

  @Option(names = "--auto-prune", description = "With automated sync: prune.")
  boolean autoPrune;

  @Option(names = "--self-heal", description = "With automated sync: revert drift.")
  boolean selfHeal;

  @Option(names = "--upsert", description = "Replace the spec of an existing Application.")
  boolean upsert;

  @Override
  public Integer call() {
    PrintWriter out = spec.commandLine().getOut();
    Application app = file != null ? fromFile() : fromFlags();
    try (AppBackend backend = cluster.open()) {
      Application created = backend.create(app, upsert);
      out.println("application '" + created.getMetadata().getName() + "' created");
    }
    out.flush();
    return 0;
  }

  private Application fromFile() {
    if (name != null || repo != null || path != null || destNamespace != null) {
      throw new IllegalArgumentException("give either -f FILE or NAME with flags, not both");
    }
    try {
      Application app =
          new KubernetesSerialization().unmarshal(Files.readString(file), Application.class);
      if (app.getMetadata() == null || app.getMetadata().getName() == null) {
        throw new IllegalArgumentException(file + ": the Application has no metadata.name");
      }
      if (app.getMetadata().getNamespace() == null) {
        cluster
            .chosenNamespace(app.getMetadata().getName())
            .ifPresent(app.getMetadata()::setNamespace);
      }
      return app;
    } catch (IOException e) {
      throw new IllegalArgumentException("reading " + file + " failed: " + e.getMessage());
    } catch (RuntimeException e) {
      if (e instanceof IllegalArgumentException i) {
        throw i;
      }
      throw new IllegalArgumentException(file + " is not an Application: " + e.getMessage());
    }
  }

  private Application fromFlags() {
    if (name == null || repo == null || destNamespace == null) {
      throw new IllegalArgumentException(
          "NAME, --repo and --dest-namespace are required (or give -f FILE)");
    }
    Map<String, Object> source = new LinkedHashMap<>();
    source.put("repoURL", repo);
    source.put("path", path == null ? "." : path);
    source.put("targetRevision", revision);
    Map<String, Object> specMap = new LinkedHashMap<>();
    specMap.put("project", project);
    specMap.put("source", source);
    specMap.put("destination", Map.of("server", destServer, "namespace", destNamespace));
    if (syncPolicy != null && !syncPolicy.equals("none")) {
      if (!syncPolicy.equals("automated") && !syncPolicy.equals("auto")) {
        throw new IllegalArgumentException("--sync-policy must be none or automated");
      }
      specMap.put(
          "syncPolicy", Map.of("automated", Map.of("prune", autoPrune, "selfHeal", selfHeal)));
    }
    Map<String, Object> metadata = new LinkedHashMap<>();
    metadata.put("name", ClusterOptions.nameOf(name));
    cluster.chosenNamespace(name).ifPresent(ns -> metadata.put("namespace", ns));
    Map<String, Object> object = new LinkedHashMap<>();
    object.put("apiVersion", "argoproj.io/v1alpha1");
    object.put("kind", "Application");
    object.put("metadata", metadata);
    object.put("spec", specMap);
    return new KubernetesSerialization().convertValue(object, Application.class);
  }
}
