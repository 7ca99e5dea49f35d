package dev.capstan.server.ui;

import dev.capstan.engine.source.GitCredentials;
import dev.capstan.engine.source.InvalidSourceException;
import dev.capstan.engine.source.RepositoryUrl;
import dev.capstan.engine.source.credentials.ArgoCdRepositoryCredentials;
import dev.capstan.server.api.ApiException;
import dev.capstan.server.api.Authentication;
import dev.capstan.server.api.Caller;
import dev.capstan.server.api.Json;
import dev.capstan.server.api.Names;
import dev.capstan.server.cache.ResourceCache;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.helidon.webserver.http.Handler;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Predicate;
import java.util.regex.Pattern;
import org.eclipse.jgit.api.Git;
import org.eclipse.jgit.api.errors.GitAPIException;
import org.eclipse.jgit.api.errors.JGitInternalException;
import org.eclipse.jgit.errors.MissingObjectException;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.PersonIdent;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.revwalk.RevCommit;
import org.eclipse.jgit.revwalk.RevWalk;
import org.eclipse.jgit.transport.RefSpec;

/**
 * Argo CD's {@code GET /api/v1/applications/{name}/revisions/{revision}/metadata}: the author,
 * date, message and tags of a commit of the Application's Git source, for the UI's history. RBAC
 * {@code applications, get} as the other Application reads; {@code ?appNamespace=} as there.
 *
 * <p>Only full commit SHAs are looked up (history entries hold them). Each Git source ({@code
 * http(s)://}, {@code git://}, {@code ssh://} or {@code git@host:path}; Helm chart sources and
 * local paths are skipped) is fetched with the credentials the controller would use ({@link
 * RepositorySecrets}: Argo CD repository Secrets of the server's and the Application's namespace,
 * SSH known hosts) into a bare mirror per URL and credential Secret under the server's cache
 * directory (branches and tags, incrementally), and the commit is read from it. Commits never
 * change, so answers are kept in memory per Application namespace, URL and SHA (at most 10,000).
 *
 * <p>Failures: an unknown commit is 404; a repository that refuses the credentials (or needs some
 * and no Secret matches) is 400 FailedPrecondition naming the Secret, never its values; any other
 * fetch failure is 503 Unavailable with JGit's reason, scrubbed of the credentials. Thread-safe:
 * fetches of one mirror are serialized.
 */
public final class RevisionMetadataHandler implements Handler {
  private static final Pattern SHA = Pattern.compile("[0-9a-f]{40}|[0-9a-f]{64}");
  private static final Pattern GIT_URL =
      Pattern.compile("(?i)(https?|git|ssh)://.+|[^/@:\\s]+@[^/:\\s]+:.+");
  private static final Pattern AUTH_FAILURE =
      Pattern.compile(
          "not authorized|authentication is required|authentication not supported|auth fail|"
              + "no more authentication methods|authentication failed|\\b401\\b|\\b403\\b|"
              + "no credentialsprovider|host key|server key did not validate|known_hosts|"
              + "ssh private key");
  private static final int MAX_CACHED = 10_000;
  private static final int FETCH_TIMEOUT_SECONDS = 30;

  private final ResourceCache apps;
  private final RepositorySecrets secrets;
  private final String serverNamespace;
  private final Predicate<String> serves;
  private final Path mirrors;
  private final Map<String, Map<String, Object>> answers = new ConcurrentHashMap<>();
  private final Map<String, Object> locks = new ConcurrentHashMap<>();

  public RevisionMetadataHandler(
      ResourceCache apps,
      KubernetesClient client,
      String serverNamespace,
      Predicate<String> serves,
      Path mirrors) {
    this.apps = apps;
    this.secrets = new RepositorySecrets(client, serverNamespace);
    this.serverNamespace = serverNamespace;
    this.serves = serves;
    this.mirrors = mirrors;
  }

