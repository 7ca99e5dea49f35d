package dev.capstan.engine.health;

import java.util.Map;
import java.util.Optional;

/**
 * The one place that lists conformance cases that are not run, each with its reason. The
 * conformance tests consult it and report such cases as skipped (aborted), never as passed.
 */
public final class ConformanceSkips {

  private ConformanceSkips() {}

  /** gitops-engine corpus cases that are not run, keyed by case name. None. */
  private static final Map<String, String> GITOPS_ENGINE = Map.of();

  /** kstatus corpus cases that are not run. None. */
  private static final Map<String, String> KSTATUS = Map.of();

  /** Why a gitops-engine case is skipped, if it is. */
  public static Optional<String> gitopsEngine(String caseName) {
    return Optional.ofNullable(GITOPS_ENGINE.get(caseName));
  }

  /** Why a kstatus case is skipped, if it is. */
  public static Optional<String> kstatus(String caseName) {
    return Optional.ofNullable(KSTATUS.get(caseName));
  }

  /**
   * Why an Argo CD Lua corpus case is not run. The corpus carries expectations and inputs but no
   * Lua scripts (Argo CD's scripts are not copied into Capstan), so a case runs only when Capstan
   * has its own script for the customization directory under {@code
   * src/test/resources/health/argocd-lua/<dir>/health.lua}, or a Java built-in check for the kind
   * (CronJob, CustomResourceDefinition). A case with neither would be skipped for this reason; at
   * present every directory has a script, so no case is skipped.
   */
  public static String argoLuaNoScript(String scriptDir) {
    return "argocd-lua: no Capstan-authored health script for "
        + scriptDir
        + " (the corpus ships no Lua scripts, and Argo CD's are not copied)";
  }
}
