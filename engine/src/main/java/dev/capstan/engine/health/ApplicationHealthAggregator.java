package dev.capstan.engine.health;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Computes an application's health from its resources with Argo CD's rules.
 *
 * <p>The application is Healthy when nothing counts, else the worst status of the resources that
 * count (order: Healthy &lt; Suspended &lt; Progressing &lt; Missing &lt; Degraded &lt; Unknown). A
 * resource does not count when:
 *
 * <ul>
 *   <li>its target is a hook of type {@code Skip}, or the live object is a hook ({@code
 *       argocd.argoproj.io/hook} or {@code helm.sh/hook} annotation) — hooks have their own
 *       lifecycle;
 *   <li>the live object is annotated {@code argocd.argoproj.io/ignore-healthcheck: "true"};
 *   <li>no check has an opinion on it (a ConfigMap, say);
 *   <li>it is missing but no check covers its kind;
 *   <li>it is an Argo CD {@code Application} whose health is Missing or Unknown.
 * </ul>
 *
 * <p>Stateless and thread-safe; the result lists every resource in input order.
 */
public final class ApplicationHealthAggregator {

  /** Annotation that takes a resource out of the application's health. */
  public static final String IGNORE_HEALTHCHECK = "argocd.argoproj.io/ignore-healthcheck";

  private static final GroupKind ARGO_APPLICATION = new GroupKind("argoproj.io", "Application");

  private final HealthAssessor assessor;

  /** An aggregator that assesses resources with {@code assessor}. */
  public ApplicationHealthAggregator(HealthAssessor assessor) {
    this.assessor = assessor;
  }

  /** Assesses and aggregates; never throws for odd input. */
  public ApplicationHealth aggregate(List<ManagedResource> resources) {
    HealthStatus worst = HealthStatus.HEALTHY;
    List<ApplicationHealth.Entry> entries = new ArrayList<>();
    for (ManagedResource resource : resources) {
      ApplicationHealth.Entry entry = entry(resource);
      entries.add(entry);
      if (entry.counted()) {
        worst = HealthStatus.worst(worst, entry.health().status().orElseThrow());
      }
    }
    return new ApplicationHealth(worst, entries);
  }

  private ApplicationHealth.Entry entry(ManagedResource resource) {
    Optional<LiveObject> live = resource.live();
    if (resource.target().map(t -> "Skip".equals(hookType(t))).orElse(false)) {
      return skipped(resource, "hook of type Skip");
    }
    if (live.isEmpty()) {
      ResourceHealth missing =
          new ResourceHealth(
              resource.identity(),
              resource.groupKind(),
              Optional.of(HealthResult.of(HealthStatus.MISSING)),
              ResourceHealth.Source.ABSENT);
      if (!assessor.hasCheckFor(resource.groupKind())) {
        return new ApplicationHealth.Entry(missing, false, "missing, and no check covers its kind");
      }
      return counted(missing);
    }
    Map<String, String> annotations = live.get().annotations();
    if ("true".equals(annotations.get(IGNORE_HEALTHCHECK))) {
      return skipped(resource, "annotated " + IGNORE_HEALTHCHECK);
    }
    if (hookType(live.get()) != null) {
      return skipped(resource, "hook");
    }
    ResourceHealth health = assessor.assess(live.get());
    if (health.result().isEmpty()) {
      return new ApplicationHealth.Entry(health, false, "no health check for this kind");
    }
    HealthStatus status = health.result().get().status();
    if (resource.groupKind().equals(ARGO_APPLICATION)
        && (status == HealthStatus.MISSING || status == HealthStatus.UNKNOWN)) {
      return new ApplicationHealth.Entry(health, false, "child Application is " + status);
    }
    return counted(health);
  }

  private static ApplicationHealth.Entry counted(ResourceHealth health) {
    return new ApplicationHealth.Entry(health, true, "");
  }

  private static ApplicationHealth.Entry skipped(ManagedResource resource, String reason) {
    ResourceHealth none =
        new ResourceHealth(
            resource.identity(),
            resource.groupKind(),
            Optional.empty(),
            ResourceHealth.Source.NONE);
    return new ApplicationHealth.Entry(none, false, reason);
  }

  /** The hook type annotation, or null when the object is not a hook. */
  private static String hookType(LiveObject obj) {
    Map<String, String> annotations = obj.annotations();
    String argo = annotations.get("argocd.argoproj.io/hook");
    if (argo != null) {
      return argo;
    }
    return annotations.get("helm.sh/hook");
  }
}
