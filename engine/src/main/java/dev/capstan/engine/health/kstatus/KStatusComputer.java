package dev.capstan.engine.health.kstatus;

import dev.capstan.engine.health.Condition;
import dev.capstan.engine.health.LiveObject;
import java.time.Clock;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;

/**
 * Computes an object's kstatus, the readiness model Flux uses (from {@code
 * sigs.k8s.io/cli-utils/pkg/kstatus/status}).
 *
 * <p>Order of rules: deletion is Terminating; an observed generation behind {@code
 * metadata.generation} is InProgress; a true {@code Reconciling} condition is InProgress and a true
 * {@code Stalled} is Failed; then the kind's own rules for built-in kinds; for any other kind a
 * {@code Ready} condition that is not true is InProgress, else Current. A missing object is {@link
 * #notFound()}.
 *
 * <p>Pure apart from reading the clock for the Pod scheduling window. Immutable and thread-safe.
 */
public final class KStatusComputer {

  /** The standard condition for work in progress. */
  public static final String RECONCILING = "Reconciling";

  /** The standard condition for work that cannot progress. */
  public static final String STALLED = "Stalled";

  private final Clock clock;
  private final Map<String, Function<LiveObject, KStatusResult>> rules;

  /** A computer that reads the given clock. */
  public KStatusComputer(Clock clock) {
    this.clock = Objects.requireNonNull(clock, "clock");
    Map<String, Function<LiveObject, KStatusResult>> r = new LinkedHashMap<>();
    r.put("Service", CoreStatusRules::service);
    r.put("Pod", live -> CoreStatusRules.pod(live, clock.instant()));
    r.put("Secret", CoreStatusRules::alwaysReady);
    r.put("ConfigMap", CoreStatusRules::alwaysReady);
    r.put("PersistentVolumeClaim", CoreStatusRules::persistentVolumeClaim);
    for (String group : List.of("apps", "extensions")) {
      r.put(group + "/DaemonSet", WorkloadStatusRules::daemonSet);
      r.put(group + "/Deployment", WorkloadStatusRules::deployment);
      r.put(group + "/ReplicaSet", WorkloadStatusRules::replicaSet);
    }
    r.put("apps/StatefulSet", WorkloadStatusRules::statefulSet);
    r.put("policy/PodDisruptionBudget", CoreStatusRules::podDisruptionBudget);
    r.put("batch/CronJob", CoreStatusRules::alwaysReady);
    r.put("batch/Job", CoreStatusRules::job);
    r.put(
        "apiextensions.k8s.io/CustomResourceDefinition", CoreStatusRules::customResourceDefinition);
    this.rules = Map.copyOf(r);
  }

  /** A computer on the system UTC clock. */
  public static KStatusComputer systemDefault() {
    return new KStatusComputer(Clock.systemUTC());
  }

  /** The status of an object that does not exist. */
  public static KStatusResult notFound() {
    return new KStatusResult(KStatus.NOT_FOUND, "Resource not found", List.of());
  }

  /** Computes the status of a live object. Never throws for odd input. */
  public KStatusResult compute(LiveObject live) {
    return GenericStatusRules.decide(live)
        .orElseGet(
            () -> {
              Function<LiveObject, KStatusResult> rule = rules.get(ruleKey(live));
              return rule != null ? rule.apply(live) : GenericStatusRules.readyOrCurrent(live);
            });
  }

  /** Computes the status of an object given as a JSON-like tree. */
  public KStatusResult compute(Map<String, Object> live) {
    return compute(LiveObject.of(live));
  }

  /**
   * Returns a deep copy of the object whose {@code status.conditions} carry the standard conditions
   * of its computed status: an existing condition of the same type is updated (its {@code
   * lastTransitionTime} changes only when its status does), a new one is appended. The input is not
   * changed.
   */
  public Map<String, Object> augment(Map<String, Object> object) {
    KStatusResult result = compute(object);
    Map<String, Object> copy = TreeCopy.deepCopy(object);
    if (result.conditions().isEmpty()) {
      return copy;
    }
    @SuppressWarnings("unchecked")
    Map<String, Object> status =
        (Map<String, Object>)
            copy.computeIfAbsent("status", k -> new LinkedHashMap<String, Object>());
    List<Object> conditions =
        status.get("conditions") instanceof List<?> existing
            ? new ArrayList<>(existing)
            : new ArrayList<>();
    String now =
        DateTimeFormatter.ISO_INSTANT.format(clock.instant().truncatedTo(ChronoUnit.SECONDS));
    for (Condition wanted : result.conditions()) {
      boolean present = false;
      for (Object item : conditions) {
        if (item instanceof Map<?, ?> raw && wanted.type().equals(raw.get("type"))) {
          @SuppressWarnings("unchecked")
          Map<String, Object> c = (Map<String, Object>) raw;
          if (!wanted.status().equals(c.get("status"))) {
            c.put("lastTransitionTime", now);
          }
          c.put("status", wanted.status());
          c.put("lastUpdateTime", now);
          c.put("reason", wanted.reason());
          c.put("message", wanted.message());
          present = true;
        }
      }
      if (!present) {
        Map<String, Object> c = new LinkedHashMap<>();
        c.put("type", wanted.type());
        c.put("status", wanted.status());
        c.put("reason", wanted.reason());
        c.put("message", wanted.message());
        c.put("lastTransitionTime", now);
        c.put("lastUpdateTime", now);
        conditions.add(c);
      }
    }
    status.put("conditions", conditions);
    return copy;
  }

  private static String ruleKey(LiveObject live) {
    String group = dev.capstan.engine.health.GroupKind.groupOf(live.apiVersion());
    return group.isEmpty() ? live.kind() : group + "/" + live.kind();
  }
}
