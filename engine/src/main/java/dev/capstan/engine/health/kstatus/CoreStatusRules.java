package dev.capstan.engine.health.kstatus;

import dev.capstan.engine.health.Condition;
import dev.capstan.engine.health.LiveObject;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * kstatus rules for Pod, PersistentVolumeClaim, Service, Job, PodDisruptionBudget and
 * CustomResourceDefinition, and for kinds that are always ready once they exist.
 */
final class CoreStatusRules {

  /** How long an unschedulable Pod is given before it is reported Failed. */
  static final Duration SCHEDULE_WINDOW = Duration.ofSeconds(15);

  private CoreStatusRules() {}

  /** ConfigMap, Secret, CronJob: existing is enough. */
  static KStatusResult alwaysReady(LiveObject live) {
    return KStatusResult.current("Resource is always ready");
  }

  /** PersistentVolumeClaim: Current once Bound. */
  static KStatusResult persistentVolumeClaim(LiveObject live) {
    String phase = live.string("status.phase", "unknown");
    if (!"Bound".equals(phase)) {
      return KStatusResult.inProgress("NotBound", "PVC is not Bound. phase: " + phase);
    }
    return KStatusResult.current("PVC is Bound");
  }

  /** Service: a LoadBalancer without a cluster IP is InProgress; anything else is Current. */
  static KStatusResult service(LiveObject live) {
    if ("LoadBalancer".equals(live.string("spec.type", "ClusterIP"))
        && live.string("spec.clusterIP", "").isEmpty()) {
      return KStatusResult.inProgress(
          "NoIPAssigned", "ClusterIP not set. Service type: LoadBalancer");
    }
    return KStatusResult.current("Service is ready");
  }

  /** PodDisruptionBudget: once its generation is observed (checked generically) it is Current. */
  static KStatusResult podDisruptionBudget(LiveObject live) {
    return KStatusResult.current("AllowedDisruptions has been computed.");
  }

  /**
   * Job: Complete is Current, Failed is Failed, suspended (condition and {@code spec.suspend}
   * agreeing) is Current; otherwise InProgress until it has started, then Current while running.
   */
  static KStatusResult job(LiveObject live) {
    long parallelism = live.integer("spec.parallelism", 1);
    long completions = live.integer("spec.completions", parallelism);
    long succeeded = live.integer("status.succeeded", 0);
    long active = live.integer("status.active", 0);
    long failed = live.integer("status.failed", 0);
    boolean suspendRequested = live.bool("spec.suspend").orElse(false);
    for (Condition c : live.conditions()) {
      if (!c.isTrue()) {
        continue;
      }
      switch (c.type()) {
        case "Complete" -> {
          return KStatusResult.current(
              "Job Completed. succeeded: %d/%d".formatted(succeeded, completions));
        }
        case "Failed" -> {
          return KStatusResult.failed(
              "JobFailed", "Job Failed. failed: %d/%d".formatted(failed, completions));
        }
        case "Suspended" -> {
          if (suspendRequested) {
            return KStatusResult.current("Job is suspended");
          }
        }
        default -> {
          // other condition types do not decide
        }
      }
    }
    if (live.string("status.startTime", "").isEmpty()) {
      return KStatusResult.inProgress("JobNotStarted", "Job not started");
    }
    return KStatusResult.current(
        "Job in progress. success:%d, active: %d, failed: %d".formatted(succeeded, active, failed));
  }

  /**
   * CustomResourceDefinition: Current once Established; Failed when names or establishment fail.
   */
  static KStatusResult customResourceDefinition(LiveObject live) {
    for (Condition c : live.conditions()) {
      if ("NamesAccepted".equals(c.type()) && c.isFalse()) {
        return KStatusResult.failed(c.reason(), c.message());
      }
      if ("Established".equals(c.type())) {
        if (c.isFalse() && !"Installing".equals(c.reason())) {
          return KStatusResult.failed(c.reason(), c.message());
        }
        if (c.isTrue()) {
          return KStatusResult.current("CRD is established");
        }
      }
    }
    return KStatusResult.inProgress("Installing", "Install in progress");
  }

  /**
   * Pod: finished pods are Current (kstatus does not judge the outcome); a running pod is Current
   * when Ready, Failed when a container is crash-looping, else InProgress; a pending pod that
   * cannot be scheduled is Failed once {@link #SCHEDULE_WINDOW} has passed since creation.
   */
  static KStatusResult pod(LiveObject live, Instant now) {
    String phase = live.string("status.phase", "");
    return switch (phase) {
      case "Succeeded" -> KStatusResult.current("Pod has completed successfully");
      case "Failed" -> KStatusResult.current("Pod has completed, but not successfully");
      case "Running" -> runningPod(live);
      case "Pending" -> pendingPod(live, now);
      case "" -> KStatusResult.inProgress("PodNotObserved", "Pod phase not available");
      default -> new KStatusResult(KStatus.UNKNOWN, "unknown phase " + phase, List.of());
    };
  }

  private static KStatusResult runningPod(LiveObject live) {
    if (live.condition("Ready").filter(Condition::isTrue).isPresent()) {
      return KStatusResult.current("Pod is Ready");
    }
    List<String> crashLooping = new ArrayList<>();
    for (LiveObject cs : live.objects("status.containerStatuses")) {
      if ("CrashLoopBackOff".equals(cs.string("state.waiting.reason", ""))) {
        crashLooping.add(cs.string("name", ""));
      }
    }
    if (!crashLooping.isEmpty()) {
      return KStatusResult.failed(
          "ContainerCrashLooping",
          "Containers in CrashLoop state: " + String.join(",", crashLooping));
    }
    return KStatusResult.inProgress("PodRunningNotReady", "Pod is running but is not Ready");
  }

  private static KStatusResult pendingPod(LiveObject live, Instant now) {
    Optional<Condition> scheduled =
        live.condition("PodScheduled")
            .filter(c -> c.isFalse() && "Unschedulable".equals(c.reason()));
    if (scheduled.isPresent()) {
      Optional<Instant> created = created(live);
      if (created.isPresent() && now.minus(SCHEDULE_WINDOW).isBefore(created.get())) {
        return KStatusResult.inProgress("PodNotScheduled", "Pod has not been scheduled");
      }
      return KStatusResult.failed("PodUnschedulable", "Pod could not be scheduled");
    }
    return KStatusResult.inProgress("PodPending", "Pod is in the Pending phase");
  }

  private static Optional<Instant> created(LiveObject live) {
    try {
      return live.string("metadata.creationTimestamp").map(Instant::parse);
    } catch (DateTimeParseException e) {
      return Optional.empty();
    }
  }
}
