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

  @Test
  void exampleConfigMapAnswersAsArgoCd() throws Exception {
    String f = example().toString();
    assertThat(
            run(
                    "admin",
                    "rbac",
                    "can",
                    "developers",
                    "get",
                    "applications",
                    "dev/web",
                    "--policy-file",
                    f)
                .out())
        .isEqualTo("Yes\n");
    assertThat(
            run(
                    "admin",
                    "rbac",
                    "can",
                    "developers",
                    "sync",
                    "applications",
                    "dev/web",
                    "--policy-file",
                    f)
                .out())
        .isEqualTo("No\n");
    assertThat(
            run(
                    "admin",
                    "rbac",
                    "can",
                    "developers",
                    "get",
                    "applications",
                    "prod/web",
                    "--policy-file",
                    f)
                .out())
        .isEqualTo("Yes\n");
    assertThat(
            run(
                    "admin",
                    "rbac",
                    "can",
                    "developers",
                    "get",
                    "applications",
                    "prod/web",
                    "--policy-file",
                    f,
                    "--default-role",
                    "")
                .out())
        .isEqualTo("No\n");
    assertThat(
            run(
                    "admin",
                    "rbac",
                    "can",
                    "role:admin",
                    "delete",
                    "application",
                    "prod/web",
                    "--policy-file",
                    f)
                .out())
        .isEqualTo("Yes\n");
  }

  @Test
  void csvFileAndExitCode() throws Exception {
    Path csv = dir.resolve("policy.csv");
    Files.writeString(
        csv,
        "p, alice, applications, sync, team-a/*, allow\np, alice, applications, sync, team-a/prod-*, deny\n");
    assertThat(
            run(
                    "admin",
                    "rbac",
                    "can",
                    "alice",
                    "sync",
                    "applications",
                    "team-a/web",
                    "--policy-file",
                    csv.toString())
                .out())
        .isEqualTo("Yes\n");
    Run denied =
        run(
            "admin",
            "rbac",
            "can",
            "alice",
            "sync",
            "applications",
            "team-a/prod-web",
            "--policy-file",
            csv.toString(),
            "--exit-code");
    assertThat(denied.out()).isEqualTo("No\n");
    assertThat(denied.code()).isEqualTo(1);
  }

  @Test
  void brokenPolicyIsAOneLineError() throws Exception {
    Path csv = dir.resolve("bad.csv");
    Files.writeString(csv, "p, alice, applications\n");
    Run r =
        run(
            "admin",
            "rbac",
            "can",
            "alice",
            "get",
            "applications",
            "x/y",
            "--policy-file",
            csv.toString());
    assertThat(r.code()).isNotZero();
    assertThat(r.out()).isEmpty();
    assertThat(r.err()).contains("line 1").doesNotContain("\tat ");
  }
}
