package dev.capstan.cli.build;

import static org.assertj.core.api.Assertions.assertThat;

import dev.capstan.cli.CapstanCommand;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BuildCommandTest {
  @TempDir Path dir;

  private record Run(int code, String out, String err) {}

  private Run run(String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int code =
        CapstanCommand.newCommandLine(new PrintWriter(out), new PrintWriter(err)).execute(args);
    return new Run(code, out.toString(), err.toString());
  }

  @Test
  void printsTheBuildInLegacyOrderByDefault() throws Exception {
    Files.writeString(dir.resolve("kustomization.yaml"), "resources:\n- r.yaml\nnamePrefix: p-\n");
    Files.writeString(
        dir.resolve("r.yaml"),
        "apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: d\n---\n"
            + "apiVersion: v1\nkind: Namespace\nmetadata:\n  name: ns1\n");
    Run r = run("build", dir.toString());
    assertThat(r.code()).isZero();
    assertThat(r.err()).isEmpty();
    assertThat(r.out())
        .isEqualTo(
            "apiVersion: v1\nkind: Namespace\nmetadata:\n  name: ns1\n---\n"
                + "apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: p-d\n");
    Run none = run("build", dir.toString(), "--reorder", "none");
    assertThat(none.out()).startsWith("apiVersion: apps/v1\nkind: Deployment");
  }

  @Test
  void aBadKustomizationPrintsOneErrorLineAndNothingOnStdout() throws Exception {
    Files.writeString(dir.resolve("kustomization.yaml"), "resources:\n- missing.yaml\n");
    Run r = run("build", dir.toString());
    assertThat(r.code()).isEqualTo(1);
    assertThat(r.out()).isEmpty();
    assertThat(r.err()).startsWith("Error: ").contains("missing.yaml");
    assertThat(r.err().strip().lines()).hasSize(1);
  }

  @Test
  void loadRestrictorNoneAllowsFilesOutsideTheRoot() throws Exception {
    Path app = Files.createDirectories(dir.resolve("app"));
    Files.writeString(app.resolve("kustomization.yaml"), "resources:\n- ../cm.yaml\n");
    Files.writeString(
        dir.resolve("cm.yaml"), "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: c\n");
    assertThat(run("build", app.toString()).code()).isEqualTo(1);
    Run r = run("build", app.toString(), "--load-restrictor", "LoadRestrictionsNone");
    assertThat(r.code()).isZero();
    assertThat(r.out()).isEqualTo("apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: c\n");
  }

  @Test
  void aRemoteBaseGivenAsAGitUrlIsFetched() throws Exception {
    Path repo = Files.createDirectories(dir.resolve("repo"));
    Files.createDirectories(repo.resolve("base"));
    Files.writeString(repo.resolve("base/kustomization.yaml"), "resources:\n- cm.yaml\n");
    Files.writeString(
        repo.resolve("base/cm.yaml"), "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: c\n");
    git(repo, "init", "-q", "-b", "main");
    git(repo, "add", ".");
    git(
        repo,
        "-c",
        "user.name=t",
        "-c",
        "user.email=t@example.invalid",
        "commit",
        "-q",
        "-m",
        "base");
    Path overlay = Files.createDirectories(dir.resolve("overlay"));
    Files.writeString(
        overlay.resolve("kustomization.yaml"),
        "namePrefix: remote-\nresources:\n- file://" + repo + "//base?ref=main\n");
    Run r = run("build", overlay.toString());
    assertThat(r.err()).isEmpty();
    assertThat(r.code()).isZero();
    assertThat(r.out()).isEqualTo("apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: remote-c\n");
  }

  private static void git(Path repo, String... args) throws Exception {
    java.util.List<String> command =
        new java.util.ArrayList<>(java.util.List.of("git", "-C", repo.toString()));
    command.addAll(java.util.List.of(args));
    Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
    String output = new String(p.getInputStream().readAllBytes());
    assertThat(p.waitFor()).as(output).isZero();
  }
}
