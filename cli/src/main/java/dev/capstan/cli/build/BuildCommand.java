package dev.capstan.cli.build;

import dev.capstan.kustomize.BuildOptions;
import dev.capstan.kustomize.KustomizeException;
import dev.capstan.kustomize.Kustomizer;
import dev.capstan.kustomize.LoadRestrictor;
import dev.capstan.kustomize.Reorder;
import dev.capstan.kustomize.remote.GitCliFetcher;
import dev.capstan.kustomize.remote.GitRemoteResolver;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code capstan build DIR}: builds a kustomization and prints exactly what {@code kubectl
 * kustomize DIR} prints for the same flags. A bad kustomization prints one {@code Error: ...} line
 * on stderr, nothing on stdout, and exits with 1.
 */
@Command(
    name = "build",
    mixinStandardHelpOptions = true,
    description = "Build a kustomization directory (like 'kubectl kustomize').")
public final class BuildCommand implements Callable<Integer> {

  @Spec CommandSpec spec;

  @Parameters(
      index = "0",
      arity = "0..1",
      defaultValue = ".",
      description = "Kustomization directory.")
  Path dir;

  @Option(
      names = "--reorder",
      defaultValue = "legacy",
      description = "Output order: legacy (kind order) or none (input order).")
  String reorder;

  @Option(
      names = "--load-restrictor",
      defaultValue = "LoadRestrictionsRootOnly",
      description = "LoadRestrictionsRootOnly or LoadRestrictionsNone.")
  String loadRestrictor;

  @Override
  public Integer call() {
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    String yaml;
    // Remote bases (git URLs) are fetched with the git program, as kubectl kustomize does.
    try (GitRemoteResolver remote = new GitRemoteResolver(new GitCliFetcher())) {
      BuildOptions options =
          BuildOptions.defaults()
              .withReorder(Reorder.fromFlag(reorder))
              .withLoadRestrictor(LoadRestrictor.fromFlag(loadRestrictor))
              .withRemoteResolver(remote);
      yaml = new Kustomizer(options).buildYaml(dir);
    } catch (KustomizeException e) {
      err.println("Error: " + oneLine(e.getMessage()));
      err.flush();
      return 1;
    }
    out.print(yaml);
    out.flush();
    return 0;
  }

  private static String oneLine(String message) {
    return message == null ? "build failed" : message.replaceAll("\\s*\\R\\s*", " ").strip();
  }
}
