package dev.capstan.controller.api.argo;

import static java.util.Objects.requireNonNullElse;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The desired state of an Argo CD {@code Application}.
 *
 * @param project the AppProject the Application belongs to
 * @param source the single source, or {@code null} when {@code sources} is used
 * @param sources several sources deployed together; empty when {@code source} is used
 * @param destination target cluster and namespace
 * @param syncPolicy when and how to sync, or {@code null} for manual sync with defaults
 * @param ignoreDifferences fields left out of the comparison
 * @param info extra information shown with the Application
 * @param revisionHistoryLimit entries kept in {@code status.history}, or {@code null} for 10
 * @param sourceHydrator source hydration settings; stored, not implemented
 */
@JsonInclude(JsonInclude.Include.NON_DEFAULT)
@JsonIgnoreProperties(ignoreUnknown = true)
public record ApplicationSpec(
    String project,
    ApplicationSource source,
    List<ApplicationSource> sources,
    ApplicationDestination destination,
    SyncPolicy syncPolicy,
    List<ResourceIgnoreDifferences> ignoreDifferences,
    List<NameValue> info,
    @JsonInclude(JsonInclude.Include.NON_NULL) Long revisionHistoryLimit,
    Map<String, Object> sourceHydrator) {

  /** Argo CD's default for {@code revisionHistoryLimit}. */
  public static final long DEFAULT_REVISION_HISTORY_LIMIT = 10;

  public ApplicationSpec {
    project = requireNonNullElse(project, "");
    sources = List.copyOf(requireNonNullElse(sources, List.of()));
    destination = requireNonNullElse(destination, new ApplicationDestination("", "", ""));
    ignoreDifferences = List.copyOf(requireNonNullElse(ignoreDifferences, List.of()));
    info = List.copyOf(requireNonNullElse(info, List.of()));
    sourceHydrator =
        Collections.unmodifiableSortedMap(
            new TreeMap<>(requireNonNullElse(sourceHydrator, Map.of())));
  }

  /** Whether the Application uses {@code sources} rather than {@code source}. */
  @JsonIgnore
  public boolean hasMultipleSources() {
    return !sources.isEmpty();
  }

  /**
   * The sources to render, in order: {@code sources} when set (Argo CD then ignores {@code
   * source}), otherwise {@code source} alone, otherwise none.
   */
  @JsonIgnore
  public List<ApplicationSource> effectiveSources() {
    if (!sources.isEmpty()) {
      return sources;
    }
    return source == null ? List.of() : List.of(source);
  }

  /** The revision history limit with Argo CD's default applied. */
  @JsonIgnore
  public long effectiveRevisionHistoryLimit() {
    return revisionHistoryLimit == null ? DEFAULT_REVISION_HISTORY_LIMIT : revisionHistoryLimit;
  }
}
