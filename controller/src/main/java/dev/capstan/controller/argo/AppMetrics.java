package dev.capstan.controller.argo;

import dev.capstan.controller.api.argo.Application;
import dev.capstan.controller.api.argo.ApplicationSource;
import dev.capstan.controller.api.argo.ApplicationStatus;
import dev.capstan.engine.sync.Change;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.prometheus.metrics.core.metrics.Info;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The controller's metrics, named as Argo CD's where Argo CD has one: {@code argocd_app_info} (1
 * per Application, labels carry sync and health status), {@code argocd_app_sync_total}, {@code
 * argocd_app_reconcile} (histogram, seconds), {@code argocd_git_request_total}, and Capstan's
 * {@code capstan_apply_total} (applied objects by action). Thread-safe.
 */
final class AppMetrics {

  private final MeterRegistry registry;
  private final Info appInfo;
  private final Map<AppKey, List<String>> info = new ConcurrentHashMap<>();

  /**
   * Metrics in {@code registry}. {@code argocd_app_info} is a Prometheus info metric registered
   * directly in the registry's Prometheus registry (Micrometer would drop the {@code _info} suffix
   * of a gauge).
   */
  AppMetrics(PrometheusMeterRegistry registry) {
    this.registry = registry;
    this.appInfo =
        Info.builder()
            .name("argocd_app_info")
            .help("Information about Applications")
            .labelNames(
                "namespace",
                "name",
                "project",
                "repo",
                "dest_server",
                "dest_namespace",
                "sync_status",
                "health_status",
                "autosync_enabled")
            .register(registry.getPrometheusRegistry());
  }

  void reconciled(Duration took) {
    Timer.builder("argocd_app_reconcile")
        .description("Application reconcile duration")
        .publishPercentileHistogram()
        .register(registry)
        .record(took);
  }

  void gitRequest(String repo) {
    Counter.builder("argocd_git_request")
        .tags("repo", repo, "request_type", "fetch")
        .register(registry)
        .increment();
  }

  void synced(AppKey key, String project, String phase) {
    Counter.builder("argocd_app_sync")
        .tags("namespace", key.namespace(), "name", key.name(), "project", project, "phase", phase)
        .register(registry)
        .increment();
  }

  void applied(List<Change> changes) {
    for (Change c : changes) {
      Counter.builder("capstan_apply")
          .tags("action", c.action().toString(), "kind", c.key().kind())
          .register(registry)
          .increment();
    }
  }

  /** Sets {@code argocd_app_info} for the Application, replacing its previous labels. */
  void info(AppKey key, Application app, ApplicationStatus status) {
    List<ApplicationSource> sources = app.getSpec().effectiveSources();
    List<String> values =
        List.of(
            key.namespace(),
            key.name(),
            app.getSpec().project(),
            sources.isEmpty() ? "" : sources.getFirst().repoURL(),
            app.getSpec().destination().server(),
            app.getSpec().destination().namespace(),
            status.sync() == null ? "Unknown" : status.sync().status(),
            status.health() == null ? "Unknown" : status.health().status(),
            String.valueOf(
                app.getSpec().syncPolicy() != null
                    && app.getSpec().syncPolicy().automatedSyncEnabled()));
    List<String> previous = info.put(key, values);
    if (previous != null && !previous.equals(values)) {
      appInfo.remove(previous.toArray(String[]::new));
    }
    appInfo.addLabelValues(values.toArray(String[]::new));
  }

  void forget(AppKey key) {
    List<String> previous = info.remove(key);
    if (previous != null) {
      appInfo.remove(previous.toArray(String[]::new));
    }
  }
}