  @Override
  public void handle(ServerRequest req, ServerResponse res) {
    Caller caller = Authentication.caller(req);
    var params = req.path().pathParameters();
    String name = Names.objectName("application name", params.get("name"));
    String ns =
        Names.namespace(
            req.query()
                .first("appNamespace")
                .asOptional()
                .filter(s -> !s.isEmpty())
                .orElse(serverNamespace));
    String revision = params.get("revision").toLowerCase(Locale.ROOT);
    if (!serves.test(ns)) {
      throw ApiException.forbidden("application namespace " + ns + " is not served");
    }
    Optional<GenericKubernetesResource> found = apps.get(ns, name);
    String project =
        found
            .map(a -> a.get("spec", "project"))
            .map(Object::toString)
            .filter(s -> !s.isEmpty())
            .orElse("default");
    String object =
        ns.equals(serverNamespace) ? project + "/" + name : project + "/" + ns + "/" + name;
    if (found.isEmpty() || !caller.can("applications", "get", object)) {
      throw ApiException.forbidden();
    }
    if (!SHA.matcher(revision).matches()) {
      throw ApiException.invalid("revision must be a full commit SHA, got \"" + revision + "\"");
    }
    // Every source is tried: the commit may be in a later one even if an earlier one fails.
    Optional<ApiException> firstFailure = Optional.empty();
    for (String url : sourceUrls(found.get())) {
      try {
        Optional<Map<String, Object>> meta = lookup(ns, url, revision);
        if (meta.isPresent()) {
          Json.ok(res, meta.get());
          return;
        }
      } catch (ApiException e) {
        firstFailure = firstFailure.or(() -> Optional.of(e));
      }
    }
    if (firstFailure.isPresent()) {
      throw firstFailure.get();
    }
    throw ApiException.notFound(
        "revision " + revision + " was not found in the application's Git sources");
  }

  private static List<String> sourceUrls(GenericKubernetesResource app) {
    List<Object> sources = new ArrayList<>();
    sources.add(app.get("spec", "source"));
    if (app.get("spec", "sources") instanceof List<?> list) {
      sources.addAll(list);
    }
    List<String> urls = new ArrayList<>();
    for (Object s : sources) {
      if (s instanceof Map<?, ?> m
          && m.get("repoURL") instanceof String u
          && !(m.get("chart") instanceof String chart && !chart.isEmpty())
          && GIT_URL.matcher(u.strip()).matches()) {
        urls.add(u.strip());
      }
    }
    return urls.stream().distinct().toList();
  }

  private Optional<Map<String, Object>> lookup(String appNamespace, String url, String revision) {
    String key = appNamespace + " " + url + " " + revision;
    Map<String, Object> known = answers.get(key);
    if (known != null) {
      return Optional.of(known);
    }
    String redacted = RepositoryUrl.parse(url).redacted();
    Optional<ArgoCdRepositoryCredentials.Match> match;
    try {
      match = secrets.credentials(url, appNamespace);
    } catch (InvalidSourceException e) {
      throw ApiException.precondition(
          "reading commit " + revision + " of " + redacted + " failed: " + e.getMessage());
    }
    GitCredentials credentials =
        match.map(ArgoCdRepositoryCredentials.Match::credentials).orElse(GitCredentials.none());
    String secret = match.map(ArgoCdRepositoryCredentials.Match::secretName).orElse("");
    String mirror = digest(url + "\n" + secret);
    Object lock = locks.computeIfAbsent(mirror, u -> new Object());
    synchronized (lock) {
      Path dir = mirrors.resolve(mirror);
      try (FetchCredentials auth = new FetchCredentials(credentials, mirrors.resolve("tmp"))) {
        Files.createDirectories(dir);
        try (Git git = Git.init().setBare(true).setDirectory(dir.toFile()).call()) {
          Optional<Map<String, Object>> meta = read(git.getRepository(), revision);
          if (meta.isEmpty()) {
            try {
              var fetch =
                  git.fetch()
                      .setRemote(url)
                      .setRefSpecs(
                          new RefSpec("+refs/heads/*:refs/heads/*"),
                          new RefSpec("+refs/tags/*:refs/tags/*"))
                      .setTimeout(FETCH_TIMEOUT_SECONDS)
                      .setTransportConfigCallback(auth);
              auth.provider().ifPresent(fetch::setCredentialsProvider);
              fetch.call();
            } catch (GitAPIException | JGitInternalException | IllegalStateException e) {
              throw failure(revision, redacted, appNamespace, match, auth, e);
            }
            meta = read(git.getRepository(), revision);
          }
          meta.ifPresent(
              m -> {
                if (answers.size() >= MAX_CACHED) {
                  answers.clear();
                }
                answers.put(key, m);
              });
          return meta;
        } catch (GitAPIException e) {
          throw ApiException.unavailable(
              "reading commit " + revision + " of " + redacted + " failed: " + e.getMessage());
        }
      } catch (IOException e) {
        throw new UncheckedIOException(
            "reading commit " + revision + " of " + redacted + " failed", e);
      }
    }
  }

