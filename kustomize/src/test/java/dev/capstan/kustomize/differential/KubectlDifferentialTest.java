package dev.capstan.kustomize.differential;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.capstan.kustomize.BuildOptions;
import dev.capstan.kustomize.KustomizeException;
import dev.capstan.kustomize.Kustomizer;
import dev.capstan.kustomize.Reorder;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.LongStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Differential tests against {@code kubectl kustomize}: every kustomization of the example GitOps
 * repository and a set of generated kustomizations must build to byte-identical output under both
 * orders. Skipped, with a message, only when kubectl is not installed.
 */
class KubectlDifferentialTest {
  static final Path GITOPS =
      Path.of(System.getProperty("capstan.gitops.example", "/work/shared/examples/gitops-repo"));

  @TempDir Path tmp;

  static List<Path> gitopsKustomizations() throws IOException {
    List<Path> out = new ArrayList<>();
    if (!Files.isDirectory(GITOPS)) {
      return out;
    }
    for (String glob :
        List.of("apps/*/base", "apps/*/overlays/*", "clusters/*", "infrastructure/*")) {
      String[] parts = glob.split("/");
      collect(GITOPS, parts, 0, out);
    }
    return out;
  }

  private static void collect(Path dir, String[] parts, int i, List<Path> out) throws IOException {
    if (i == parts.length) {
      if (Files.isRegularFile(dir.resolve("kustomization.yaml"))
          || Files.isRegularFile(dir.resolve("kustomization.yml"))
          || Files.isRegularFile(dir.resolve("Kustomization"))) {
        out.add(dir);
      }
      return;
    }
    if (parts[i].equals("*")) {
      try (Stream<Path> s = Files.list(dir)) {
        for (Path p : s.filter(Files::isDirectory).sorted().toList()) {
          collect(p, parts, i + 1, out);
        }
      }
    } else if (Files.isDirectory(dir.resolve(parts[i]))) {
      collect(dir.resolve(parts[i]), parts, i + 1, out);
    }
  }

  static LongStream seeds() {
    return LongStream.range(1, 41);
  }

  private static Path kubectl() {
    Path k = Kubectl.find();
    assumeTrue(k != null, "kubectl is not on the PATH: differential tests skipped");
    return k;
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("gitopsKustomizations")
  void gitopsRepositoryMatchesKubectl(Path dir) throws Exception {
    Path kubectl = kubectl();
    compare(kubectl, dir);
  }

  @ParameterizedTest(name = "seed {0}")
  @MethodSource("seeds")
  void generatedKustomizationMatchesKubectl(long seed) throws Exception {
    Path kubectl = kubectl();
    Path overlay = new KustomizationGenerator(seed).write(tmp);
    compare(kubectl, overlay);
    compare(kubectl, tmp.resolve("base"));
  }

  @ParameterizedTest(name = "seed {0}")
  @MethodSource("seeds")
  void generatedComplexKustomizationMatchesKubectl(long seed) throws Exception {
    Path kubectl = kubectl();
    compare(kubectl, new KustomizationGenerator(seed).writeComplex(tmp));
  }

  static List<String> edgeCases() {
    return new ArrayList<>(EdgeCaseTrees.all().keySet());
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("edgeCases")
  void edgeCaseMatchesKubectl(String scenario) throws Exception {
    Path kubectl = kubectl();
    compare(kubectl, EdgeCaseTrees.write(tmp, EdgeCaseTrees.all().get(scenario)));
  }

  private static void compare(Path kubectl, Path dir) throws Exception {
    for (Reorder reorder : Reorder.values()) {
      Kubectl.Result expected = Kubectl.kustomize(kubectl, dir, reorder.flag(), null);
      String actual;
      try {
        actual = new Kustomizer(BuildOptions.defaults().withReorder(reorder)).buildYaml(dir);
      } catch (KustomizeException e) {
        assertThat(expected.exitCode())
            .as("capstan failed (%s) but kubectl succeeded on %s", e.getMessage(), dir)
            .isNotZero();
        continue;
      }
      assertThat(expected.exitCode())
          .as("kubectl failed on %s: %s", dir, expected.stderr())
          .isZero();
      assertThat(actual).as("%s --reorder %s", dir, reorder.flag()).isEqualTo(expected.stdout());
    }
  }
}
