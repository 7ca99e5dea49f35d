package dev.capstan.engine.health.lua;

import static org.assertj.core.api.Assertions.assertThat;

import dev.capstan.engine.health.BuiltInHealthChecks;
import dev.capstan.engine.health.ConformanceSkips;
import dev.capstan.engine.health.GroupKind;
import dev.capstan.engine.health.HealthCheck;
import dev.capstan.engine.health.HealthCorpus;
import dev.capstan.engine.health.HealthResult;
import dev.capstan.engine.health.LiveObject;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Runs every case of the Argo CD resource-customization corpus ({@code
 * shared/conformance/health/argocd-lua}, 1,123 cases) through Capstan's Lua engine.
 *
 * <p>The corpus has inputs and expected results but no scripts. The scripts run here are Capstan's
 * own, in {@code src/test/resources/health/argocd-lua/<group>/<kind>/health.lua} (the directory
 * names of the corpus, {@code _} being a wildcard). They are loaded as Argo CD config map keys and
 * selected by the object's group and kind exactly as at run time, so the wildcard and
 * cross-directory selection rules are exercised too. Kinds with a Java built-in check that mirrors
 * Argo CD's bundled script (CronJob, CustomResourceDefinition) run that check. Any other case is
 * skipped with the reason given by {@link ConformanceSkips#argoLuaNoScript(String)}. Status and
 * message are compared exactly, as upstream does.
 */
class ArgoLuaConformanceTest {

  private static final Path SCRIPTS = scriptsRoot();
  private static final Map<String, String> CONFIG = configMap();
  private static final CustomHealthScripts CUSTOM =
      CustomHealthScripts.fromConfigMap(CONFIG, LuaLimits.defaults());

  static Stream<Arguments> cases() {
    Path root = HealthCorpus.root().resolve("argocd-lua");
    return HealthCorpus.jsonLines(root.resolve("index.jsonl")).stream()
        .map(
            c ->
                Arguments.of(
                    Named.of(
                        c.get("dir") + "/" + Path.of((String) c.get("input")).getFileName(), c)));
  }

  @Test
  void everyAuthoredScriptCompiles() {
    assertThat(CUSTOM.problems()).isEmpty();
    assertThat(CONFIG).isNotEmpty();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void healthMatchesArgoCdCustomization(Map<String, Object> c) {
    String scriptDir = (String) c.get("resolvedScriptDir");
    LiveObject live =
        LiveObject.of(
            HealthCorpus.yaml(
                HealthCorpus.root().resolve("argocd-lua").resolve((String) c.get("input"))));
    GroupKind gk = live.groupKind();

    HealthCheck check;
    if (Files.isRegularFile(SCRIPTS.resolve(scriptDir).resolve("health.lua"))) {
      Optional<HealthCheck> selected = CUSTOM.forKind(gk);
      assertThat(selected).as("a script selected for %s", gk).isPresent();
      assertThat(((LuaHealthScript) selected.get()).name())
          .as("script selected for %s", gk)
          .isEqualTo(configKey(scriptDir));
      check = selected.get();
    } else {
      Optional<HealthCheck> builtIn = BuiltInHealthChecks.forKind(gk);
      Assumptions.assumeTrue(
          builtIn.isPresent(), () -> ConformanceSkips.argoLuaNoScript(scriptDir));
      check = builtIn.get();
    }

    Optional<HealthResult> result = check.assess(live);

    assertThat(result).as("a result").isPresent();
    assertThat(result.get().status().wireName()).as("status").isEqualTo(c.get("status"));
    assertThat(result.get().message()).as("message").isEqualTo(c.get("message"));
  }

  private static Path scriptsRoot() {
    try {
      return Path.of(ArgoLuaConformanceTest.class.getResource("/health/argocd-lua").toURI());
    } catch (URISyntaxException e) {
      throw new IllegalStateException(e);
    }
  }

  /** Every authored script as an Argo CD config map entry. */
  private static Map<String, String> configMap() {
    Map<String, String> config = new TreeMap<>();
    try (Stream<Path> files = Files.walk(SCRIPTS)) {
      for (Path file :
          files.filter(p -> p.getFileName().toString().equals("health.lua")).toList()) {
        String dir = SCRIPTS.relativize(file.getParent()).toString().replace('\\', '/');
        config.put(configKey(dir), Files.readString(file));
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return config;
  }

  /** {@code group/kind} directory (with {@code _} wildcards) to its config map key. */
  private static String configKey(String dir) {
    int slash = dir.lastIndexOf('/');
    String group = dir.substring(0, slash).replace('_', '*');
    String kind = dir.substring(slash + 1).replace('_', '*');
    return CustomHealthScripts.KEY_PREFIX + group + "_" + kind;
  }
}
