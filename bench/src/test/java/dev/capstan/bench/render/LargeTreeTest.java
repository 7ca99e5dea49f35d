package dev.capstan.bench.render;

import static org.assertj.core.api.Assertions.assertThat;

import dev.capstan.kustomize.BuildOptions;
import dev.capstan.kustomize.Kustomizer;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LargeTreeTest {

  @Test
  void layoutStaysNearTheRequestedSize() {
    assertThat(LargeTree.Layout.forResources(500).resources()).isBetween(490, 500);
    assertThat(LargeTree.Layout.forResources(100).resources()).isBetween(95, 100);
    assertThat(LargeTree.Layout.forResources(1).units()).isEqualTo(1);
  }

  @Test
  void generatedTreeBuildsToTheAnnouncedNumberOfResources(@TempDir Path dir) {
    Path overlay = LargeTree.write(dir, 120);
    var resources =
        new Kustomizer(BuildOptions.defaults())
            .build(
                dev.capstan.kustomize.fs.DiskFileTree.INSTANCE,
                overlay.toAbsolutePath().normalize());
    assertThat(resources.size()).isEqualTo(LargeTree.Layout.forResources(120).resources());
  }

  @Test
  void firstDifferenceNamesTheLine() {
    assertThat(RenderCommand.firstDifference("a\nb\nc", "a\nx\nc"))
        .isEqualTo("line 2: kubectl `b`, capstan `x`");
    assertThat(RenderCommand.firstDifference("a\n", "a\n"))
        .isEqualTo("same lines, different bytes");
  }
}
