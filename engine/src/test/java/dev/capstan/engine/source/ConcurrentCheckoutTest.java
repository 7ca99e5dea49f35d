package dev.capstan.engine.source;

import static org.assertj.core.api.Assertions.assertThat;

import dev.capstan.testsupport.git.FixtureRepository;
import dev.capstan.testsupport.git.GitFixture;
import dev.capstan.testsupport.git.GitHttpServer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.eclipse.jgit.lib.ObjectId;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Several threads checking out the same repository at once, as parallel reconciles would. */
class ConcurrentCheckoutTest {

  private static final int THREADS = 6;

  @TempDir Path cache;
  private final GitFixture git = GitFixture.create();
  private final ExecutorService pool = Executors.newFixedThreadPool(THREADS);

  @AfterEach
  void tearDown() throws Exception {
    pool.shutdownNow();
    pool.awaitTermination(10, TimeUnit.SECONDS);
    git.close();
  }

  @Test
  void sameUrlFromManyThreadsFetchesOnceAndSharesOneSnapshot() throws Exception {
    FixtureRepository repo = git.createRepository("apps");
    for (int i = 0; i < 20; i++) {
      repo.commit()
          .add("manifests/cm-" + i + ".yaml", "kind: ConfigMap\nmetadata:\n  name: cm-" + i + "\n")
          .create();
    }
    ObjectId head = repo.branchTip("main").orElseThrow();
    GitHttpServer http = git.startHttp();
    GitSource source = new GitSource(GitSourceOptions.defaults(cache));
    GitRemote remote = GitRemote.anonymous(http.url(repo));
    CyclicBarrier start = new CyclicBarrier(THREADS);

    List<Future<Snapshot>> results = new ArrayList<>();
    for (int i = 0; i < THREADS; i++) {
      RevisionSpec spec = i % 2 == 0 ? RevisionSpec.branch("main") : RevisionSpec.head();
      results.add(
          pool.submit(
              () -> {
                start.await(10, TimeUnit.SECONDS);
                return source.checkout(remote, spec);
              }));
    }
    List<Snapshot> snapshots = new ArrayList<>();
    for (Future<Snapshot> f : results) {
      snapshots.add(f.get(60, TimeUnit.SECONDS));
    }
    try {
      assertThat(snapshots).extracting(s -> s.revision().sha()).containsOnly(head.name());
      assertThat(snapshots).extracting(Snapshot::root).containsOnly(snapshots.get(0).root());
      try (var files = Files.list(snapshots.get(0).root().resolve("manifests"))) {
        assertThat(files).hasSize(20);
      }
      long fetches = http.requests().stream().filter(r -> r.command().equals("fetch")).count();
      assertThat(fetches)
          .as("fetches are serialized per URL and the second one finds the commit")
          .isEqualTo(1);
      try (var dirs = Files.list(cache.resolve("snapshots"))) {
        assertThat(dirs).hasSize(1);
      }
    } finally {
      snapshots.forEach(Snapshot::close);
    }
  }

  @Test
  void readersKeepTheirSnapshotWhileANewerCommitIsCheckedOut() throws Exception {
    FixtureRepository repo = git.createRepository("apps");
    repo.commit().add("v", "1\n").create();
    GitHttpServer http = git.startHttp();
    GitSource source = new GitSource(GitSourceOptions.defaults(cache).withMaxSnapshots(1));
    GitRemote remote = GitRemote.anonymous(http.url(repo));

    try (Snapshot reader = source.checkout(remote, RevisionSpec.head())) {
      List<Future<String>> writers = new ArrayList<>();
      for (int i = 2; i <= 4; i++) {
        repo.commit().add("v", i + "\n").create();
        writers.add(
            pool.submit(
                () -> {
                  try (Snapshot s = source.checkout(remote, RevisionSpec.head())) {
                    return Files.readString(s.root().resolve("v"));
                  }
                }));
        assertThat(Files.readString(reader.root().resolve("v"))).isEqualTo("1\n");
      }
      for (Future<String> w : writers) {
        assertThat(w.get(60, TimeUnit.SECONDS)).isNotEqualTo("1\n");
      }
      assertThat(Files.readString(reader.root().resolve("v"))).isEqualTo("1\n");
    }
  }
}
