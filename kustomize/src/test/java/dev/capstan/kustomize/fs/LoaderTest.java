package dev.capstan.kustomize.fs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.capstan.kustomize.KustomizeException;
import dev.capstan.kustomize.LoadRestrictor;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class LoaderTest {
  private final MemoryFileTree fs =
      new MemoryFileTree()
          .write("/repo/app/kustomization.yaml", "resources: []\n")
          .write("/repo/app/cm.yaml", "a: 1\n")
          .write("/repo/shared.yaml", "b: 2\n")
          .symlink("/repo/app/escape.yaml", "/repo/shared.yaml")
          .symlink("/repo/app/inside.yaml", "/repo/app/cm.yaml");

  @Test
  void readsFilesBelowTheRoot() {
    Loader l = Loader.forRoot(fs, Path.of("/repo/app"), LoadRestrictor.ROOT_ONLY);
    assertThat(l.readString("cm.yaml")).isEqualTo("a: 1\n");
    assertThat(l.readString("inside.yaml")).isEqualTo("a: 1\n");
  }

  @Test
  void rootOnlyRefusesFilesAboveTheRootAndSymlinksLeavingIt() {
    Loader l = Loader.forRoot(fs, Path.of("/repo/app"), LoadRestrictor.ROOT_ONLY);
    assertThatThrownBy(() -> l.readString("../shared.yaml"))
        .isInstanceOf(KustomizeException.class)
        .hasMessageContaining("security; file '/repo/shared.yaml' is not in or below '/repo/app'");
    assertThatThrownBy(() -> l.readString("escape.yaml"))
        .isInstanceOf(KustomizeException.class)
        .hasMessageContaining("is not in or below");
  }

  @Test
  void restrictorNoneAllowsAnyFile() {
    Loader l = Loader.forRoot(fs, Path.of("/repo/app"), LoadRestrictor.NONE);
    assertThat(l.readString("../shared.yaml")).isEqualTo("b: 2\n");
    assertThat(l.readString("escape.yaml")).isEqualTo("b: 2\n");
  }

  @Test
  void missingFilesAndDirectoriesAreNamed() {
    Loader l = Loader.forRoot(fs, Path.of("/repo/app"), LoadRestrictor.ROOT_ONLY);
    assertThatThrownBy(() -> l.readString("nope.yaml")).hasMessageContaining("/repo/app/nope.yaml");
    assertThatThrownBy(() -> Loader.forRoot(fs, Path.of("/repo/none"), LoadRestrictor.ROOT_ONLY))
        .hasMessageContaining("/repo/none");
  }

  @Test
  void aDirectoryBeingBuiltAboveIsACycle() {
    Loader app = Loader.forRoot(fs, Path.of("/repo/app"), LoadRestrictor.ROOT_ONLY);
    Loader repo = app.forDirectory(Path.of(".."));
    assertThatThrownBy(() -> repo.forDirectory(Path.of("app")))
        .isInstanceOf(KustomizeException.class)
        .hasMessageContaining("cycle detected");
    assertThatThrownBy(() -> app.forDirectory(Path.of("."))).hasMessageContaining("cycle detected");
  }
}
