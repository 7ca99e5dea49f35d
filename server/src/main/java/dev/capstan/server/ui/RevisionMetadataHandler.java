package dev.capstan.server.ui;

import dev.capstan.server.api.ApiException;
import dev.capstan.server.api.Authentication;
import dev.capstan.server.api.Caller;
import dev.capstan.server.api.Json;
import dev.capstan.server.api.Names;
import dev.capstan.server.cache.ResourceCache;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
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
 * <p>Only full commit SHAs are looked up (history entries hold them). The repository is fetched
 * anonymously over {@code http(s)://} or {@code git://} into a bare mirror per URL under the
 * server's cache directory (branches and tags, incrementally), and the commit is read from it.
 * Commits never change, so answers are kept in memory (at most 10,000). Repositories that need
 * credentials or SSH are not read: the answer is 404, and the UI shows no commit details.
 */
public final class RevisionMetadataHandler implements Handler {
  private static final Pattern SHA = Pattern.compile("[0-9a-f]{40}|[0-9a-f]{64}");
  private static final int MAX_CACHED = 10_000;
  private static final int FETCH_TIMEOUT_SECONDS = 30;

  private final ResourceCache apps;
  private final String serverNamespace;
  private final Predicate<String> serves;
  private final Path mirrors;
  private final Map<String, Map<String, Object>> answers = new ConcurrentHashMap<>();
  private final Map<String, Object> locks = new ConcurrentHashMap<>();

  public RevisionMetadataHandler(
      ResourceCache apps, String serverNamespace, Predicate<String> serves, Path mirrors) {
    this.apps = apps;
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
    List<String> urls = sourceUrls(found.get());
    for (String url : urls) {
      Optional<Map<String, Object>> meta = lookup(url, revision);
      if (meta.isPresent()) {
        Json.ok(res, meta.get());
        return;
      }
    }
    throw ApiException.notFound(
        "revision " + revision + " was not found in the application's anonymous Git sources");
  }

  private static List<String> sourceUrls(GenericKubernetesResource app) {
    java.util.ArrayList<String> urls = new java.util.ArrayList<>();
    if (app.get("spec", "source", "repoURL") instanceof String u) {
      urls.add(u);
    }
    if (app.get("spec", "sources") instanceof List<?> sources) {
      for (Object s : sources) {
        if (s instanceof Map<?, ?> m && m.get("repoURL") instanceof String u) {
          urls.add(u);
        }
      }
    }
    return urls.stream()
        .filter(u -> u.startsWith("https://") || u.startsWith("http://") || u.startsWith("git://"))
        .filter(u -> !u.contains("@") || u.indexOf('@') > u.indexOf('/', u.indexOf("//") + 2))
        .distinct()
        .toList();
  }

  private Optional<Map<String, Object>> lookup(String url, String revision) {
    String key = url + "#" + revision;
    Map<String, Object> known = answers.get(key);
    if (known != null) {
      return Optional.of(known);
    }
    Object lock = locks.computeIfAbsent(url, u -> new Object());
    synchronized (lock) {
      Path dir = mirrors.resolve(digest(url));
      try {
        Files.createDirectories(dir);
        try (Git git = Git.init().setBare(true).setDirectory(dir.toFile()).call()) {
          Optional<Map<String, Object>> meta = read(git.getRepository(), revision);
          if (meta.isEmpty()) {
            git.fetch()
                .setRemote(url)
                .setRefSpecs(
                    new RefSpec("+refs/heads/*:refs/heads/*"),
                    new RefSpec("+refs/tags/*:refs/tags/*"))
                .setTimeout(FETCH_TIMEOUT_SECONDS)
                .call();
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
        }
      } catch (GitAPIException | org.eclipse.jgit.api.errors.JGitInternalException e) {
        throw ApiException.unavailable("reading commit " + revision + " failed: " + e.getMessage());
      } catch (IOException e) {
        throw new UncheckedIOException("reading commit " + revision + " failed", e);
      }
    }
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
