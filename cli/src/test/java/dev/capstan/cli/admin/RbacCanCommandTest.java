package dev.capstan.cli.admin;

import static org.assertj.core.api.Assertions.assertThat;

import dev.capstan.cli.CapstanCommand;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code capstan admin rbac can} against the shared example's rbac-cm.yaml and plain CSV files. */
class RbacCanCommandTest {
  @TempDir Path dir;

  private record Run(int code, String out, String err) {}

  private Run run(String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int code =
        CapstanCommand.newCommandLine(new PrintWriter(out), new PrintWriter(err)).execute(args);
    return new Run(code, out.toString(), err.toString());
  }

  private Path example() throws Exception {
    Path file = dir.resolve("rbac-cm.yaml");
    Files.writeString(
        file,
        """
        apiVersion: v1
        kind: ConfigMap
        metadata:
          name: argocd-rbac-cm
          namespace: argocd
        data:
          policy.default: role:readonly
          policy.csv: |
            p, role:admin, applications, *, */*, allow
            p, role:dev, applications, get, dev/*, allow
            g, developers, role:dev
        """);
    return file;
  }

  /** {@code capstan admin rbac can --policy-file POLICY ARGS...}. */
  private Run can(Path policy, String... args) {
    String[] all = new String[args.length + 5];
    System.arraycopy(
        new String[] {"admin", "rbac", "can", "--policy-file", policy.toString()}, 0, all, 0, 5);
    System.arraycopy(args, 0, all, 5, args.length);
    return run(all);
  }

  @Test
  void exampleConfigMapAnswersAsArgoCd() throws Exception {
    Path f = example();
    assertThat(can(f, "developers", "get", "applications", "dev/web").out()).isEqualTo("Yes\n");
    assertThat(can(f, "developers", "sync", "applications", "dev/web").out()).isEqualTo("No\n");
    assertThat(can(f, "developers", "get", "applications", "prod/web").out()).isEqualTo("Yes\n");
    assertThat(can(f, "developers", "get", "applications", "prod/web", "--default-role", "").out())
        .isEqualTo("No\n");
    assertThat(can(f, "role:admin", "delete", "application", "prod/web").out()).isEqualTo("Yes\n");
  }

  @Test
  void csvFileAndExitCode() throws Exception {
    Path csv = dir.resolve("policy.csv");
    Files.writeString(
        csv,
        "p, alice, applications, sync, team-a/*, allow\np, alice, applications, sync, team-a/prod-*, deny\n");
    assertThat(can(csv, "alice", "sync", "applications", "team-a/web").out()).isEqualTo("Yes\n");
    Run denied = can(csv, "alice", "sync", "applications", "team-a/prod-web", "--exit-code");
    assertThat(denied.out()).isEqualTo("No\n");
    assertThat(denied.code()).isEqualTo(1);
  }

  @Test
  void brokenPolicyIsAOneLineError() throws Exception {
    Path csv = dir.resolve("bad.csv");
    Files.writeString(csv, "p, alice, applications\n");
    Run r = can(csv, "alice", "get", "applications", "x/y");
    assertThat(r.code()).isNotZero();
    assertThat(r.out()).isEmpty();
    assertThat(r.err()).contains("line 1").doesNotContain("\tat ");
  }
}
