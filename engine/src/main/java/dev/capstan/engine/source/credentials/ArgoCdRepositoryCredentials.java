package dev.capstan.engine.source.credentials;

import dev.capstan.engine.source.GitCredentials;
import dev.capstan.engine.source.InvalidSourceException;
import dev.capstan.engine.source.RepositoryUrl;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Finds the credentials for a repository URL among secrets in Argo CD's declarative format.
 *
 * <p>Rules, as Argo CD applies them:
 *
 * <ul>
 *   <li>A secret labelled {@code argocd.argoproj.io/secret-type: repository} whose {@code url}
 *       names the same repository (compared normalized: case of scheme and host, trailing {@code
 *       .git} and {@code /} do not matter) applies to it.
 *   <li>If no such secret exists, or it carries no credentials of its own, the secret labelled
 *       {@code repo-creds} whose {@code url} is the longest case-insensitive prefix of the
 *       repository URL supplies them (a credential template).
 *   <li>Keys: {@code sshPrivateKey} gives SSH key credentials, {@code bearerToken} a bearer token,
 *       {@code username}/{@code password} basic credentials; {@code insecure: "true"} skips SSH
 *       host key verification. {@code type} other than {@code git} is not a git repository and is
 *       skipped.
 *   <li>SSH host keys come from Argo CD's {@code argocd-ssh-known-hosts-cm}, passed in as {@code
 *       knownHosts}.
 * </ul>
 *
 * <p>GitHub App and Google Cloud Source credentials are not supported: a matching secret that only
 * has those is refused with an {@link InvalidSourceException}. Stateless and thread-safe.
 */
public final class ArgoCdRepositoryCredentials {

  /** The label key Argo CD uses to mark repository secrets. */
  public static final String SECRET_TYPE_LABEL = "argocd.argoproj.io/secret-type";

  /**
   * Where the credentials came from.
   *
   * @param credentials the credentials to use
   * @param secretName the secret that supplied them
   * @param template whether that secret is a {@code repo-creds} template
   */
  public record Match(GitCredentials credentials, String secretName, boolean template) {}

  private ArgoCdRepositoryCredentials() {}

  /**
   * Picks the credentials for {@code repoUrl}; empty when no secret applies (anonymous access).
   *
   * @param secrets candidate secrets (others, without Argo CD's label, are ignored)
   * @param knownHosts Argo CD's {@code ssh_known_hosts} text, if configured
   * @throws InvalidSourceException if the applicable secret only has unsupported credential kinds
   */
  public static Optional<Match> resolve(
      String repoUrl, Collection<SecretData> secrets, Optional<String> knownHosts) {
    RepositoryUrl wanted = RepositoryUrl.parse(repoUrl);
    List<SecretData> git = secrets.stream().filter(ArgoCdRepositoryCredentials::isGit).toList();

    Optional<SecretData> repository =
        git.stream()
            .filter(s -> s.label(SECRET_TYPE_LABEL).orElse("").equals("repository"))
            .filter(
                s ->
                    s.text("url")
                        .map(u -> RepositoryUrl.parse(u).sameRepository(wanted))
                        .orElse(false))
            .min(Comparator.comparing(SecretData::name));
    if (repository.isPresent() && hasCredentials(repository.get())) {
      return Optional.of(
          new Match(
              credentials(repository.get(), repository.get(), repoUrl, knownHosts),
              repository.get().name(),
              false));
    }
    String lower = repoUrl.strip().toLowerCase(Locale.ROOT);
    Optional<SecretData> template =
        git.stream()
            .filter(s -> s.label(SECRET_TYPE_LABEL).orElse("").equals("repo-creds"))
            .filter(
                s ->
                    s.text("url")
                        .map(u -> lower.startsWith(u.strip().toLowerCase(Locale.ROOT)))
                        .orElse(false))
            .max(
                Comparator.<SecretData>comparingInt(s -> s.text("url").orElse("").strip().length())
                    .thenComparing(SecretData::name, Comparator.reverseOrder()));
    if (template.isPresent() && hasCredentials(template.get())) {
      // A repository secret without credentials still decides "insecure" for its repository.
      SecretData flags = repository.orElse(template.get());
      return Optional.of(
          new Match(
              credentials(template.get(), flags, repoUrl, knownHosts),
              template.get().name(),
              true));
    }
    return Optional.empty();
  }

  private static boolean isGit(SecretData secret) {
    String type = secret.label(SECRET_TYPE_LABEL).orElse("");
    return (type.equals("repository") || type.equals("repo-creds"))
        && secret.text("type").map(t -> t.strip().equals("git")).orElse(true);
  }

  private static boolean hasCredentials(SecretData s) {
    return s.text("sshPrivateKey").isPresent()
        || s.text("bearerToken").isPresent()
        || s.text("username").isPresent()
        || s.text("password").isPresent()
        || s.text("githubAppPrivateKey").isPresent()
        || s.text("gcpServiceAccountKey").isPresent();
  }

  private static GitCredentials credentials(
      SecretData source, SecretData flags, String repoUrl, Optional<String> knownHosts) {
    boolean insecure =
        flags.text("insecure").map(v -> v.strip().equalsIgnoreCase("true")).orElse(false);
    RepositoryUrl url = RepositoryUrl.parse(repoUrl);
    boolean ssh = url.scheme().equals("ssh");
    Optional<String> key = source.text("sshPrivateKey");
    if (ssh && key.isPresent()) {
      return new GitCredentials.SshKey(key.get(), Optional.empty(), knownHosts, insecure);
    }
    Optional<String> token = source.text("bearerToken");
    if (!ssh && token.isPresent()) {
      return GitCredentials.bearerToken(token.get().strip());
    }
    Optional<String> password = source.text("password");
    if (!ssh && password.isPresent()) {
      return GitCredentials.basic(source.text("username").orElse(""), password.get());
    }
    if (key.isPresent()
        || token.isPresent()
        || password.isPresent()
        || source.text("username").isPresent()) {
      // Credentials exist but not for this URL's scheme (e.g. only a key for an https URL).
      return GitCredentials.none();
    }
    throw new InvalidSourceException(
        "credentials",
        url.redacted(),
        "invalid-credentials",
        "secret "
            + source.name()
            + " only has GitHub App or Google Cloud credentials, which are not supported",
        null);
  }
}
