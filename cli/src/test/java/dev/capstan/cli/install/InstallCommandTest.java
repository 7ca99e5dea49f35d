package dev.capstan.cli.install;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import dev.capstan.cli.CapstanCommand;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code capstan install} run in-process: output, exit codes and user errors, no cluster needed.
 */
class InstallCommandTest {
  @TempDir Path tmp;

  @Test
  void yamlOutputPrintsEveryManifestForTheNamespaceAndTouchesNoCluster() throws IOException {
    Run run = run("install", "-o", "yaml", "--namespace", "team-a", "--kubeconfig", "/nonexistent");

    assertThat(run.code()).isZero();
    assertThat(run.err()).isEmpty();
    List<JsonNode> docs = documents(run.out());
    assertThat(docs)
        .extracting(d -> d.path("kind").asText() + "/" + d.path("metadata").path("name").asText())
        .containsExactly(
            "CustomResourceDefinition/appprojects.argoproj.io",
            "CustomResourceDefinition/applications.argoproj.io",
            "CustomResourceDefinition/gitrepositories.source.toolkit.fluxcd.io",
            "CustomResourceDefinition/kustomizations.kustomize.toolkit.fluxcd.io",
            "Namespace/team-a",
            "ServiceAccount/capstan-controller",
            "ClusterRole/capstan-controller",
            "ClusterRoleBinding/capstan-controller",
            "ConfigMap/capstan-cm",
            "ConfigMap/capstan-rbac-cm",
            "AppProject/default");
    assertThat(docs.subList(5, 11))
        .allSatisfy(
            d ->
                assertThat(d.path("metadata").path("namespace").asText("team-a"))
                    .isEqualTo("team-a"));
  }

  @Test
  void anInvalidNamespaceIsReportedWithoutStackTrace() {
    Run run = run("install", "-n", "Not_Valid", "-o", "yaml");

    assertThat(run.code()).isEqualTo(1);
    assertThat(run.err())
        .isEqualTo(
            "Error: --namespace \"Not_Valid\" is not a valid namespace name (lowercase letters,"
                + " digits and '-', at most 63)\n");
  }

  @Test
  void aMissingKubeconfigIsReported() {
    Path missing = tmp.resolve("nope.yaml");

    Run run = run("install", "--kubeconfig", missing.toString());

    assertThat(run.code()).isEqualTo(1);
    assertThat(run.err()).isEqualTo("Error: --kubeconfig " + missing + ": no such file\n");
  }

  @Test
  void anUnreachableClusterIsReportedWithTheFirstObject() throws IOException {
    int closedPort;
    try (ServerSocket socket = new ServerSocket(0)) {
      closedPort = socket.getLocalPort();
    }
    Path kubeconfig = tmp.resolve("kubeconfig");
    Files.writeString(
        kubeconfig,
        """
        apiVersion: v1
        kind: Config
        clusters:
        - name: gone
          cluster:
            server: https://127.0.0.1:%d
            insecure-skip-tls-verify: true
        users:
        - name: nobody
          user:
            token: not-a-real-token
        contexts:
        - name: gone
          context:
            cluster: gone
            user: nobody
        current-context: gone
        """
            .formatted(closedPort));

    Run run = run("install", "--kubeconfig", kubeconfig.toString());

    assertThat(run.code()).isEqualTo(1);
    assertThat(run.out()).isEmpty();
    assertThat(run.err())
        .startsWith(
            "Error: CustomResourceDefinition/appprojects.argoproj.io read failed (Unreachable): no"
                + " connection to the API server at https://127.0.0.1:"
                + closedPort
                + "/ (")
        .doesNotContain("\tat ");
  }

  @Test
  void aBadTimeoutIsAUsageError() {
    Run run = run("install", "--timeout", "soon", "-o", "yaml");

    assertThat(run.code()).isEqualTo(2);
    assertThat(run.err()).contains("invalid duration \"soon\" (use e.g. 90s or 2m)");
  }

  private static List<JsonNode> documents(String yaml) throws IOException {
    YAMLMapper mapper = new YAMLMapper();
    List<JsonNode> out = new ArrayList<>();
    try (MappingIterator<JsonNode> it =
        mapper.readValues(new YAMLFactory().createParser(yaml), JsonNode.class)) {
      while (it.hasNext()) {
        out.add(it.next());
      }
    }
    return out;
  }

  private static Run run(String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int code =
        CapstanCommand.newCommandLine(new PrintWriter(out, true), new PrintWriter(err, true))
            .execute(args);
    return new Run(code, out.toString(), err.toString());
  }

  private record Run(int code, String out, String err) {}
}
