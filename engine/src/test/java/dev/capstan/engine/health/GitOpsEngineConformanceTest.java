package dev.capstan.engine.health;

import static org.assertj.core.api.Assertions.assertThat;

import dev.capstan.engine.health.checks.ArgoWorkflowHealthCheck;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Runs every case of the gitops-engine corpus ({@code shared/conformance/health/gitops-engine}):
 * Argo CD's own built-in health expectations, through {@link HealthAssessor} with no options.
 * Status is always compared; the message only where the upstream test asserts it. Skips are listed
 * in {@link ConformanceSkips}.
 */
class GitOpsEngineConformanceTest {

  private static final HealthAssessor ASSESSOR = HealthAssessor.withDefaults();

  static Stream<Arguments> cases() {
    Path root = HealthCorpus.root().resolve("gitops-engine");
    List<Arguments> out = new ArrayList<>();
    for (Path base : List.of(root, root.resolve("legacy-standalone"))) {
      for (Path file : HealthCorpus.yamlFiles(base.resolve("cases"))) {
        Map<String, Object> c = HealthCorpus.yaml(file);
        out.add(Arguments.of(Named.of((String) c.get("name"), new Case(root, c))));
      }
    }
    return out.stream();
  }

  /** A case file; its input path is relative to the corpus directory {@code root}. */
  record Case(Path root, Map<String, Object> spec) {}

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void builtInHealthMatchesArgoCd(Case c) {
    String name = (String) c.spec().get("name");
    Optional<String> skip = ConformanceSkips.gitopsEngine(name);
    Assumptions.assumeTrue(skip.isEmpty(), () -> skip.orElse(""));

    LiveObject live =
        LiveObject.of(HealthCorpus.yaml(c.root().resolve((String) c.spec().get("input"))));
    @SuppressWarnings("unchecked")
    Map<String, Object> expected = (Map<String, Object>) c.spec().get("expected");
    String function = (String) c.spec().get("function");

    Optional<HealthResult> actual =
        function.startsWith("getArgoWorkflowHealth")
            ? new ArgoWorkflowHealthCheck().assess(live)
            : ASSESSOR.assess(live).result();

    Object status = expected.get("status");
    if (status == null) {
      assertThat(actual).as("no built-in check expected for %s", live.groupKind()).isEmpty();
      return;
    }
    assertThat(actual).as("a result for %s", name).isPresent();
    assertThat(actual.get().status().wireName()).as("status of %s", name).isEqualTo(status);
    if (expected.containsKey("message")) {
      assertThat(actual.get().message())
          .as("message of %s", name)
          .isEqualTo(expected.get("message"));
    }
  }
}
