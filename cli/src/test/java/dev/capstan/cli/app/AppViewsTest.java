package dev.capstan.cli.app;

import static org.assertj.core.api.Assertions.assertThat;

import dev.capstan.cli.CapstanCommand;
import dev.capstan.controller.api.argo.Application;
import io.fabric8.kubernetes.client.utils.KubernetesSerialization;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.List;
import org.junit.jupiter.api.Test;

class AppViewsTest {

  private static final String APP =
      """
      apiVersion: argoproj.io/v1alpha1
      kind: Application
      metadata: {name: web, namespace: argocd}
      spec:
        project: default
        source: {repoURL: 'https://git.example/apps.git', targetRevision: main, path: web}
        destination: {server: 'https://kubernetes.default.svc', namespace: prod}
        syncPolicy: {automated: {prune: true, selfHeal: true}}
      status:
        sync: {status: OutOfSync, revision: 0123456789abcdef0123456789abcdef01234567}
        health: {status: Healthy}
        conditions:
        - {type: SharedResourceWarning, message: 'ConfigMap/prod/x also claimed'}
        resources:
        - {group: apps, version: v1, kind: Deployment, namespace: prod, name: web, status: Synced, health: {status: Healthy}}
        - {version: v1, kind: ConfigMap, namespace: prod, name: old, status: OutOfSync, requiresPruning: true}
        history:
        - {id: 0, revision: 0123456789abcdef0123456789abcdef01234567, deployedAt: '2026-01-01T00:00:00Z', source: {repoURL: 'https://git.example/apps.git', targetRevision: main, path: web}}
      """;

  private static Application app() {
    return new KubernetesSerialization().unmarshal(APP, Application.class);
  }

  private static String render(java.util.function.Consumer<PrintWriter> view) {
    StringWriter out = new StringWriter();
    PrintWriter w = new PrintWriter(out);
    view.accept(w);
    w.flush();
    return out.toString();
  }

  @Test
  void listIsAnAlignedTableWithArgoCdsColumns() {
    String out = render(w -> AppViews.list(List.of(app()), false, w));

    assertThat(out.lines().toList()).hasSize(2);
    assertThat(out.lines().findFirst().orElseThrow())
        .isEqualTo(
            "NAME        CLUSTER                         NAMESPACE  PROJECT  STATUS     HEALTH   SYNCPOLICY                   CONDITIONS             REPO                          PATH  TARGET");
    assertThat(out)
        .contains(
            "argocd/web  https://kubernetes.default.svc  prod       default  OutOfSync  Healthy  Automated (Prune, SelfHeal)  SharedResourceWarning  https://git.example/apps.git  web   main");
  }

  @Test
  void getShowsSummaryConditionsAndResources() {
    String out = render(w -> AppViews.get(app(), w));

    assertThat(out)
        .contains("Name:               argocd/web")
        .contains("Sync Status:        OutOfSync to main (0123456)")
        .contains("Health Status:      Healthy")
        .contains("SharedResourceWarning  ConfigMap/prod/x also claimed")
        .containsPattern("apps\\s+Deployment\\s+prod\\s+web\\s+Synced\\s+Healthy")
        .containsPattern("ConfigMap\\s+prod\\s+old\\s+OutOfSync \\(requires pruning\\)");
  }

  @Test
  void historyListsIdsDatesAndShortRevisions() {
    String out = render(w -> AppViews.history(app(), w));

    assertThat(out)
        .contains("SOURCE  https://git.example/apps.git")
        .containsPattern("0\\s+2026-01-01T00:00:00Z\\s+main \\(0123456\\)");
  }

  @Test
  void theAppCommandGroupListsItsSubcommandsAndRejectsMissingNames() {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    var cl = CapstanCommand.newCommandLine(new PrintWriter(out, true), new PrintWriter(err, true));

    assertThat(cl.execute("app")).isZero();
    assertThat(out.toString())
        .contains(
            "list", "get", "sync", "diff", "history", "rollback", "wait", "manifests", "delete");
    assertThat(cl.execute("app", "sync")).isEqualTo(2);
    assertThat(err.toString()).contains("Missing required parameter");
    assertThat(cl.execute("controller", "--help")).isZero();
    assertThat(out.toString())
        .contains("--concurrency", "--metrics-port", "--application-namespaces");
  }
}
