package dev.capstan.engine.health;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The health facade: assesses one live object, or a whole application, with Argo CD's rules.
 *
 * <p>For one object: an object being deleted is Progressing "Pending deletion" (unless it is a hook
 * held by Argo CD's hook finalizer); otherwise the first opinion of an override, a custom script
 * and the built-in check, in that order (see {@link HealthOptions}). Kinds nobody covers get an
 * empty result.
 *
 * <p>Pure: no cluster access, no I/O. Immutable and thread-safe; custom scripts run in a sandbox
 * and never throw.
 */
public final class HealthAssessor {

  /** Argo CD's finalizer on hooks that it deletes itself. */
  public static final String HOOK_FINALIZER = "argocd.argoproj.io/hook-finalizer";

  private final HealthOptions options;

  /** An assessor with the given policy. */
  public HealthAssessor(HealthOptions options) {
    this.options = Objects.requireNonNull(options, "options");
  }

  /** An assessor with built-in checks only. */
  public static HealthAssessor withDefaults() {
    return new HealthAssessor(HealthOptions.defaults());
  }

  /** The policy in force. */
  public HealthOptions options() {
    return options;
  }

  /** Assesses one live object. Never throws for odd input. */
  public ResourceHealth assess(LiveObject live) {
    GroupKind gk = live.groupKind();
    if (live.isBeingDeleted() && !hasHookFinalizer(live)) {
      return new ResourceHealth(
          live.identity(),
          gk,
          Optional.of(HealthResult.progressing("Pending deletion")),
          ResourceHealth.Source.DELETION);
    }
    Optional<HealthCheck> override = Optional.ofNullable(options.overrides().get(gk));
    if (override.isPresent()) {
      Optional<HealthResult> result = override.get().assess(live);
      if (result.isPresent()) {
        return new ResourceHealth(live.identity(), gk, result, ResourceHealth.Source.OVERRIDE);
      }
    }
    Optional<HealthCheck> script = options.scripts().forKind(gk);
    if (script.isPresent()) {
      Optional<HealthResult> result = script.get().assess(live);
      if (result.isPresent()) {
        return new ResourceHealth(live.identity(), gk, result, ResourceHealth.Source.SCRIPT);
      }
    }
    Optional<HealthCheck> builtIn = BuiltInHealthChecks.forKind(gk);
    if (builtIn.isPresent()) {
      Optional<HealthResult> result = builtIn.get().assess(live);
      if (result.isPresent()) {
        return new ResourceHealth(live.identity(), gk, result, ResourceHealth.Source.BUILT_IN);
      }
    }
    return new ResourceHealth(live.identity(), gk, Optional.empty(), ResourceHealth.Source.NONE);
  }

  /** Assesses a live object given as a JSON-like tree. */
  public ResourceHealth assess(Map<String, Object> live) {
    return assess(LiveObject.of(live));
  }

  /**
   * True when some check (override, script or built-in) covers this group and kind, so that a
   * missing object of this kind counts as Missing.
   */
  public boolean hasCheckFor(GroupKind groupKind) {
    return options.overrides().containsKey(groupKind)
        || options.scripts().forKind(groupKind).isPresent()
        || BuiltInHealthChecks.forKind(groupKind).isPresent();
  }

  /**
   * Assesses every resource of an application and aggregates; see {@link
   * ApplicationHealthAggregator}.
   */
  public ApplicationHealth assessApplication(List<ManagedResource> resources) {
    return new ApplicationHealthAggregator(this).aggregate(resources);
  }

  private static boolean hasHookFinalizer(LiveObject live) {
    return live.list("metadata.finalizers").contains(HOOK_FINALIZER);
  }
}
