package dev.capstan.controller.api.flux;

import static java.util.Objects.requireNonNullElse;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;

/**
 * The desired state of a Flux {@code GitRepository}.
 *
 * @param url repository URL: {@code http(s)://} or {@code ssh://}
 * @param secretRef Secret with credentials ({@code username}/{@code password} or {@code
 *     bearerToken} for HTTPS; {@code identity} and {@code known_hosts} for SSH), or {@code null}
 * @param provider authentication provider: {@code generic} (default), {@code aws}, {@code azure},
 *     {@code github}; only {@code generic} is implemented
 * @param serviceAccountName service account for cloud providers
 * @param interval how often the repository is checked, in Go duration format
 * @param timeout timeout of one Git operation; {@code 60s} when empty
 * @param ref the reference to check out, or {@code null} for the default branch
 * @param verify commit signature verification (stored, not enforced), or {@code null}
 * @param proxySecretRef Secret with proxy settings, or {@code null}
 * @param ignore exclusion patterns in {@code .sourceignore} format, or {@code null} for the
 *     defaults (an empty string excludes nothing extra)
 * @param suspend whether reconciliation is suspended
 * @param recurseSubmodules whether submodules are cloned
 * @param include other GitRepositories whose artifacts are copied in
 * @param sparseCheckout directories to check out; all when empty
 */
@JsonInclude(JsonInclude.Include.NON_DEFAULT)
@JsonIgnoreProperties(ignoreUnknown = true)
public record GitRepositorySpec(
    @JsonInclude(JsonInclude.Include.ALWAYS) String url,
    LocalObjectReference secretRef,
    String provider,
    String serviceAccountName,
    @JsonInclude(JsonInclude.Include.ALWAYS) String interval,
    String timeout,
    Ref ref,
    Verification verify,
    LocalObjectReference proxySecretRef,
    @JsonInclude(JsonInclude.Include.NON_NULL) String ignore,
    boolean suspend,
    boolean recurseSubmodules,
    List<Include> include,
    List<String> sparseCheckout) {

  /** Flux's default timeout of one Git operation. */
  public static final String DEFAULT_TIMEOUT = "60s";

  public GitRepositorySpec {
    url = requireNonNullElse(url, "");
    provider = requireNonNullElse(provider, "");
    serviceAccountName = requireNonNullElse(serviceAccountName, "");
    interval = requireNonNullElse(interval, "");
    timeout = requireNonNullElse(timeout, "");
    include = List.copyOf(requireNonNullElse(include, List.of()));
    sparseCheckout = List.copyOf(requireNonNullElse(sparseCheckout, List.of()));
  }

  /**
   * The Git reference to check out. Precedence, highest first: {@code commit}, {@code name}, {@code
   * semver}, {@code tag}, {@code branch}; with nothing set, {@code master}.
   *
   * @param branch branch to follow
   * @param tag tag to check out
   * @param semver semver range over tags
   * @param name full reference name, e.g. {@code refs/heads/main} or {@code refs/pull/1/head}
   * @param commit commit SHA (with {@code branch}: looked up on that branch)
   */
  @JsonInclude(JsonInclude.Include.NON_DEFAULT)
  @JsonIgnoreProperties(ignoreUnknown = true)
  public record Ref(String branch, String tag, String semver, String name, String commit) {
    public Ref {
      branch = requireNonNullElse(branch, "");
      tag = requireNonNullElse(tag, "");
      semver = requireNonNullElse(semver, "");
      name = requireNonNullElse(name, "");
      commit = requireNonNullElse(commit, "");
    }

    /** A reference to the tip of a branch. */
    public static Ref branch(String branch) {
      return new Ref(branch, "", "", "", "");
    }
  }

  /**
   * Commit signature verification.
   *
   * @param mode {@code HEAD} (or legacy {@code head}), {@code Tag} or {@code TagAndHEAD}
   * @param secretRef Secret with the trusted public keys
   */
  @JsonInclude(JsonInclude.Include.NON_DEFAULT)
  @JsonIgnoreProperties(ignoreUnknown = true)
  public record Verification(String mode, LocalObjectReference secretRef) {
    public Verification {
      mode = requireNonNullElse(mode, "");
    }
  }

  /**
   * Another GitRepository whose artifact is copied into this one's.
   *
   * @param repository the GitRepository to include
   * @param fromPath path in the included artifact to copy from; its root when empty
   * @param toPath path to copy to; the included repository's name when empty
   */
  @JsonInclude(JsonInclude.Include.NON_DEFAULT)
  @JsonIgnoreProperties(ignoreUnknown = true)
  public record Include(LocalObjectReference repository, String fromPath, String toPath) {
    public Include {
      fromPath = requireNonNullElse(fromPath, "");
      toPath = requireNonNullElse(toPath, "");
    }
  }
}
