package dev.capstan.kustomize.remote;

import static org.assertj.core.api.Assertions.assertThat;

import dev.capstan.kustomize.BuildOptions;
import dev.capstan.kustomize.Kustomizer;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A build whose resources and components come from a git repository (file:// URLs, fetched with the
 * git program), compared with kubectl kustomize when it is on the PATH.
 */
class RemoteBuildTest {
  @TempDir Path tmp;

  @Test
  void remoteBaseAndComponentBuildLikeKubectl() throws Exception {
    Path repo = tmp.resolve("repo");
    Files.createDirectories(repo.resolve("base"));
    Files.createDirectories(repo.resolve("comp"));
    Files.writeString(
        repo.resolve("base/kustomization.yaml"),
        "resources: [cm.yaml]\nconfigMapGenerator:\n- name: gen\n  literals: [a=1]\n");
    Files.writeString(
        repo.resolve("base/cm.yaml"),
        "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: remote\n");
    Files.writeString(
        repo.resolve("comp/kustomization.yaml"),
        "apiVersion: kustomize.config.k8s.io/v1alpha1\nkind: Component\n"
            + "commonLabels: {from: component}\n");
    git(repo, "init", "-q", "-b", "main");
    git(repo, "add", ".");
    git(repo, "commit", "-qm", "one");
    git(repo, "tag", "v1");

    Path app = tmp.resolve("app");
    Files.createDirectories(app);
    Files.writeString(
        app.resolve("kustomization.yaml"),
        "namePrefix: app-\nresources:\n- file://"
            + repo
            + "//base?ref=v1\n"
            + "components:\n- git::file://"
            + repo
            + "//comp\n");

    String ours;
    try (GitRemoteResolver resolver =
        new GitRemoteResolver(new GitCliFetcher(), tmp.resolve("work"))) {
      ours = new Kustomizer(BuildOptions.defaults().withRemoteResolver(resolver)).buildYaml(app);
    }
    assertThat(ours)
        .contains("name: app-remote")
        .contains("from: component")
        .contains("name: app-gen-");
    String kubectl = kubectl(app);
    if (kubectl != null) {
      assertThat(ours).isEqualTo(kubectl);
    }
  }

  @Test
  void originsOfRemoteResourcesAndComponentsNameTheRepositoryAndRef() throws Exception {
    Path repo = tmp.resolve("repo");
    Files.createDirectories(repo.resolve("app"));
    Files.createDirectories(repo.resolve("common"));
    Files.writeString(
        repo.resolve("app/kustomization.yaml"),
        "resources: [cm.yaml, ../common]\nconfigMapGenerator: [{name: rg, literals: [a=b]}]\n"
            + "namePrefix: r-\n");
    Files.writeString(
        repo.resolve("app/cm.yaml"),
        "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: remote\n");
    Files.writeString(repo.resolve("common/kustomization.yaml"), "resources: [s.yaml]\n");
    Files.createDirectories(repo.resolve("comp"));
    Files.writeString(
        repo.resolve("comp/kustomization.yaml"),
        "apiVersion: kustomize.config.k8s.io/v1alpha1\nkind: Component\nresources: [c.yaml]\n"
            + "configMapGenerator: [{name: cg}]\ncommonAnnotations: {c: d}\n");
    Files.writeString(
        repo.resolve("comp/c.yaml"),
        "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: fromcomp\n");
    Files.writeString(
        repo.resolve("common/s.yaml"), "apiVersion: v1\nkind: Secret\nmetadata:\n  name: s\n");
    git(repo, "init", "-q", "-b", "main");
    git(repo, "add", ".");
    git(repo, "commit", "-qm", "one");
    git(repo, "tag", "v2");
    Path top = tmp.resolve("top");
    Files.createDirectories(top);
    Files.writeString(
        top.resolve("kustomization.yaml"),
        "resources:\n- file://"
            + repo
            + "//app?ref=v2\n"
            + "components:\n- file://"
            + repo
            + "//comp?ref=v2\n"
            + "buildMetadata: [originAnnotations, transformerAnnotations]\n"
            + "commonLabels: {x: z}\n");
    String ours;
    try (GitRemoteResolver resolver =
        new GitRemoteResolver(new GitCliFetcher(), tmp.resolve("work"))) {
      ours = new Kustomizer(BuildOptions.defaults().withRemoteResolver(resolver)).buildYaml(top);
    }
    assertThat(ours)
        .contains("path: app/cm.yaml\n      repo: file://" + repo + "\n      ref: v2\n")
        .contains("path: common/s.yaml\n")
        .contains("configuredIn: app/kustomization.yaml\n")
        .contains("path: comp/c.yaml\n      repo: file://" + repo + "\n      ref: v2\n");
    String kubectl = kubectl(top);
    if (kubectl != null) {
      assertThat(ours).isEqualTo(kubectl);
    }
  }

  private static String kubectl(Path dir) throws IOException, InterruptedException {
    Process p;
    try {
      p = new ProcessBuilder("kubectl", "kustomize", dir.toString()).start();
    } catch (IOException e) {
      return null; // no oracle on this machine
    }
    String out = new String(p.getInputStream().readAllBytes());
    assertThat(p.waitFor(120, TimeUnit.SECONDS)).isTrue();
    assertThat(p.exitValue()).as(new String(p.getErrorStream().readAllBytes())).isZero();
    return out;
  }

  private static void git(Path dir, String... args) throws IOException, InterruptedException {
    List<String> cmd =
        new ArrayList<>(
            List.of(
                "git",
                "-c",
                "user.email=t@example.com",
                "-c",
                "user.name=test",
                "-c",
                "commit.gpgsign=false"));
    cmd.addAll(List.of(args));
    Process p = new ProcessBuilder(cmd).directory(dir.toFile()).redirectErrorStream(true).start();
    byte[] out = p.getInputStream().readAllBytes();
    assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
    assertThat(p.exitValue()).as(new String(out)).isZero();
  }
}
