package dev.capstan.controller.argo;

import dev.capstan.engine.diff.IgnoreDifference;
import dev.capstan.engine.health.HealthAssessor;
import dev.capstan.engine.health.HealthOptions;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * What the controller takes from {@code capstan-cm} (Argo CD's {@code argocd-cm} format), as of one
 * version of it: the health checks with the {@code resource.customizations.health.*} scripts, the
 * system-wide {@code resource.customizations.ignoreDifferences.*} rules, and the Git poll interval
 * and jitter. Immutable; a changed config map makes a new one.
 *
 * @param assessor built-in health checks plus the config map's Lua scripts
 * @param ignores system-wide ignore rules
 * @param reconciliation Git poll interval
 * @param jitter up to this much is added to each poll
 */
record ArgoConfig(
    HealthAssessor assessor,
    List<IgnoreDifference> ignores,
    Duration reconciliation,
    Duration jitter) {

  ArgoConfig {
    ignores = List.copyOf(ignores);
  }

  /** The config of {@code data}, with the poll timing of {@code settings}. */
  static ArgoConfig of(Map<String, String> data, ControllerSettings settings) {
    return new ArgoConfig(
        new HealthAssessor(HealthOptions.defaults().withArgoConfigMap(data)),
        SystemIgnoreDifferences.parse(data),
        settings.reconciliation(),
        settings.jitter());
  }
}
