package dev.capstan.engine.health.checks;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.capstan.engine.health.Condition;
import dev.capstan.engine.health.HealthCheck;
import dev.capstan.engine.health.HealthResult;
import dev.capstan.engine.health.LiveObject;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Health of {@code autoscaling/HorizontalPodAutoscaler}, as Argo CD assesses it.
 *
 * <p>Conditions come from {@code status.conditions} for {@code autoscaling/v2} and from the JSON
 * annotation {@code autoscaling.alpha.kubernetes.io/conditions} for {@code autoscaling/v1}. Any
 * condition that reports a failure to read the scale target or its metrics makes the HPA Degraded;
 * otherwise the first true {@code AbleToScale} or {@code ScalingLimited} makes it Healthy; with
 * neither it is Progressing ("Waiting to Autoscale"). The removed {@code v2beta1} and {@code
 * v2beta2} versions are read like {@code v2} (as standalone gitops-engine still does; current Argo
 * CD dropped them); other versions get no opinion.
 */
public final class HorizontalPodAutoscalerHealthCheck implements HealthCheck {

  static final String CONDITIONS_ANNOTATION = "autoscaling.alpha.kubernetes.io/conditions";
  private static final String WAITING = "Waiting to Autoscale";
  private static final Set<String> SCALE_FAILURES = Set.of("FailedGetScale", "FailedUpdateScale");
  private static final Set<String> METRIC_FAILURES =
      Set.of(
          "FailedGetResourceMetric",
          "FailedGetContainerResourceMetric",
          "FailedGetObjectMetric",
          "FailedGetPodsMetric",
          "FailedGetExternalMetric",
          "InvalidSelector");
  private static final ObjectMapper JSON = new ObjectMapper();

  @Override
  public Optional<HealthResult> assess(LiveObject live) {
    return switch (live.apiVersion()) {
      case "autoscaling/v2", "autoscaling/v2beta2", "autoscaling/v2beta1" ->
          Optional.of(decide(live.conditions()));
      case "autoscaling/v1" -> Optional.of(fromAnnotation(live));
      default -> Optional.empty();
    };
  }

  private static HealthResult fromAnnotation(LiveObject live) {
    String annotation = live.annotations().getOrDefault(CONDITIONS_ANNOTATION, "");
    if (annotation.isEmpty()) {
      return HealthResult.progressing(WAITING);
    }
    List<Condition> conditions = new ArrayList<>();
    try {
      for (Object item : JSON.readValue(annotation, List.class)) {
        if (item instanceof Map<?, ?> m) {
          conditions.add(
              new Condition(
                  text(m, "type"), text(m, "status"), text(m, "reason"), text(m, "message")));
        }
      }
    } catch (JsonProcessingException e) {
      return HealthResult.degraded(
          "failed to read HPA conditions annotation: " + e.getOriginalMessage());
    }
    return decide(conditions);
  }

  private static HealthResult decide(List<Condition> conditions) {
    // A failure anywhere outweighs a healthy AbleToScale that is listed before it.
    for (Condition c : conditions) {
      boolean degraded =
          ("AbleToScale".equals(c.type()) && SCALE_FAILURES.contains(c.reason()))
              || ("ScalingActive".equals(c.type()) && METRIC_FAILURES.contains(c.reason()));
      if (degraded) {
        return HealthResult.degraded(c.message());
      }
    }
    for (Condition c : conditions) {
      boolean healthy =
          ("AbleToScale".equals(c.type()) || "ScalingLimited".equals(c.type())) && c.isTrue();
      if (healthy) {
        return HealthResult.healthy(c.message());
      }
    }
    return HealthResult.progressing(WAITING);
  }

  private static String text(Map<?, ?> map, String key) {
    return map.get(key) instanceof String s ? s : "";
  }
}
