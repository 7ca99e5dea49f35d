package dev.capstan.engine.render;

import static org.assertj.core.api.Assertions.assertThat;

import dev.capstan.engine.source.GitCredentials;
import dev.capstan.engine.source.GitSource;
import dev.capstan.engine.source.GitSourceOptions;
import dev.capstan.testsupport.git.FixtureRepository;
import dev.capstan.testsupport.git.GitFixture;
import dev.capstan.testsupport.git.GitHttpServer;
import dev.capstan.testsupport.git.HttpAuth;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Remote kustomize bases (git URLs) fetched through {@link GitSource} from a real smart-HTTP server
 * with basic auth, with the credentials the caller's function gives for the base's URL.
 */
class GitRemoteBasesTest {

  private static final String PASSWORD = "s3cret-remote-pw";

  @TempDir Path cache;
  @TempDir Path overlay;
  private GitFixture git;
  private GitHttpServer http;
  private FixtureRepository base;
  private GitSource source;
  private final Renderer renderer = new Renderer();

  @BeforeEach
  void setUp() {
    git = GitFixture.create();
    base = git.createRepository("base");
    base.commit()
        .add("web/kustomization.yaml", "resources:\n- cm.yaml\n")
        .add(
            "web/cm.yaml",
            "apiVersion: v1\nkind: ConfigMap\nmetadata: {name: web}\ndata: {from: base}\n")
        .create();
    base.tag("v1", base.commit().add("web/extra.txt", "x\n").create());
    http = git.startHttp(HttpAuth.basic("alice", PASSWORD));
    source = new GitSource(GitSourceOptions.defaults(cache));
  }

  @AfterEach
  void tearDown() {
    git.close();
  }

  @Test
  void aRemoteBaseIsFetchedWithTheCredentialsOfItsUrlAndCached() throws Exception {
    writeOverlay("namePrefix: prod-\nresources:\n- " + http.url(base) + "//web?ref=v1\n");
    List<String> asked = new java.util.ArrayList<>();
    long[] fetches = new long[2];
    for (int i = 0; i < 2; i++) {
      try (GitRemoteBases remote =
          new GitRemoteBases(
              source,
              u -> {
                asked.add(u);
                return GitCredentials.basic("alice", PASSWORD);
              })) {
        RenderResult r = renderer.render(List.of(RenderSource.of(overlay, "")), remote);
        assertThat(r.succeeded()).as(r.errorMessage()).isTrue();
        assertThat(r.objects())
            .singleElement()
            .satisfies(
                o -> {
                  assertThat(o.getMetadata().getName()).isEqualTo("prod-web");
                  assertThat(data(o)).containsEntry("from", "base");
                });
      }
      fetches[i] = fetches();
    }
    // The first render fetched the tag; the second found the commit in the cache (ls-remote only).
    assertThat(fetches[0]).isPositive();
    assertThat(fetches[1]).isEqualTo(fetches[0]);
    assertThat(asked).hasSize(2).allSatisfy(u -> assertThat(u).isEqualTo(http.url(base)));
  }

  @Test
  void wrongCredentialsAreAClearBuildErrorWithoutThePassword() throws Exception {
    writeOverlay("resources:\n- " + http.url(base) + "//web\n");
    RenderResult r;
    try (GitRemoteBases remote =
        new GitRemoteBases(source, u -> GitCredentials.basic("alice", "wrong-" + PASSWORD))) {
      r = renderer.render(List.of(RenderSource.of(overlay, "")), remote);
    }
    assertThat(r.succeeded()).isFalse();
    assertThat(r.errorMessage())
        .contains("KustomizeBuildFailed")
        .contains(http.url(base))
        .contains("(auth)")
        .doesNotContain(PASSWORD);
  }

  @Test
  void aPathMissingFromTheBaseIsNamed() throws Exception {
    writeOverlay("resources:\n- " + http.url(base) + "//nowhere\n");
    RenderResult r;
    try (GitRemoteBases remote =
        new GitRemoteBases(source, u -> GitCredentials.basic("alice", PASSWORD))) {
      r = renderer.render(List.of(RenderSource.of(overlay, "")), remote);
    }
    assertThat(r.errorMessage()).contains("path 'nowhere' does not exist");
  }

  @Test
  void withoutAResolverARemoteBaseIsRefusedAsBefore() throws Exception {
    writeOverlay("resources:\n- " + http.url(base) + "//web\n");
    RenderResult r = renderer.render(List.of(RenderSource.of(overlay, "")));
    assertThat(r.succeeded()).isFalse();
    assertThat(r.errorMessage()).contains("KustomizeBuildFailed");
  }

  private long fetches() {
    return http.requests().stream().filter(q -> "fetch".equals(q.command())).count();
  }

  private void writeOverlay(String kustomization) throws Exception {
    Files.writeString(overlay.resolve("kustomization.yaml"), kustomization);
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> data(GenericKubernetesResource o) {
    return (Map<String, Object>) o.getAdditionalProperties().get("data");
  }
}