  /** A fetch failure as an answer: what went wrong, which Secret was used, never its values. */
  private ApiException failure(
      String revision,
      String redacted,
      String appNamespace,
      Optional<ArgoCdRepositoryCredentials.Match> match,
      FetchCredentials auth,
      Exception e) {
    List<String> messages = new ArrayList<>();
    for (Throwable t = e; t != null && messages.size() < 8; t = t.getCause()) {
      String message = t.getMessage();
      if (message != null && messages.stream().noneMatch(m -> m.contains(message))) {
        messages.add(message);
      }
    }
    String reason = auth.scrub(String.join(": ", messages));
    String subject = "reading commit " + revision + " of " + redacted + " failed";
    if (!AUTH_FAILURE.matcher(reason.toLowerCase(Locale.ROOT)).find()) {
      return ApiException.unavailable(subject + ": " + reason);
    }
    String namespaces =
        appNamespace.equals(serverNamespace)
            ? "namespace " + serverNamespace
            : "namespaces " + serverNamespace + " and " + appNamespace;
    return ApiException.precondition(
        subject
            + " (authentication): "
            + match
                .map(m -> "the repository refused the credentials of Secret " + m.secretName())
                .orElse(
                    "the repository needs credentials and no Argo CD repository Secret"
                        + " (argocd.argoproj.io/secret-type: repository or repo-creds) in "
                        + namespaces
                        + " matches it")
            + " ("
            + reason
            + ")");
  }

  private static Optional<Map<String, Object>> read(Repository repo, String revision)
      throws IOException {
    ObjectId id = ObjectId.fromString(revision);
    try (RevWalk walk = new RevWalk(repo)) {
      RevCommit commit = walk.parseCommit(id);
      PersonIdent author = commit.getAuthorIdent();
      Map<String, Object> m = new LinkedHashMap<>();
      m.put("author", author.getName() + " <" + author.getEmailAddress() + ">");
      m.put("date", Instant.ofEpochSecond(commit.getCommitTime()).toString());
      List<String> tags =
          repo.getRefDatabase().getRefsByPrefix("refs/tags/").stream()
              .filter(
                  r ->
                      id.equals(r.getObjectId())
                          || (r.getPeeledObjectId() != null && id.equals(r.getPeeledObjectId())))
              .map(r -> r.getName().substring("refs/tags/".length()))
              .toList();
      if (!tags.isEmpty()) {
        m.put("tags", tags);
      }
      m.put("message", commit.getFullMessage().strip());
      return Optional.of(m);
    } catch (MissingObjectException e) {
      return Optional.empty();
    } catch (org.eclipse.jgit.errors.IncorrectObjectTypeException e) {
      return Optional.empty();
    }
  }

  private static String digest(String url) {
    try {
      byte[] d = MessageDigest.getInstance("SHA-256").digest(url.getBytes(StandardCharsets.UTF_8));
      return HexFormat.of().formatHex(d, 0, 16);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is missing from this JDK", e);
    }
  }
}
