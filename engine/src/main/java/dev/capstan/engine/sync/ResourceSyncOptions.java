package dev.capstan.engine.sync;

import io.fabric8.kubernetes.api.model.HasMetadata;
import java.util.Locale;
import java.util.Map;

/**
 * The per-object sync settings read from annotations:
 *
 * <ul>
 *   <li>{@value #SYNC_WAVE}: an integer wave, default 0; lower waves are applied first;
 *   <li>{@value #SYNC_OPTIONS}: comma-separated {@code Name=value} options, of which {@code
 *       Prune=false} (never prune this object) and {@code PruneLast=true} (prune it after
 *       everything else) are understood; names and values are matched case-insensitively;
 *   <li>Flux's {@value #FLUX_PRUNE}{@code : disabled}, which also means never prune.
 * </ul>
 *
 * <p>A malformed wave reads as 0 and unknown options are ignored, as Argo CD does.
 *
 * @param wave the sync wave
 * @param pruneDisabled true when the object must never be pruned
 * @param pruneLast true when the object is pruned after everything else
 */
public record ResourceSyncOptions(int wave, boolean pruneDisabled, boolean pruneLast) {

  /** Argo CD's sync wave annotation. */
  public static final String SYNC_WAVE = "argocd.argoproj.io/sync-wave";

  /** Argo CD's per-resource sync options annotation. */
  public static final String SYNC_OPTIONS = "argocd.argoproj.io/sync-options";

  /** Flux's per-resource prune annotation. */
  public static final String FLUX_PRUNE = "kustomize.toolkit.fluxcd.io/prune";

  /** Reads the annotations of an object. */
  public static ResourceSyncOptions of(HasMetadata object) {
    Map<String, String> annotations =
        object.getMetadata() == null || object.getMetadata().getAnnotations() == null
            ? Map.of()
            : object.getMetadata().getAnnotations();
    int wave = 0;
    String w = annotations.get(SYNC_WAVE);
    if (w != null) {
      try {
        wave = Integer.parseInt(w.trim());
      } catch (NumberFormatException e) {
        wave = 0;
      }
    }
    boolean pruneDisabled =
        "disabled".equalsIgnoreCase(annotations.getOrDefault(FLUX_PRUNE, "").trim());
    boolean pruneLast = false;
    for (String option : annotations.getOrDefault(SYNC_OPTIONS, "").split(",")) {
      String o = option.trim().toLowerCase(Locale.ROOT);
      if (o.equals("prune=false")) {
        pruneDisabled = true;
      } else if (o.equals("prunelast=true")) {
        pruneLast = true;
      }
    }
    return new ResourceSyncOptions(wave, pruneDisabled, pruneLast);
  }
}
