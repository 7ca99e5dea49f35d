package dev.capstan.engine.health.kstatus;

import dev.capstan.engine.health.Condition;
import dev.capstan.engine.health.LiveObject;

/**
 * kstatus rules for the replicated workloads: Deployment, StatefulSet, DaemonSet, ReplicaSet. Each
 * compares the desired replica count with the counts the controller reports and is InProgress, with
 * a reason naming the first shortfall, until they agree.
 */
final class WorkloadStatusRules {

  private WorkloadStatusRules() {}

  /** Deployment: replica counts, then the Progressing and Available conditions. */
  static KStatusResult deployment(LiveObject live) {
    // Without progressDeadlineSeconds the controller never sets Progressing, so it cannot gate.
    boolean newReplicaSetAvailable =
        live.integer("spec.progressDeadlineSeconds").isEmpty()
            || live.integer("spec.progressDeadlineSeconds").getAsLong() == Integer.MAX_VALUE;
    boolean available = false;
    for (Condition c : live.conditions()) {
      if ("Progressing".equals(c.type())) {
        if ("ProgressDeadlineExceeded".equals(c.reason())) {
          return KStatusResult.failed(c.reason(), "Progress deadline exceeded");
        }
        newReplicaSetAvailable |= c.isTrue() && "NewReplicaSetAvailable".equals(c.reason());
      } else if ("Available".equals(c.type())) {
        available |= c.isTrue();
      }
    }
    long spec = live.integer("spec.replicas", 1);
    long replicas = live.integer("status.replicas", 0);
    long updated = live.integer("status.updatedReplicas", 0);
    long ready = live.integer("status.readyReplicas", 0);
    long availableReplicas = live.integer("status.availableReplicas", 0);
    if (spec > replicas) {
      return KStatusResult.inProgress("LessReplicas", "Replicas: %d/%d".formatted(replicas, spec));
    }
    if (spec > updated) {
      return KStatusResult.inProgress("LessUpdated", "Updated: %d/%d".formatted(updated, spec));
    }
    if (replicas > spec) {
      return KStatusResult.inProgress(
          "ExtraPods", "Pending termination: %d".formatted(replicas - spec));
    }
    if (updated > availableReplicas) {
      return KStatusResult.inProgress(
          "LessAvailable", "Available: %d/%d".formatted(availableReplicas, updated));
    }
    if (spec > ready) {
      return KStatusResult.inProgress("LessReady", "Ready: %d/%d".formatted(ready, spec));
    }
    if (!newReplicaSetAvailable) {
      return KStatusResult.inProgress("ReplicaSetNotAvailable", "ReplicaSet not Available");
    }
    if (!available) {
      return KStatusResult.inProgress("DeploymentNotAvailable", "Deployment not Available");
    }
    return KStatusResult.current("Deployment is available. Replicas: %d".formatted(replicas));
  }

  /** StatefulSet: replica counts, partitioned rollouts, then current versus update revision. */
  static KStatusResult statefulSet(LiveObject live) {
    if ("OnDelete".equals(live.string("spec.updateStrategy.type", ""))) {
      return KStatusResult.current("StatefulSet is using the ondelete update strategy");
    }
    long spec = live.integer("spec.replicas", 1);
    long ready = live.integer("status.readyReplicas", 0);
    long current = live.integer("status.currentReplicas", 0);
    long updated = live.integer("status.updatedReplicas", 0);
    long replicas = live.integer("status.replicas", 0);
    long partition = live.integer("spec.updateStrategy.rollingUpdate.partition", -1);
    if (spec > replicas) {
      return KStatusResult.inProgress("LessReplicas", "Replicas: %d/%d".formatted(replicas, spec));
    }
    if (spec > ready) {
      return KStatusResult.inProgress("LessReady", "Ready: %d/%d".formatted(ready, spec));
    }
    if (replicas > spec) {
      return KStatusResult.inProgress(
          "ExtraPods", "Pending termination: %d".formatted(replicas - spec));
    }
    if (partition != -1) {
      if (updated < spec - partition) {
        return KStatusResult.inProgress(
            "PartitionRollout", "updated: %d/%d".formatted(updated, spec - partition));
      }
      return KStatusResult.current("Partition rollout complete. updated: %d".formatted(updated));
    }
    if (spec > current) {
      return KStatusResult.inProgress("LessCurrent", "current: %d/%d".formatted(current, spec));
    }
    if (!live.string("status.currentRevision", "")
        .equals(live.string("status.updateRevision", ""))) {
      return KStatusResult.inProgress(
          "RevisionMismatch", "Waiting for updated revision to match current");
    }
    return KStatusResult.current(
        "All replicas scheduled as expected. Replicas: %d".formatted(replicas));
  }

