package dev.capstan.engine.health;

import dev.capstan.engine.health.checks.ApiServiceHealthCheck;
import dev.capstan.engine.health.checks.ArgoWorkflowHealthCheck;
import dev.capstan.engine.health.checks.CronJobHealthCheck;
import dev.capstan.engine.health.checks.CustomResourceDefinitionHealthCheck;
import dev.capstan.engine.health.checks.DaemonSetHealthCheck;
import dev.capstan.engine.health.checks.DeploymentHealthCheck;
import dev.capstan.engine.health.checks.HorizontalPodAutoscalerHealthCheck;
import dev.capstan.engine.health.checks.IngressHealthCheck;
import dev.capstan.engine.health.checks.JobHealthCheck;
import dev.capstan.engine.health.checks.NamespaceHealthCheck;
import dev.capstan.engine.health.checks.PersistentVolumeClaimHealthCheck;
import dev.capstan.engine.health.checks.PodHealthCheck;
import dev.capstan.engine.health.checks.ReplicaSetHealthCheck;
import dev.capstan.engine.health.checks.ServiceHealthCheck;
import dev.capstan.engine.health.checks.StatefulSetHealthCheck;
import java.util.Map;
import java.util.Optional;

/**
 * The health checks Capstan knows without configuration, keyed by group and kind.
 *
 * <p>The set is Argo CD's Go built-ins (Deployment, StatefulSet, ReplicaSet, DaemonSet, Service,
 * Ingress, PersistentVolumeClaim, Pod, Job, HorizontalPodAutoscaler, APIService, Argo Workflow),
 * plus CronJob and CustomResourceDefinition, which Argo CD ships as bundled Lua customizations and
 * Capstan implements in Java with the same results, plus Namespace. A kind not listed here has no
 * built-in health and, without a custom script, does not affect an application's health. Immutable
 * and thread-safe.
 */
public final class BuiltInHealthChecks {

  private static final Map<GroupKind, HealthCheck> CHECKS;

  static {
    HealthCheck ingress = new IngressHealthCheck();
    CHECKS =
        Map.ofEntries(
            Map.entry(new GroupKind("apps", "Deployment"), new DeploymentHealthCheck()),
            Map.entry(new GroupKind("apps", "StatefulSet"), new StatefulSetHealthCheck()),
            Map.entry(new GroupKind("apps", "DaemonSet"), new DaemonSetHealthCheck()),
            Map.entry(new GroupKind("apps", "ReplicaSet"), new ReplicaSetHealthCheck()),
            Map.entry(new GroupKind("", "Pod"), new PodHealthCheck()),
            Map.entry(new GroupKind("", "Service"), new ServiceHealthCheck()),
            Map.entry(
                new GroupKind("", "PersistentVolumeClaim"), new PersistentVolumeClaimHealthCheck()),
            Map.entry(new GroupKind("", "Namespace"), new NamespaceHealthCheck()),
            Map.entry(new GroupKind("networking.k8s.io", "Ingress"), ingress),
            Map.entry(new GroupKind("extensions", "Ingress"), ingress),
            Map.entry(new GroupKind("batch", "Job"), new JobHealthCheck()),
            Map.entry(new GroupKind("batch", "CronJob"), new CronJobHealthCheck()),
            Map.entry(
                new GroupKind("autoscaling", "HorizontalPodAutoscaler"),
                new HorizontalPodAutoscalerHealthCheck()),
            Map.entry(
                new GroupKind("apiregistration.k8s.io", "APIService"), new ApiServiceHealthCheck()),
            Map.entry(
                new GroupKind("apiextensions.k8s.io", "CustomResourceDefinition"),
                new CustomResourceDefinitionHealthCheck()),
            Map.entry(new GroupKind("argoproj.io", "Workflow"), new ArgoWorkflowHealthCheck()));
  }

  private BuiltInHealthChecks() {}

  /** The built-in check for a group and kind, if Capstan has one. */
  public static Optional<HealthCheck> forKind(GroupKind groupKind) {
    return Optional.ofNullable(CHECKS.get(groupKind));
  }

  /** Every built-in check by group and kind. */
  public static Map<GroupKind, HealthCheck> all() {
    return CHECKS;
  }
}
