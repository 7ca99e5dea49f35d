package dev.capstan.testsupport.git;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;
import org.eclipse.jgit.lib.Repository;

/**
 * Owns a temporary directory of bare repositories and the servers that serve them.
 *
 * <pre>{@code
 * try (GitFixture git = GitFixture.create()) {
 *   FixtureRepository apps = git.createRepository("apps");
 *   apps.commit().add("kustomization.yaml", "resources: []\n").message("init").create();
 *   GitHttpServer http = git.startHttp(HttpAuth.basic("alice", "s3cret"));
 *   String url = http.url(apps); // http://127.0.0.1:PORT/apps.git
 * }
 * }</pre>
 *
 * <p>Thread-safety: repositories and servers may be created from any thread; writes to one
 * repository should come from one thread at a time (as with a real git host, readers may fetch
 * concurrently). {@link #close()} stops every server this fixture started and deletes the
 * directory.
 */
public final class GitFixture implements AutoCloseable {

  private final Path root;
  private final Map<String, FixtureRepository> repositories = new ConcurrentHashMap<>();
  private final List<AutoCloseable> servers = new ArrayList<>();

  private GitFixture(Path root) {
    this.root = root;
  }

  /** Creates a fixture in a new temporary directory. */
  public static GitFixture create() {
    try {
      return new GitFixture(Files.createTempDirectory("capstan-git-fixture-").toRealPath());
    } catch (IOException e) {
      throw new UncheckedIOException("cannot create the git fixture directory", e);
    }
  }

  /** The directory holding the bare repositories. */
  public Path root() {
    return root;
  }

  /**
   * Creates an empty bare repository {@code NAME.git} whose HEAD points at {@code refs/heads/main}.
   *
   * @param name repository name, may contain {@code /} for nesting (e.g. {@code org/apps})
   * @throws IllegalArgumentException if the name escapes the fixture directory or already exists
   */
  public FixtureRepository createRepository(String name) {
    String key = FixtureRepository.canonicalName(name);
    Path dir = root.resolve(key).normalize();
    if (!dir.startsWith(root) || dir.equals(root)) {
      throw new IllegalArgumentException("repository name escapes the fixture: " + name);
    }
    FixtureRepository repository = FixtureRepository.createBare(key, dir);
    if (repositories.putIfAbsent(key, repository) != null) {
      repository.close();
      throw new IllegalArgumentException("repository exists already: " + key);
    }
    return repository;
  }

  /** The repository served under a request path such as {@code /apps.git} or {@code apps}. */
  Optional<Repository> lookup(String requestPath) {
    String trimmed = requestPath.replaceAll("^/+", "").replaceAll("/+$", "");
    if (trimmed.isEmpty()) {
      return Optional.empty();
    }
    return Optional.ofNullable(repositories.get(FixtureRepository.canonicalName(trimmed)))
        .map(FixtureRepository::repository);
  }

  /** Starts a smart-HTTP server without authentication. */
  public GitHttpServer startHttp() {
    return startHttp(HttpAuth.none());
  }

  /** Starts a smart-HTTP server on {@code 127.0.0.1} with an ephemeral port. */
  public synchronized GitHttpServer startHttp(HttpAuth auth) {
    GitHttpServer server = GitHttpServer.start(this::lookup, auth);
    servers.add(server);
    return server;
  }

  /**
   * Starts an SSH server on {@code 127.0.0.1} with an ephemeral port that accepts public-key
   * authentication with the given client keys only.
   */
  public synchronized GitSshServer startSsh(SshKeyPair... authorizedKeys) {
    GitSshServer server = GitSshServer.start(this::lookup, List.of(authorizedKeys));
    servers.add(server);
    return server;
  }

  /** Stops all servers, closes all repositories and deletes the fixture directory. */
  @Override
  public synchronized void close() {
    for (AutoCloseable server : servers) {
      try {
        server.close();
      } catch (Exception ignored) {
        // best effort: the next server must still be stopped
      }
    }
    servers.clear();
    repositories.values().forEach(FixtureRepository::close);
    repositories.clear();
    deleteRecursively(root);
  }

  static void deleteRecursively(Path dir) {
    if (!Files.exists(dir)) {
      return;
    }
    try (Stream<Path> paths = Files.walk(dir)) {
      for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
        p.toFile().setWritable(true);
        Files.deleteIfExists(p);
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot delete " + dir, e);
    }
  }
}