  /** DaemonSet: the controller must have acted on it, then scheduled, updated, available, ready. */
  static KStatusResult daemonSet(LiveObject live) {
    // The controller always writes observedGeneration; its absence means it has not acted yet.
    if (live.integer("metadata.generation").isEmpty()) {
      String message = live.kind() + " metadata.generation not found";
      return KStatusResult.inProgress("NoGeneration", message);
    }
    if (live.integer("status.observedGeneration").isEmpty()) {
      String message = live.kind() + " status.observedGeneration not found";
      return KStatusResult.inProgress("NoObservedGeneration", message);
    }
    long desired = live.integer("status.desiredNumberScheduled", -1);
    long current = live.integer("status.currentNumberScheduled", 0);
    long updated = live.integer("status.updatedNumberScheduled", 0);
    long available = live.integer("status.numberAvailable", 0);
    long ready = live.integer("status.numberReady", 0);
    if (desired == -1) {
      return KStatusResult.inProgress("NoDesiredNumber", "Missing .status.desiredNumberScheduled");
    }
    if (desired > current) {
      return KStatusResult.inProgress("LessCurrent", "Current: %d/%d".formatted(current, desired));
    }
    if (desired > updated) {
      return KStatusResult.inProgress("LessUpdated", "Updated: %d/%d".formatted(updated, desired));
    }
    if (desired > available) {
      return KStatusResult.inProgress(
          "LessAvailable", "Available: %d/%d".formatted(available, desired));
    }
    if (desired > ready) {
      return KStatusResult.inProgress("LessReady", "Ready: %d/%d".formatted(ready, desired));
    }
    return KStatusResult.current(
        "All replicas scheduled as expected. Replicas: %d".formatted(desired));
  }

  /** ReplicaSet: a ReplicaFailure condition, then labelled, available and ready counts. */
  static KStatusResult replicaSet(LiveObject live) {
    for (Condition c : live.conditions()) {
      if ("ReplicaFailure".equals(c.type()) && c.isTrue()) {
        return KStatusResult.inProgress("ReplicaFailure", "Replica Failure condition. Check Pods");
      }
    }
    long spec = live.integer("spec.replicas", 1);
    long replicas = live.integer("status.replicas", 0);
    long ready = live.integer("status.readyReplicas", 0);
    long available = live.integer("status.availableReplicas", 0);
    long labelled = live.integer("status.fullyLabeledReplicas", 0);
    if (spec > labelled) {
      return KStatusResult.inProgress("LessLabelled", "Labelled: %d/%d".formatted(labelled, spec));
    }
    if (spec > available) {
      return KStatusResult.inProgress(
          "LessAvailable", "Available: %d/%d".formatted(available, spec));
    }
    if (spec > ready) {
      return KStatusResult.inProgress("LessReady", "Ready: %d/%d".formatted(ready, spec));
    }
    if (replicas > spec) {
      return KStatusResult.inProgress(
          "ExtraPods", "Pending termination: %d".formatted(replicas - spec));
    }
    return KStatusResult.current("ReplicaSet is available. Replicas: %d".formatted(replicas));
  }
}
