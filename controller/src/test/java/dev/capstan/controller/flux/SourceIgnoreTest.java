package dev.capstan.controller.flux;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SourceIgnoreTest {

  @TempDir Path repo;

  @Test
  void defaultsExcludeVcsCiAndBinaryFiles() throws Exception {
    SourceIgnore ignore = SourceIgnore.load(repo, Optional.empty());
    assertThat(ignore.ignored(".git", true)).isTrue();
    assertThat(ignore.ignored(".github", true)).isTrue();
    assertThat(ignore.ignored("docs/logo.png", false)).isTrue();
    assertThat(ignore.ignored("deep/dir/.sops.yaml", false)).isTrue();
    assertThat(ignore.ignored(".gitlab-ci.yml", false)).isTrue();
    assertThat(ignore.ignored("apps/deploy.yaml", false)).isFalse();
  }

  @Test
  void sourceignoreFilesApplyBelowTheirFolderAndSpecIgnoreComesLast() throws Exception {
    Files.createDirectories(repo.resolve("apps"));
    Files.writeString(repo.resolve("apps/.sourceignore"), "# comment\n*.txt\n");
    SourceIgnore ignore = SourceIgnore.load(repo, Optional.of("secrets/\n!*.png\n"));
    assertThat(ignore.ignored("apps/notes.txt", false)).isTrue();
    assertThat(ignore.ignored("notes.txt", false)).isFalse();
    assertThat(ignore.ignored("secrets", true)).isTrue();
    assertThat(ignore.ignored("logo.png", false)).as("spec.ignore re-includes a default").isFalse();
  }

  @Test
  void artifactDigestDependsOnContentOnlyAndIgnoredFilesAreLeftOut(@TempDir Path cache)
      throws Exception {
    Files.writeString(repo.resolve("a.yaml"), "a: 1\n");
    Files.createDirectories(repo.resolve(".github"));
    Files.writeString(repo.resolve(".github/ci.yml"), "x\n");
    ArtifactStore store = new ArtifactStore(cache);
    ArtifactStore.Artifact first =
        store.publish(
            new ObjectKey("ns", "repo"),
            repo,
            SourceIgnore.load(repo, Optional.empty()),
            java.util.List.of());
    assertThat(first.digest()).startsWith("sha256:");
    assertThat(first.directory().resolve("a.yaml")).exists();
    assertThat(first.directory().resolve(".github")).doesNotExist();
    assertThat(store.resolve(first.url())).contains(first.directory());

    Files.writeString(repo.resolve(".github/ci.yml"), "changed\n");
    ArtifactStore.Artifact same =
        store.publish(
            new ObjectKey("ns", "repo"),
            repo,
            SourceIgnore.load(repo, Optional.empty()),
            java.util.List.of());
    assertThat(same.digest()).isEqualTo(first.digest());

    Files.writeString(repo.resolve("a.yaml"), "a: 2\n");
    ArtifactStore.Artifact changed =
        store.publish(
            new ObjectKey("ns", "repo"),
            repo,
            SourceIgnore.load(repo, Optional.empty()),
            java.util.List.of());
    assertThat(changed.digest()).isNotEqualTo(first.digest());
    assertThat(store.resolve("file:///etc")).isEmpty();
  }
}
