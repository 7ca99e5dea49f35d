package dev.capstan.controller.api.argo;

import static java.util.Objects.requireNonNullElse;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * When and how an Application is synced ({@code spec.syncPolicy}).
 *
 * @param automated automated sync settings; {@code null} means manual sync only, while a present
 *     (even empty) block turns automated sync on unless {@code enabled} is explicitly false
 * @param syncOptions options in {@code Key=value} form, e.g. {@code CreateNamespace=true}
 * @param retry how failed syncs are retried, or {@code null} for Argo CD's default
 * @param managedNamespaceMetadata metadata for the namespace made by {@code CreateNamespace=true},
 *     or {@code null}
 */
@JsonInclude(JsonInclude.Include.NON_DEFAULT)
@JsonIgnoreProperties(ignoreUnknown = true)
public record SyncPolicy(
    Automated automated,
    List<String> syncOptions,
    RetryStrategy retry,
    ManagedNamespaceMetadata managedNamespaceMetadata) {

  public SyncPolicy {
    syncOptions = List.copyOf(requireNonNullElse(syncOptions, List.of()));
  }

  /** Whether automated sync is on: the block is present and not explicitly disabled. */
  public boolean automatedSyncEnabled() {
    return automated != null && !Boolean.FALSE.equals(automated.enabled());
  }

  /**
   * The value of a sync option, e.g. {@code syncOption("CreateNamespace")} is {@code "true"} for
   * {@code CreateNamespace=true}. The last occurrence wins, as in Argo CD.
   */
  public Optional<String> syncOption(String key) {
    String found = null;
    for (String option : syncOptions) {
      int eq = option.indexOf('=');
      if (eq > 0 && option.substring(0, eq).trim().equals(key)) {
        found = option.substring(eq + 1).trim();
      }
    }
    return Optional.ofNullable(found);
  }

  /**
   * Automated sync settings.
   *
   * @param prune whether resources that left Git are deleted during automated syncs
   * @param selfHeal whether drift of the live state triggers a sync
   * @param allowEmpty whether an automated sync may leave the Application with no resources
   * @param enabled explicit switch (newer Argo CD); {@code null} when absent, which means on
   */
  @JsonInclude(JsonInclude.Include.NON_DEFAULT)
  @JsonIgnoreProperties(ignoreUnknown = true)
  public record Automated(
      boolean prune,
      boolean selfHeal,
      boolean allowEmpty,
      @JsonInclude(JsonInclude.Include.NON_NULL) Boolean enabled) {}

  /**
   * Retry settings for failed syncs.
   *
   * @param limit maximum number of attempts; unlimited when negative
   * @param backoff delays between attempts, or {@code null} for the default
   */
  @JsonInclude(JsonInclude.Include.NON_DEFAULT)
  @JsonIgnoreProperties(ignoreUnknown = true)
  public record RetryStrategy(long limit, Backoff backoff) {}

  /**
   * Exponential backoff between sync attempts.
   *
   * @param duration first delay: seconds, or a duration such as {@code 5s}
   * @param factor multiplier applied after each failed attempt, or {@code null} for the default 2
   * @param maxDuration upper bound of the delay
   */
  @JsonInclude(JsonInclude.Include.NON_DEFAULT)
  @JsonIgnoreProperties(ignoreUnknown = true)
  public record Backoff(
      String duration, @JsonInclude(JsonInclude.Include.NON_NULL) Long factor, String maxDuration) {
    public Backoff {
      duration = requireNonNullElse(duration, "");
      maxDuration = requireNonNullElse(maxDuration, "");
    }
  }

  /**
   * Labels and annotations for a namespace that Capstan creates for the Application.
   *
   * @param labels labels to set
   * @param annotations annotations to set
   */
  @JsonInclude(JsonInclude.Include.NON_DEFAULT)
  @JsonIgnoreProperties(ignoreUnknown = true)
  public record ManagedNamespaceMetadata(
      Map<String, String> labels, Map<String, String> annotations) {
    public ManagedNamespaceMetadata {
      labels =
          Collections.unmodifiableSortedMap(new TreeMap<>(requireNonNullElse(labels, Map.of())));
      annotations =
          Collections.unmodifiableSortedMap(
              new TreeMap<>(requireNonNullElse(annotations, Map.of())));
    }
  }
}
