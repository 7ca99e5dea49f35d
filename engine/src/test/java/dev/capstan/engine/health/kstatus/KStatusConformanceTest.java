package dev.capstan.engine.health.kstatus;

import static org.assertj.core.api.Assertions.assertThat;

import dev.capstan.engine.health.Condition;
import dev.capstan.engine.health.ConformanceSkips;
import dev.capstan.engine.health.HealthCorpus;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
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
 * Runs every case of the kstatus corpus ({@code shared/conformance/health/kstatus}): cli-utils' own
 * expectations for {@code Compute} and {@code Augment}. Skips are listed in {@link
 * ConformanceSkips}.
 */
class KStatusConformanceTest {

  private static final Instant NOW = Instant.parse("2026-01-01T12:00:00Z");
  private static final KStatusComputer COMPUTER =
      new KStatusComputer(Clock.fixed(NOW, ZoneOffset.UTC));

  static Stream<Arguments> computeCases() {
    return cases("cases");
  }

  static Stream<Arguments> augmentCases() {
    return cases("augment");
  }

  private static Stream<Arguments> cases(String dir) {
    return HealthCorpus.yamlFiles(HealthCorpus.root().resolve("kstatus").resolve(dir)).stream()
        .map(KStatusConformanceTest::load)
        .map(c -> Arguments.of(Named.of((String) c.get("name"), c)));
  }

  private static Map<String, Object> load(Path file) {
    try {
      // The one dynamic field: a creationTimestamp that the upstream test sets to "now".
      String text = Files.readString(file).replace("__NOW_RFC3339__", NOW.toString());
      return HealthCorpus.yamlText(text);
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("computeCases")
  void computeMatchesKstatus(Map<String, Object> c) {
    skipIfListed(c);
    assertThat(c.get("function")).isEqualTo("Compute");
    KStatusResult result = COMPUTER.compute(map(c.get("input")));
    Map<String, Object> expected = map(c.get("expected"));

    assertThat(result.status().wireName()).as("status").isEqualTo(expected.get("status"));
    for (Object item : list(expected.get("conditions"))) {
      Map<String, Object> want = map(item);
      Optional<Condition> got = result.condition((String) want.get("type"));
      assertThat(got).as("condition %s in %s", want.get("type"), result.conditions()).isPresent();
      assertThat(got.get().status())
          .as("status of %s", want.get("type"))
          .isEqualTo(want.get("status"));
      assertThat(got.get().reason())
          .as("reason of %s", want.get("type"))
          .isEqualTo(want.get("reason"));
    }
    for (Object type : list(expected.get("absentConditionTypes"))) {
      assertThat(result.condition((String) type)).as("absent condition %s", type).isEmpty();
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("augmentCases")
  void augmentMatchesKstatus(Map<String, Object> c) {
    skipIfListed(c);
    assertThat(c.get("function")).isEqualTo("Augment");
    Map<String, Object> input = map(c.get("input"));
    Map<String, Object> augmented = COMPUTER.augment(input);
    Map<String, Object> expected = map(c.get("expected"));

    if (expected.containsKey("object")) {
      assertThat(augmented).isEqualTo(expected.get("object"));
      return;
    }
    List<Object> conditions =
        list(map(augmented.getOrDefault("status", Map.of())).get("conditions"));
    assertThat(conditions)
        .as("conditions after Augment")
        .hasSize(((Number) expected.get("conditionCount")).intValue());
    for (Object item : list(expected.get("conditions"))) {
      Map<String, Object> want = map(item);
      assertThat(conditions)
          .as("condition %s/%s", want.get("type"), want.get("reason"))
          .anySatisfy(
              got -> {
                assertThat(map(got).get("type")).isEqualTo(want.get("type"));
                assertThat(map(got).get("reason")).isEqualTo(want.get("reason"));
              });
    }
  }

  private static void skipIfListed(Map<String, Object> c) {
    Optional<String> skip = ConformanceSkips.kstatus((String) c.get("name"));
    Assumptions.assumeTrue(skip.isEmpty(), () -> skip.orElse(""));
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> map(Object o) {
    return o == null ? Map.of() : (Map<String, Object>) o;
  }

  @SuppressWarnings("unchecked")
  private static List<Object> list(Object o) {
    return o == null ? List.of() : (List<Object>) o;
  }
}
